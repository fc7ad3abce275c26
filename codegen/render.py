"""Render the templates for each package into file texts (not yet formatted)."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Mapping
from pathlib import Path

import jinja2

from codegen import policy, resources, runtime
from codegen.model import GroupModel, OperationModel, PackageModel
from codegen.schema import Vendor

TEMPLATES = resources.TEMPLATES
RUNTIME = Path(runtime.__file__).resolve().parent

# Generated module -> template. Each package gets every one of them, and a copy of the runtime.
MODULES = {
    "__init__.py": "__init__.py.j2",
    "_signatures.py": "_signatures.py.j2",
    "client.py": "client.py.j2",
    "models.py": "models.py.j2",
}
_WIDTH = 96
_BUILTIN_TYPES = frozenset({"list", "dict", "str", "int", "float", "bool"})
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_ERROR_NAMES = sorted(
    [
        "ApiConnectionError",
        "ApiError",
        "ApiTimeoutError",
        "ArgumentError",
        "DecodeError",
        "StatusError",
        policy.SERVER_ERROR[0],
        *(name for name, _, _ in policy.STATUS_ERRORS),
    ]
)


def header(registry_sha256: str) -> str:
    return (
        f"# Generated from endpoints.yaml (sha256 {registry_sha256}) "
        "by `python -m codegen generate`. Do not edit.\n"
    )


def render(
    packages: list[PackageModel], registry_sha256: str, vendors: Mapping[str, Vendor]
) -> dict[str, str]:
    """Relative path -> text, for every generated file.

    `vendors` (by package name) are the registry's entries, for the facts the model does not carry: the
    release version and the environment variables of the credentials.
    """
    env = _environment()
    files: dict[str, str] = {}
    top = header(registry_sha256)
    for package in packages:
        context = _context(package)
        vendor = vendors[package.name]
        context["version"] = vendor.version
        context["registry_sha256"] = registry_sha256
        context["user_agent"] = default_user_agent(package, vendor.version)
        context["credential_env"] = {c.arg: c.env for c in vendor.credentials if c.env}
        context.update(_signature_context(package))
        for module, template in MODULES.items():
            text = env.get_template(template).render(package=package, **context)
            files[f"{package.name}/{module}"] = top + text
        for module in runtime.MODULES:
            files[f"{package.name}/{module}"] = top + (RUNTIME / module).read_text()
        for workflow in package.workflows:
            source = env.get_template(f"workflows/{workflow.kind}.py.j2")
            text = source.render(package=package, workflow=workflow, **context, **workflow.context)
            files[f"{package.name}/{workflow.module}.py"] = top + text
        files[f"{package.name}/py.typed"] = ""
    return files


def default_user_agent(package: PackageModel, version: str) -> str | None:
    """`OneTicketClient/1.2.0`, unless the vendor prescribes a User-Agent (a credential or a header)."""
    headers = [header for _, header, _, _, _ in package.credentials] + list(package.headers)
    if any(header.lower() == "user-agent" for header in headers):
        return None
    return f"{package.client}/{version}"


def template_environment(directory: Path = TEMPLATES) -> jinja2.Environment:
    """The Jinja setup every generated file shares: a missing value is an error, never an empty string."""
    return jinja2.Environment(
        # Compiled templates are cached on disk between runs (generation time is a target).
        bytecode_cache=jinja2.FileSystemBytecodeCache(),
        loader=jinja2.FileSystemLoader(directory),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )


def _environment() -> jinja2.Environment:
    env = template_environment()
    env.filters["pyrepr"] = repr
    env.filters["docstring"] = docstring
    env.filters["method_docstring"] = method_docstring
    env.filters["unshadowed"] = unshadowed
    env.filters["protocol_name"] = protocol_name
    env.globals["signature"] = signature
    env.globals["media_overloads"] = media_overloads
    env.globals["media_union"] = media_union
    env.filters["tick"] = lambda name: f"`{name}`"
    env.filters["isort_all"] = lambda names: sorted(names, key=_isort_key)
    return env


def _context(package: PackageModel) -> dict[str, object]:
    declared = {s.name for s in package.structs} | {e.name for e in package.enums}
    annotations = []
    for op in package.operations:
        annotations += [op.returns, op.decode_annotation or "", op.body_annotation or ""]
        annotations += [p.annotation for p in op.params]
    used = {name for text in annotations for name in _IDENTIFIER.findall(text)}
    if package.envelope and any(op.enveloped for op in package.operations):
        used.add(package.envelope)  # each enveloped endpoint names its envelope type
    error_names = list(_ERROR_NAMES)
    if package.envelope:
        error_names = sorted([*error_names, "EnvelopeError"])
    return {
        "exported": sorted(declared),
        "client_imports": sorted(used & declared),
        "client_uses_any": "Any" in used or any(op.body_annotation for op in package.operations),
        "client_uses_literal": "Literal" in used,
        "client_uses_unset": any(op.unwrap_field_is_list for op in package.operations),
        "secret_headers": [header for _, header, _, secret, _ in package.credentials if secret],
        "error_names": error_names,
        "client_uses_date": any(
            "dt.date" in p.annotation for op in package.operations for p in op.params
        ),
        "group_mixins": {w.group: w for w in package.workflows if w.mixin},
        "client_uses_media": any(op.media_types for op in package.operations),
        "client_uses_builtins": any(
            _BUILTIN_TYPES & {op.name for op in group.operations} for group in package.groups
        ),
    }


def _signature_context(package: PackageModel) -> dict[str, object]:
    """What `_signatures.py` imports: exactly the names its operations' annotations use."""
    declared = {s.name for s in package.structs} | {e.name for e in package.enums}
    used: set[str] = set()
    shadowing = False
    for group in package.groups:
        for op in group.operations:
            if op.media_types:
                continue
            texts = [op.returns, op.body_annotation or "", *(p.annotation for p in op.params)]
            names = {name for text in texts for name in _IDENTIFIER.findall(text)}
            used |= names
            shadowing |= bool(names & _BUILTIN_TYPES & {o.name for o in group.operations})
    bodies = any(op.body_annotation for op in package.operations if not op.media_types)
    builders = {
        w.context["builder"]: w.module for w in package.workflows if w.kind == "query_builder"
    }
    return {
        "signature_imports": sorted(used & declared),
        "signature_builders": sorted(
            (module, name) for name, module in builders.items() if name in used
        ),
        "signatures_use_any": "Any" in used or bodies,
        "signatures_use_mapping": bodies,
        "signatures_use_literal": "Literal" in used,
        "signatures_use_date": "dt" in used,
        "signatures_use_builtins": shadowing,
    }


def media_overloads(op: OperationModel) -> list[tuple[str, str]]:
    """(return annotation, `media_type` annotation) per overload: the default first, then by type."""
    default = f"Literal[{op.accept or 'application/json'!r}] = {op.accept or 'application/json'!r}"
    grouped: dict[str, list[str]] = {}
    for media_type, annotation in op.media_types:
        grouped.setdefault(annotation, []).append(repr(media_type))
    return [(op.returns, default)] + [
        (annotation, f"Literal[{', '.join(values)}]") for annotation, values in grouped.items()
    ]


def media_union(op: OperationModel) -> str:
    annotations = [op.returns]
    for _, annotation in op.media_types:
        if annotation not in annotations:
            annotations.append(annotation)
    return " | ".join(annotations)


def signature(op: OperationModel, group: GroupModel, media: str | None = None) -> str:
    """The parameters of an operation method: keyword-only, required ones first, then the optional."""
    body = None
    if op.body_annotation:
        alternative = (
            "list[dict[str, Any]]"
            if op.body_annotation.startswith("list[")
            else "Mapping[str, Any]"
        )
        body = unshadowed(f"{op.body_annotation} | {alternative}", group)
    required = [f"{p.py_name}: {unshadowed(p.annotation, group)}" for p in op.required_params]
    optional = [
        f"{p.py_name}: {unshadowed(p.annotation, group)} | None = None" for p in op.optional_params
    ]
    if body and op.body_required:
        required.insert(0, f"body: {body}")
    elif body:
        optional.append(f"body: {body} | None = None")
    if media is not None:
        # Overloads name it without a default (it selects the overload); the implementation defaults it.
        if media == "str":
            optional.append(f"media_type: str = {op.accept or 'application/json'!r}")
        elif "=" in media:
            optional.append(f"media_type: {media}")
        else:
            required.append(f"media_type: {media}")
    params = required + optional
    return ", ".join(["self", "*", *params] if params else ["self"])


def protocol_name(op: OperationModel) -> str:
    """`cart.get` -> `CartGetOperation`: the type checkers' name of the operation (their messages show
    it); the suffix keeps it apart from model and builder names (`sales.query` and `SalesQuery`)."""
    words = f"{op.group}_{op.name}".split("_")
    return "".join(word[:1].upper() + word[1:] for word in words) + "Operation"


def unshadowed(annotation: str, group: GroupModel) -> str:
    """Inside a class with a method named `list`, `list[...]` would mean the method: say `builtins.list`."""
    for name in _BUILTIN_TYPES & {op.name for op in group.operations}:
        annotation = re.sub(rf"(?<![\w.]){name}\b", f"builtins.{name}", annotation)
    return annotation


def _isort_key(name: str) -> tuple[int, str]:
    """The order ruff expects in `__all__`: CONSTANTS, then Classes, then functions."""
    kind = 0 if name.isupper() else 1 if name[:1].isupper() else 2
    return kind, name


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')


def docstring(text: str, indent: int = 4) -> str:
    """A docstring body: paragraphs wrapped, continuation lines indented."""
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    pad = " " * indent
    wrapped = [
        textwrap.fill(_escape(p), _WIDTH - indent, subsequent_indent=pad, initial_indent=pad)
        for p in paragraphs
    ]
    body = "\n\n".join(wrapped).strip()
    if "\n" in body:
        body += "\n" + pad
    return body


def method_docstring(op: OperationModel) -> str:
    pad = " " * 8
    lines = [_escape(" ".join((op.summary or f"{op.group}.{op.name}").split()))]
    if op.description and op.description.strip() != op.summary.strip():
        lines += ["", docstring(op.description, 8).rstrip()]
    args = [(p.py_name, p.doc) for p in [*op.required_params, *op.optional_params]]
    if op.body_annotation:
        body_doc = op.body_doc or "The request body: the model, or a dict with the wire names."
        args.insert(0 if op.body_required else len(args), ("body", body_doc))
    if op.media_types:
        kinds = [f"{op.accept or 'application/json'} (the default) gives {op.returns}"]
        kinds += [f"{media_type} gives {annotation}" for media_type, annotation in op.media_types]
        args.append(("media_type", "The response media type: " + "; ".join(kinds) + "."))
    if args:
        lines += ["", f"{pad}Args:"]
        for name, doc in args:
            text = " ".join(doc.split()) or "See the vendor documentation."
            lines.append(
                textwrap.fill(
                    _escape(f"{name}: {text}"),
                    _WIDTH - 12,
                    initial_indent=pad + "    ",
                    subsequent_indent=pad + "        ",
                )
            )
    if len(lines) == 1:
        return lines[0]
    body = "\n".join(
        line if i == 0 or not line or line.startswith(pad) else pad + line.lstrip()
        for i, line in enumerate(lines)
    )
    return body + "\n" + pad

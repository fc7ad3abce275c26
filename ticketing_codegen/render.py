"""Render the templates for each package into file texts (not yet formatted).

The templates lay out what the model (`ticketing_codegen.model`) decided; annotations come from the Python view
(`ticketing_codegen.pytyping`), which notes the imports each one needs. A module's body is rendered first, then its
type imports are put where the template left `TYPE_IMPORTS` (ruff sorts and merges them afterwards).
"""

from __future__ import annotations

import json
import keyword
import re
import textwrap
from pathlib import Path
from typing import Literal

import jinja2

from ticketing_codegen import names, policy, pytyping, resources, runtime
from ticketing_codegen.model import Group, ObjectType, Operation, Vendor
from ticketing_codegen.pytyping import PythonTypes

TEMPLATES = resources.TEMPLATES
RUNTIME = Path(runtime.__file__).resolve().parent

# Generated module -> template. Each package gets every one of them, and a copy of the runtime.
MODULES = {
    "__init__.py": "__init__.py.j2",
    "_signatures.py": "_signatures.py.j2",
    "bodies.py": "bodies.py.j2",
    "_endpoints.py": "_endpoints.py.j2",
    "client.py": "client.py.j2",
    "models.py": "models.py.j2",
}
# Where a template wants the imports its annotations need (see the module docstring).
TYPE_IMPORTS = "# <type imports>"
_WIDTH = 96
_ERROR_NAMES = sorted(
    [
        "ApiConnectionError",
        "ApiError",
        "ApiTimeoutError",
        "ArgumentError",
        "DecodeError",
        "ResponseTooLargeError",
        "StatusError",
        policy.SERVER_ERROR[0],
        *(name for name, _, _ in policy.STATUS_ERRORS),
    ]
)


def header(registry_sha256: str) -> str:
    return (
        f"# Generated from endpoints.yaml (sha256 {registry_sha256}) "
        "by `ticketing-codegen generate`. Do not edit.\n"
    )


def render(vendors: list[Vendor], registry_sha256: str) -> dict[str, str]:
    """Relative path -> text, for every generated file."""
    env = _environment()
    files: dict[str, str] = {}
    top = header(registry_sha256)
    for vendor in vendors:
        context = _context(vendor)
        context["registry_sha256"] = registry_sha256
        for module, template in MODULES.items():
            files[f"{vendor.name}/{module}"] = top + _module(env, template, vendor, context)
        for module in runtime.MODULES:
            files[f"{vendor.name}/{module}"] = top + (RUNTIME / module).read_text()
        for workflow in vendor.workflows:
            source = env.get_template(f"workflows/{workflow.kind}.py.j2")
            text = source.render(package=vendor, workflow=workflow, **context)
            files[f"{vendor.name}/{workflow.module}.py"] = top + text
        files[f"{vendor.name}/py.typed"] = ""
    return files


def _module(
    env: jinja2.Environment, template: str, vendor: Vendor, context: dict[str, object]
) -> str:
    """One module's text: the body first, then the imports its annotations needed."""
    types = PythonTypes(
        models_from=None if template == "models.py.j2" else ".models",
        lazy_models=template == "client.py.j2",
    )
    text = env.get_template(template).render(package=vendor, py=types, **context)
    return text.replace(TYPE_IMPORTS, types.imports().rstrip("\n"))


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
    env.filters["literal"] = literal
    env.filters["docstring"] = docstring
    env.filters["method_docstring"] = method_docstring
    env.globals["signature"] = signature
    env.globals["shadowed"] = shadowed
    env.globals["struct_options"] = struct_options
    env.filters["protocol_name"] = protocol_name
    env.filters["typed_dict"] = pytyping.typed_dict_name
    env.tests["keyword_safe"] = lambda name: (
        str(name).isidentifier() and not keyword.iskeyword(name)
    )
    env.globals["protocol_signature"] = protocol_signature
    env.globals["TYPE_IMPORTS"] = TYPE_IMPORTS
    env.filters["isort_all"] = lambda names: sorted(names, key=_isort_key)
    return env


def _context(vendor: Vendor) -> dict[str, object]:
    error_names = list(_ERROR_NAMES)
    if vendor.envelope:
        error_names = sorted([*error_names, "EnvelopeError"])
    return {
        "error_names": error_names,
        "user_agent": default_user_agent(vendor),
        "credential_env": {c.arg: c.env for c in vendor.credentials if c.env},
        "body_dicts": body_dicts(vendor),
    }


def body_dicts(vendor: Vendor) -> list[ObjectType]:
    """The object types a request body may hold, in registry order: each gets a TypedDict."""
    wanted = vendor.reachable([op.body_type for op in vendor.operations if op.body_type])
    return [t for t in vendor.structs if t.name in wanted and not t.generic]


def default_user_agent(vendor: Vendor) -> str | None:
    """`OneTicketClient/1.2.0`, unless the vendor prescribes a User-Agent (a credential or a header)."""
    headers = [credential.header for credential in vendor.credentials] + list(vendor.headers)
    if any(header.lower() == "user-agent" for header in headers):
        return None
    return f"{vendor.client}/{vendor.version}"


def protocol_name(op: Operation) -> str:
    """`cart.get` -> `CartGetOperation`: the type checkers' name of the operation (their messages show
    it); the suffix keeps it apart from model and builder names (`sales.query` and `SalesQuery`)."""
    return names.pascal_case(f"{op.group}_{op.name}") + "Operation"


def struct_options(vendor: Vendor, struct: ObjectType) -> list[str]:
    """The class keywords of a model (`kw_only=True`, `gc=False`, `rename={...}`)."""
    options = []
    if struct.name not in vendor.row_types:
        options.append("kw_only=True")
    if struct.name in vendor.acyclic_types:
        # Decoded JSON trees hold no reference cycles: the collector has nothing to find in them,
        # and walking every struct of a large decode on each collection was most of its cost.
        options.append("gc=False")
    if struct.renames:
        options.append(f"rename={struct.renames!r}")
    return options


def shadowed(group: Group) -> frozenset[str]:
    """Builtin names the group's methods shadow inside its class (`def list(...)`)."""
    return pytyping.BUILTIN_TYPES & group.method_names


def signature(
    types: PythonTypes,
    op: Operation,
    group: Group,
    media: pytyping.Overload | Literal["any"] | None = None,
) -> str:
    """The parameters of an operation method: keyword-only, required ones first, then the optional."""
    params = pytyping.signature_parameters(op, types, shadowed(group), media)
    return ", ".join(["self", "*", *params] if params else ["self"])


def protocol_signature(types: PythonTypes, op: Operation) -> str:
    """An operation's parameters in its `_signatures` class, where no builtin name is shadowed."""
    params = pytyping.signature_parameters(op, types, frozenset(), None)
    return ", ".join(["self", "*", *params] if params else ["self"])


def literal(value: str | int) -> str:
    """A Python literal in ruff's style (double quotes), for examples inside docstrings."""
    return json.dumps(value)


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


def method_docstring(op: Operation) -> str:
    pad = " " * 8
    lines = [_escape(" ".join((op.summary or f"{op.group}.{op.name}").split()))]
    # Where the call goes, beside the method (the endpoint constants are far above).
    server = f" (server `{op.server}`)" if op.server != "default" else ""
    lines += ["", f"{pad}`{_escape(op.route)}`{server}"]
    if op.description and op.description.strip() != op.summary.strip():
        lines += ["", docstring(op.description, 8).rstrip()]
    args = [(p.python_name, p.description) for p in [*op.required_params, *op.optional_params]]
    if op.body is not None and op.body.type is not None:
        body_doc = (
            op.body.description or "The request body: the model, or a dict with the wire names."
        )
        args.insert(0 if op.body.required else len(args), ("body", body_doc))
    if op.media_types:
        types = PythonTypes(models_from=None)
        kinds = [f"{op.default_media_type} (the default) gives {types.returns(op)}"]
        kinds += [f"{m.media_type} gives {types.media(m)}" for m in op.media_types]
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
    body = "\n".join(
        line if i == 0 or not line or line.startswith(pad) else pad + line.lstrip()
        for i, line in enumerate(lines)
    )
    return body + "\n" + pad

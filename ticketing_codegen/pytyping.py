"""The Python view of the model's types: annotation text, and the imports that text needs.

One `PythonTypes` per generated module. Each annotation it writes notes what it uses (`Decimal`, `dt.date`,
`Literal`, a model class, `builtins` for a name a method shadows), so the module's imports are exactly
what its body used: the template is rendered first, then `imports()` fills the header (`render.py`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ticketing_codegen import model, typeexpr
from ticketing_codegen.typeexpr import DictOf, ListOf, Named, Nullable, TypeRef

# A registry scalar -> its Python spelling, and the import that spelling needs.
_SCALARS: dict[str, tuple[str, str | None]] = {
    "str": ("str", None),
    "int": ("int", None),
    "float": ("float", None),
    "bool": ("bool", None),
    "decimal": ("Decimal", "from decimal import Decimal"),
    "date": ("dt.date", "import datetime as dt"),
    "any": ("Any", "from typing import Any"),
}
# Builtin names a generated method may shadow inside its class (`def list(...)`).
BUILTIN_TYPES = frozenset({"list", "dict", "str", "int", "float", "bool"})
# The type parameter of the generic envelope (its `output` field).
TYPE_PARAMETER = "T"
MULTIPART_DOCUMENT = "MultipartDocument"
assert set(_SCALARS) == typeexpr.SCALARS


@dataclass(frozen=True)
class Overload:
    """One `@overload` of a method with media types: what it returns for which `media_type`."""

    returns: str
    literal: str  # `Literal['application/pdf', ...]`
    default: str | None = None  # the default media type, on the overload it selects

    @property
    def parameter(self) -> str:
        default = f" = {self.default!r}" if self.default is not None else ""
        return f"media_type: {self.literal}{default}"


@dataclass
class PythonTypes:
    """Annotations for one module; `models_from` is how the module imports model classes (None: it
    defines them)."""

    models_from: str | None = ".models"
    used: set[str] = field(default_factory=set)  # import lines
    # Model classes written `models.<Name>`, read from a module-level lazy `models` (the client's:
    # the models are imported by the first call, not with the package); no import line noted.
    lazy_models: bool = False

    def imports(self) -> str:
        """The import lines the annotations written so far need (ruff sorts and merges them)."""
        return "".join(f"{line}\n" for line in sorted(self.used))

    def _builtin(self, name: str, shadowed: frozenset[str]) -> str:
        if name in shadowed:
            self.used.add("import builtins")
            return f"builtins.{name}"
        return name

    def annotation(self, ref: TypeRef, shadowed: frozenset[str] = frozenset()) -> str:
        """`list[Seat] | None`; inside a class whose methods shadow a builtin, `builtins.list[...]`."""
        if isinstance(ref, Named):
            scalar = _SCALARS.get(ref.name)
            if scalar is not None:
                spelled, needs = scalar
                if needs is not None:
                    self.used.add(needs)
                return self._builtin(spelled, shadowed) if needs is None else spelled
            if self.lazy_models:
                return f"models.{ref.name}"
            if self.models_from is not None:
                self.used.add(f"from {self.models_from} import {ref.name}")
            return ref.name
        if isinstance(ref, ListOf):
            return f"{self._builtin('list', shadowed)}[{self.annotation(ref.item, shadowed)}]"
        if isinstance(ref, DictOf):
            key = self._builtin("str", shadowed)
            return (
                f"{self._builtin('dict', shadowed)}[{key}, {self.annotation(ref.value, shadowed)}]"
            )
        assert isinstance(ref, Nullable)
        return f"{self.annotation(ref.inner, shadowed)} | None"

    def model_class(self, name: str) -> str:
        """A model class named outside an annotation (the envelope an endpoint decodes with)."""
        return self.annotation(Named(name))

    def optional(self, ref: TypeRef | None, shadowed: frozenset[str] = frozenset()) -> str:
        """The annotation, or `None` for no type."""
        return "None" if ref is None else self.annotation(ref, shadowed)

    # -- models --------------------------------------------------------------------------------

    def field(self, owner: model.ObjectType, field: model.Field, *, unset: bool = True) -> str:
        """A model attribute: `UnsetType` added when it may be missing (with `unset`)."""
        if owner.generic and field.wire == model.ENVELOPE_OUTPUT:
            text = TYPE_PARAMETER
        else:
            text = self.annotation(field.type)
        return f"{text} | UnsetType" if field.may_be_missing and unset else text

    def values_literal(self, param: model.Parameter) -> str:
        """The wire values an enum argument accepts, as Python literals: `'A', 'B'`."""
        return ", ".join(repr(value) for value in param.accepted_values)

    # -- operation methods ---------------------------------------------------------------------

    def parameter(self, param: model.Parameter, shadowed: frozenset[str] = frozenset()) -> str:
        """What the argument accepts: an enum or its wire values, a date or the vendor's text, a builder."""
        if param.enum is not None:
            self.used.add("from typing import Literal")
            enum = self.annotation(Named(param.enum.name))
            accepted = f"{enum} | Literal[{self.values_literal(param)}]"
        elif param.kind == "http_date":
            # An HTTP-date header: a datetime (sent as IMF-fixdate), or the text to send as it is.
            self.used.add("import datetime as dt")
            accepted = f"dt.datetime | {self._builtin('str', shadowed)}"
        elif param.is_date:
            # A date argument may also be the vendor's own text (a comparison such as ">=06/15/2018").
            accepted = f"{self.annotation(Named('date'))} | {self._builtin('str', shadowed)}"
        else:
            accepted = self.annotation(param.item_type, shadowed)
        text = (
            f"{self._builtin('list', shadowed)}[{accepted}]"
            if isinstance(param.type, ListOf)
            else accepted
        )
        return f"{text} | {param.builder}" if param.builder else text

    def body(self, op: model.Operation, shadowed: frozenset[str] = frozenset()) -> str | None:
        """The `body` argument: the model, or a dict with the wire names (None: no argument); a body
        of a named object type takes its TypedDict (`bodies.CheckoutDict`), so type checkers check
        the dict's keys too."""
        if op.body_type is None:
            return None
        as_dict = self._body_dict(op.body_type, shadowed)
        if as_dict is not None:
            return f"{self.annotation(op.body_type, shadowed)} | {as_dict}"
        self.used.add("from typing import Any")
        if typeexpr.is_list(op.body_type):
            alternative = f"{self._builtin('list', shadowed)}[{self._builtin('dict', shadowed)}[{self._builtin('str', shadowed)}, Any]]"
        else:
            self.used.add("from collections.abc import Mapping")
            alternative = f"Mapping[{self._builtin('str', shadowed)}, Any]"
        return f"{self.annotation(op.body_type, shadowed)} | {alternative}"

    def _body_dict(self, ref: TypeRef, shadowed: frozenset[str]) -> str | None:
        """`bodies.<Type>Dict`, or a list of them, for a body of a named object type."""
        item = ref.item if isinstance(ref, ListOf) else ref
        if not isinstance(item, Named) or item.name in _SCALARS:
            return None
        if not self.lazy_models and self.models_from is not None:
            self.used.add("from . import bodies")  # the client names it lazily, like `models`
        name = f"bodies.{typed_dict_name(item.name)}"
        return f"{self._builtin('list', shadowed)}[{name}]" if isinstance(ref, ListOf) else name

    # -- request bodies as TypedDicts (`bodies.py`) ---------------------------------------------

    def dict_value(self, ref: TypeRef, vendor: model.Vendor) -> str:
        """A TypedDict value: nested objects as their TypedDicts, enums also as their wire values,
        money also as an int or a string, dates also as text (what the body's conversion accepts)."""
        if isinstance(ref, ListOf):
            return f"list[{self.dict_value(ref.item, vendor)}]"
        if isinstance(ref, DictOf):
            return f"dict[str, {self.dict_value(ref.value, vendor)}]"
        if isinstance(ref, Nullable):
            return f"{self.dict_value(ref.inner, vendor)} | None"
        named = vendor.type_named(ref.name)
        if isinstance(named, model.ObjectType):
            return typed_dict_name(ref.name)
        if isinstance(named, model.EnumType):
            self.used.add("from typing import Literal")
            values = ", ".join(repr(value) for value in named.values)
            return f"{self.annotation(ref)} | Literal[{values}]"
        if ref.name == "decimal":
            return f"{self.annotation(ref)} | int | str"
        if ref.name == "date":
            return f"{self.annotation(ref)} | str"
        return self.annotation(ref)

    def returns(self, op: model.Operation, shadowed: frozenset[str] = frozenset()) -> str:
        return self.optional(op.returns, shadowed)

    def media(self, media: model.MediaType, shadowed: frozenset[str] = frozenset()) -> str:
        """What a `media_type` gives: a decoded type, or a multipart document."""
        return MULTIPART_DOCUMENT if media.type is None else self.annotation(media.type, shadowed)

    def media_overloads(
        self, op: model.Operation, shadowed: frozenset[str] = frozenset()
    ) -> list[Overload]:
        """One overload per return type: the default media type first, then the others by type."""
        self.used.add("from typing import Literal")
        default = op.default_media_type
        grouped: dict[str, list[str]] = {}
        for media in op.media_types:
            grouped.setdefault(self.media(media, shadowed), []).append(repr(media.media_type))
        return [Overload(self.returns(op, shadowed), f"Literal[{default!r}]", default)] + [
            Overload(annotation, f"Literal[{', '.join(values)}]")
            for annotation, values in grouped.items()
        ]

    def media_union(self, op: model.Operation, shadowed: frozenset[str] = frozenset()) -> str:
        """Every return annotation of an operation with media types, joined."""
        annotations = [self.returns(op, shadowed)]
        for media in op.media_types:
            annotation = self.media(media, shadowed)
            if annotation not in annotations:
                annotations.append(annotation)
        return " | ".join(annotations)


def signature_parameters(
    op: model.Operation,
    types: PythonTypes,
    shadowed: frozenset[str] = frozenset(),
    media: Overload | Literal["any"] | None = None,
) -> list[str]:
    """The keyword parameters of an operation method: required ones first, then the optional.

    `media`: how `media_type` is declared: by an overload (which selects by it), or "any" (the
    implementation, and the reference: a `str` defaulting to the operation's media type).
    """
    body = types.body(op, shadowed)
    required = [f"{p.python_name}: {types.parameter(p, shadowed)}" for p in op.required_params]
    optional = [
        f"{p.python_name}: {types.parameter(p, shadowed)} | None = None" for p in op.optional_params
    ]
    if body and op.body is not None and op.body.required:
        required.insert(0, f"body: {body}")
    elif body:
        optional.append(f"body: {body} | None = None")
    if media == "any":
        optional.append(f"media_type: str = {op.default_media_type!r}")
    elif isinstance(media, Overload):
        (optional if media.default is not None else required).append(media.parameter)
    return required + optional


def typed_dict_name(type_name: str) -> str:
    """`Checkout` -> `CheckoutDict`: the TypedDict of a request body type, in `bodies.py`."""
    return f"{type_name}Dict"

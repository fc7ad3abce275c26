# Generated from endpoints.yaml (sha256 3750acddfbb35d332c19e57261e2fb4db0cd75297ec40220e5e2d195ab230ba7) by `ticketing-codegen generate`. Do not edit.
"""`encode` and `decode` with the wire names of this package's models, as the client uses them."""

from __future__ import annotations

from typing import Any, TypeVar

import msgspec

T = TypeVar("T")

# Decimal money goes back on the wire as a JSON number, as the vendor sends it.
_encoder = msgspec.json.Encoder(decimal_format="number")
_decoders: dict[Any, msgspec.json.Decoder[Any]] = {}


def encode(obj: object) -> bytes:
    """JSON bytes of a model (or of plain data), with the vendor's wire names."""
    return _encoder.encode(obj)


def decoder_for(type_: type[T]) -> msgspec.json.Decoder[T]:
    """The decoder of `type_`, built once and reused: building one costs more than decoding."""
    decoder = _decoders.get(type_)
    if decoder is None:
        decoder = _decoders.setdefault(type_, msgspec.json.Decoder(type_))
    return decoder


def decode(data: bytes | str, type_: type[T]) -> T:
    """Decode JSON into `type_` (a model, `list[Model]`, ...); raises `msgspec.ValidationError`."""
    return decoder_for(type_).decode(data)

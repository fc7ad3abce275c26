# Generated from endpoints.yaml (sha256 3750acddfbb35d332c19e57261e2fb4db0cd75297ec40220e5e2d195ab230ba7) by `ticketing-codegen generate`. Do not edit.
"""Request-IDs: random UUID4 texts, made a batch at a time.

Formatting one UUID costs more than the rest of a call's header work (a 128-bit number to hex, five
slices, a join). A batch is made by a few operations over one byte string instead: random bytes become
hex digits through a translation table, and the dashes, the version digit `4` and the variant digit
(8, 9, a or b) are written at their places in every id at once. A call takes one id from the list.

The bits come from `random` (urllib3 loads it too), not from the system: a request id only has to be
unique, not secret. `uuid` is not imported (it costs more than this module).
"""

from __future__ import annotations

import os

BATCH = 256
_LENGTH = 36  # 8-4-4-4-12 hex digits and 4 dashes
_RECORD = _LENGTH + 1  # each id followed by a space, so that one `split` separates them
_HEX = bytes(b"0123456789abcdef"[byte & 15] for byte in range(256))
_VARIANT = bytes(b"89ab"[byte & 3] for byte in range(256))

_ready: list[str] = []
# The next id made in advance, in C (the call path takes it there): IndexError once the batch is used
# up, when `request_id()` makes the next batch.
take_ready = _ready.pop


def request_id() -> str:
    """A new UUID4 text (`0b5e7a8c-3d1f-4c2a-9e6b-7f4d2a1c8e90`); safe to call from any thread."""
    try:
        return _ready.pop()  # atomic: two threads never get the same id
    except IndexError:
        batch = _new_batch()
        taken = batch.pop()
        _ready.extend(batch)
        return taken


def _new_batch() -> list[str]:
    from random import randbytes

    raw = randbytes(BATCH * _RECORD)
    text = bytearray(raw.translate(_HEX))
    for dash in (8, 13, 18, 23):
        text[dash::_RECORD] = b"-" * BATCH
    text[14::_RECORD] = b"4" * BATCH  # the version
    text[19::_RECORD] = raw[19::_RECORD].translate(_VARIANT)  # the RFC 4122 variant: 10xx
    text[_LENGTH::_RECORD] = b" " * BATCH
    return text.decode("ascii").split()


# A forked process must not send the ids its parent has in hand (as `random` reseeds itself there).
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_ready.clear)

"""Every answer's Content-Type is the media type the registry declares for the operation."""

from __future__ import annotations

import pytest

from oneticket import OneTicketClient
from paciolan import PaciolanClient
from tests.emulator.test_operations import CASES, OPERATIONS, _arguments, _call
from ticketing_codegen.model import MediaType, Operation
from ticketing_emulator import Emulator

MEDIA_TYPES = [
    pytest.param(vendor, op, media, id=f"{vendor}:{op.qualified_name}:{media.media_type}")
    for vendor, op in CASES
    for media in op.media_types
]


@pytest.mark.parametrize(("vendor", "operation"), OPERATIONS)
def test_every_answer_has_the_declared_content_type(
    emulator: Emulator,
    emulated_oneticket: OneTicketClient,
    emulated_paciolan: PaciolanClient,
    vendor: str,
    operation: Operation,
) -> None:
    client = emulated_oneticket if vendor == "oneticket" else emulated_paciolan

    raw = _call(client, operation, _arguments(vendor, operation, emulated_paciolan))

    declared = None if raw.status == 204 else operation.default_media_type
    assert raw.headers.get("Content-Type") == declared


@pytest.mark.parametrize(("vendor", "operation", "media"), MEDIA_TYPES)
def test_an_answer_in_a_chosen_media_type_has_its_content_type(
    emulator: Emulator,
    emulated_oneticket: OneTicketClient,
    emulated_paciolan: PaciolanClient,
    vendor: str,
    operation: Operation,
    media: MediaType,
) -> None:
    client = emulated_oneticket if vendor == "oneticket" else emulated_paciolan
    arguments = {**_arguments(vendor, operation, emulated_paciolan), "media_type": media.media_type}

    raw = _call(client, operation, arguments)

    content_type = raw.headers.get("Content-Type", "")
    if media.multipart:  # a JSON part and a part of that type
        assert content_type.startswith("multipart/mixed;")
    else:
        assert content_type == media.media_type

"""Every answer's Content-Type is the media type the registry declares for the operation."""

from __future__ import annotations

import pytest

from codegen.emulator import Emulator
from codegen.schema import Operation
from oneticket import OneTicketClient
from paciolan import PaciolanClient
from tests.emulator.test_operations import CASES, OPERATIONS, _arguments, _call

# The media type of an operation's answer when the caller names none (`accept`, default JSON).
DEFAULT_MEDIA_TYPE = "application/json"
MEDIA_TYPES = [
    pytest.param(vendor, op, media_type, id=f"{vendor}:{op.name}:{media_type}")
    for vendor, op in CASES
    for media_type in op.media_types
]


@pytest.mark.parametrize(("vendor", "operation"), OPERATIONS)
def test_every_answer_has_the_declared_content_type(
    emulator: Emulator,
    oneticket: OneTicketClient,
    paciolan: PaciolanClient,
    vendor: str,
    operation: Operation,
) -> None:
    client = oneticket if vendor == "oneticket" else paciolan

    raw = _call(client, operation, _arguments(vendor, operation, paciolan))

    declared = None if raw.status == 204 else operation.accept or DEFAULT_MEDIA_TYPE
    assert raw.headers.get("Content-Type") == declared


@pytest.mark.parametrize(("vendor", "operation", "media_type"), MEDIA_TYPES)
def test_an_answer_in_a_chosen_media_type_has_its_content_type(
    emulator: Emulator,
    oneticket: OneTicketClient,
    paciolan: PaciolanClient,
    vendor: str,
    operation: Operation,
    media_type: str,
) -> None:
    client = oneticket if vendor == "oneticket" else paciolan
    arguments = {**_arguments(vendor, operation, paciolan), "media_type": media_type}

    raw = _call(client, operation, arguments)

    content_type = raw.headers.get("Content-Type", "")
    if operation.media_types[media_type] == "multipart":  # a JSON part and a part of that type
        assert content_type.startswith("multipart/mixed;")
    else:
        assert content_type == media_type

# Generated from endpoints.yaml (sha256 3750acddfbb35d332c19e57261e2fb4db0cd75297ec40220e5e2d195ab230ba7) by `ticketing-codegen generate`. Do not edit.
"""Responses wrapped in an envelope: `{"result": {"status", "message", "messageid"}, "output": ...}`.

For vendors whose registry declares an envelope (and `envelope_success`), the result of an operation is
the envelope's `output`; a `result.status` other than the success value raises `EnvelopeError`, even on
HTTP 200. The envelope type itself is generated (`models.Envelope`); this module relies only on its shape.
"""

from __future__ import annotations

from typing import Any

import msgspec

from . import errors
from ._endpoint import Endpoint
from ._responses import RawResponse
from ._serde import decoder_for


def unwrap(endpoint: Endpoint[Any], response: RawResponse, success: str) -> Any:
    """The envelope's `output`, after checking its `result.status`.

    Raises `msgspec.DecodeError` when the body is not the documented envelope and not a recognisable
    failure either (the caller reports it with the JSON path).
    """
    try:
        envelope = decoder_for(endpoint.envelope_type).decode(response.body)
    except msgspec.DecodeError:
        # A failure envelope may be shaped differently (another `output`, a missing messageid):
        # report the vendor's failure when there is one, the shape problem otherwise.
        _check_loose_envelope(endpoint, response, success)
        raise
    result = envelope.result
    _check_status(endpoint, response, success, result.status, result.message, result.message_id)
    if endpoint.require_output and not envelope.output:
        raise response.decode_error(endpoint.name, "the response's `output` is empty", "$.output")
    return envelope.output


def succeeded(envelope: Any, success: str, require_output: bool) -> bool:
    """Whether a decoded envelope is a result as it stands: the success status, and an `output`
    where one is required (`unwrap` raises the error otherwise)."""
    return envelope.result.status == success and (bool(envelope.output) or not require_output)


def _check_loose_envelope(endpoint: Endpoint[Any], response: RawResponse, success: str) -> None:
    try:
        document = msgspec.json.decode(response.body)
    except msgspec.DecodeError:
        return
    result = document.get("result") if isinstance(document, dict) else None
    if isinstance(result, dict) and "status" in result:
        _check_status(
            endpoint,
            response,
            success,
            str(result["status"]),
            str(result.get("message", "")),
            str(result.get("messageid", "")),
        )


def _check_status(
    endpoint: Endpoint[Any],
    response: RawResponse,
    success: str,
    status: str,
    message: str,
    message_id: str,
) -> None:
    if status != success:
        raise errors.EnvelopeError(
            f"{endpoint.name}: {status}: {message} (messageid {message_id!r})",
            status=status,
            message=message,
            message_id=message_id,
            operation=endpoint.name,
            body=response.body,
        )

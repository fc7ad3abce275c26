"""What a client keeps from one call to the next (its per-operation routes, the first attempt's timeout,
a batch of Request-IDs) never leaks into a call it does not belong to."""

from __future__ import annotations

import os
import uuid
import warnings

import pytest

from oneticket import OneTicketClient
from oneticket.errors import EnvelopeError
from paciolan import PaciolanClient, Timeout, _request_ids
from paciolan import errors as paciolan_errors
from paciolan.models import Ticket
from tests.conftest import sample
from tests.local_server import LocalServer


def reply_ticket(http: LocalServer) -> None:
    http.reply(200, sample("paciolan", "tickets.get"), headers={"Content-Type": "application/json"})


def test_request_ids_stay_distinct_uuid4_texts_across_batches() -> None:
    ids = [_request_ids.request_id() for _ in range(3 * _request_ids.BATCH + 7)]

    assert len(set(ids)) == len(ids)
    for value in ids:
        parsed = uuid.UUID(value)
        assert (parsed.version, parsed.variant, str(parsed)) == (4, uuid.RFC_4122, value)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_a_forked_process_does_not_send_the_request_ids_its_parent_holds() -> None:
    _request_ids.request_id()  # the parent now holds the rest of a batch
    reader, writer = os.pipe()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # forking with threads running
        child = os.fork()
    if child == 0:  # pragma: no cover - the child only writes its id and leaves
        try:
            os.write(writer, _request_ids.request_id().encode())
        finally:
            os._exit(0)
    os.close(writer)
    try:
        child_id = os.read(reader, 100).decode()
    finally:
        os.close(reader)
        os.waitpid(child, 0)

    assert uuid.UUID(child_id).version == 4
    assert child_id != _request_ids.request_id()


def test_headers_added_by_with_options_reach_an_operation_already_called(
    http: LocalServer, paciolan: PaciolanClient
) -> None:
    for _ in range(3):
        reply_ticket(http)

    paciolan.tickets.get(ticket_id="1")
    paciolan.with_options(headers={"X-Trace": "abc"}).tickets.get(ticket_id="1")
    paciolan.tickets.get(ticket_id="1")

    assert [r.header("X-Trace") for r in http.requests] == [None, "abc", None]


def test_a_base_url_set_by_with_options_is_used_by_an_operation_already_called(
    http: LocalServer, paciolan: PaciolanClient
) -> None:
    other = LocalServer().start()
    try:
        reply_ticket(http)
        reply_ticket(other)
        reply_ticket(http)

        paciolan.tickets.get(ticket_id="1")
        paciolan.with_options(base_url=other.url).tickets.get(ticket_id="2")
        paciolan.tickets.get(ticket_id="3")

        assert [r.target for r in http.requests] == ["/tickets/1", "/tickets/3"]
        assert [r.target for r in other.requests] == ["/tickets/2"]
    finally:
        other.stop()


def test_a_client_closed_after_a_call_calls_again_on_new_connections(
    http: LocalServer, paciolan: PaciolanClient
) -> None:
    reply_ticket(http)
    reply_ticket(http)

    paciolan.tickets.get(ticket_id="1")
    paciolan.close()
    ticket = paciolan.tickets.get(ticket_id="1")

    assert isinstance(ticket, Ticket)
    assert len(http.requests) == 2


def test_clients_sharing_a_transport_keep_their_own_timeouts(
    http: LocalServer, paciolan: PaciolanClient
) -> None:
    impatient = paciolan.with_options(timeout=Timeout(connect=1.0, read=0.3, total=1.0))
    http.reply(200, sample("paciolan", "tickets.get"), delay=0.6)
    http.reply(200, sample("paciolan", "tickets.get"), delay=0.6)
    http.reply(200, sample("paciolan", "tickets.get"), delay=0.6)

    with pytest.raises(paciolan_errors.ApiTimeoutError):
        impatient.tickets.get(ticket_id="1")
    paciolan.tickets.get(ticket_id="1")  # the default read timeout (30 s) waits for it
    with pytest.raises(paciolan_errors.ApiTimeoutError):
        impatient.tickets.get(ticket_id="1")


def test_an_error_envelope_whose_output_decodes_still_raises_the_envelope_error(
    http: LocalServer, oneticket: OneTicketClient
) -> None:
    """The quick way decodes the envelope at once: a failure status must not pass as a result."""
    http.reply(
        200,
        {
            "result": {"status": "error", "message": "Unknown source", "messageid": "2002"},
            "output": [{"anything": 1}],
        },
    )

    with pytest.raises(EnvelopeError) as caught:
        oneticket.purchases.crawl(source="nowhere")

    assert (caught.value.status, caught.value.message_id) == ("error", "2002")

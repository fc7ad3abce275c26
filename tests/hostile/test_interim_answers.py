"""Interim 1xx answers (102 Processing, 103 Early Hints) before the real one are skipped: no call ever
receives another call's answer."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from paciolan import errors
from tests.conftest import oneticket_at, paciolan_at, sample
from tests.hostile.server import Connection, Request, each_request, serving

DECLINED = json.dumps({"message": "payment declined"}).encode()


def _cart(cart_id: int) -> bytes:
    cart = json.loads(sample("paciolan", "cart.get"))
    cart["ID"] = cart_id
    return json.dumps(cart).encode()


def _interim_then_real(connection: Connection, request: Request) -> None:
    """Checkout: 102 and 103 first, 50 ms apart, then the real 402; a cart: cart 8 after a 103."""
    if request.method == "POST":
        connection.send(b"HTTP/1.1 102 Processing\r\n\r\n")
        time.sleep(0.05)
        connection.send(b"HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n")
        time.sleep(0.05)
        connection.answer(402, DECLINED, {"Content-Type": "application/json"})
    else:
        cart_id = int(request.target.split("/cart/", 1)[1].split("?")[0])
        connection.send(b"HTTP/1.1 103 Early Hints\r\n\r\n")
        time.sleep(0.05)
        connection.answer(200, _cart(cart_id), {"Content-Type": "application/json"})


CHECKOUT = {"patron": None, "delivery": {"method": "PAH"}}


def test_a_checkouts_402_after_interim_answers_is_raised_by_the_checkout_itself() -> None:
    with serving(each_request(_interim_then_real)) as server, paciolan_at(server.url) as client:
        with pytest.raises(errors.StatusError) as caught:
            client.cart.checkout(cart_id="8", policy_code="WEB", body=CHECKOUT)

        assert caught.value.status == 402
        assert client.cart.get(cart_id="9", policy_code="WEB").id == 9


def test_each_cart_get_after_an_early_hint_returns_its_own_cart() -> None:
    with serving(each_request(_interim_then_real)) as server, paciolan_at(server.url) as client:
        assert client.cart.get(cart_id="8", policy_code="WEB").id == 8
        assert client.cart.get(cart_id="9", policy_code="WEB").id == 9
        assert client.cart.get(cart_id="10", policy_code="WEB").id == 10


def test_endless_interim_answers_end_in_a_connection_error() -> None:
    def flood(connection: Connection, request: Request) -> None:
        for _ in range(1000):
            connection.send(b"HTTP/1.1 103 Early Hints\r\n\r\n")

    with (
        serving(each_request(flood)) as server,
        paciolan_at(server.url) as client,
        pytest.raises(errors.ApiConnectionError),
    ):
        client.cart.get(cart_id="9", policy_code="WEB")


def test_an_unasked_switching_protocols_ends_in_a_connection_error() -> None:
    def switching(connection: Connection, request: Request) -> None:
        connection.send(b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n")
        connection.answer(200, _cart(9), {"Content-Type": "application/json"})

    with (
        serving(each_request(switching)) as server,
        paciolan_at(server.url) as client,
        pytest.raises(errors.ApiConnectionError),
    ):
        client.cart.get(cart_id="9", policy_code="WEB")


def test_a_download_after_an_early_hint_saves_the_real_file(tmp_path: Path) -> None:
    def hinted(connection: Connection, request: Request) -> None:
        connection.send(b"HTTP/1.1 103 Early Hints\r\n\r\n")
        time.sleep(0.05)
        connection.answer(200, b"%PDF-1.4 real", {"Content-Type": "application/pdf"})

    with serving(each_request(hinted)) as server, oneticket_at(server.url) as client:
        client.purchases.download_pdf(f"{server.url}/x.pdf", tmp_path / "x.pdf")

    assert (tmp_path / "x.pdf").read_bytes() == b"%PDF-1.4 real"


def test_bytes_after_an_answer_never_become_the_next_calls_answer() -> None:
    def smuggling(connection: Connection, request: Request) -> None:
        cart_id = int(request.target.split("/cart/", 1)[1].split("?")[0])
        real = _cart(cart_id)
        fake = _cart(666)
        connection.send(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            + f"Content-Length: {len(real)}\r\n\r\n".encode()
            + real
            + b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            + f"Content-Length: {len(fake)}\r\n\r\n".encode()
            + fake
        )

    with serving(each_request(smuggling)) as server, paciolan_at(server.url) as client:
        assert client.cart.get(cart_id="8", policy_code="WEB").id == 8
        time.sleep(0.05)
        assert client.cart.get(cart_id="9", policy_code="WEB").id == 9


def test_an_answer_sent_between_calls_never_becomes_the_next_calls_answer() -> None:
    def unrequested(connection: Connection, request: Request) -> None:
        cart_id = int(request.target.split("/cart/", 1)[1].split("?")[0])
        connection.answer(200, _cart(cart_id), {"Content-Type": "application/json"})
        time.sleep(0.02)
        connection.answer(200, _cart(666), {"Content-Type": "application/json"})

    with serving(each_request(unrequested)) as server, paciolan_at(server.url) as client:
        assert client.cart.get(cart_id="8", policy_code="WEB").id == 8
        time.sleep(0.1)
        assert client.cart.get(cart_id="9", policy_code="WEB").id == 9

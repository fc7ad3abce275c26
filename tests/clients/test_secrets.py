"""No secret is ever shown: not in a repr, not in an error's text, not in a log line.

The test drives both clients through many failure and success paths (status errors, refused connections,
timeouts, decode and envelope errors, argument errors, `with_response`, HEAD) with secrets in every place a
request carries them (credential headers, an Authorization header, a password in the 1Ticket query, card and
bank numbers in a checkout body, a patron password), keeps the `repr()` of every client, model, raw response
and error, the `str()` of every error and every DEBUG record of the vendor loggers, then looks for each
secret in all of it, as given and percent-encoded. The server's answers never echo a secret: whatever is
found came from the client.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from decimal import Decimal
from urllib.parse import quote, quote_plus

import pytest

import oneticket
import paciolan
from oneticket import OneTicketClient
from paciolan import PaciolanClient, Timeout
from paciolan.models import Checkout, Delivery, PatronCredentials, Payment
from tests.conftest import ONETICKET_TOKEN, PACIOLAN_KEY, sample
from tests.local_server import LocalServer, free_port

BEARER = "Bearer SECRET-bearer-123"
ACCOUNT_PASSWORD = (
    "SECRET-password-456"  # a 1Ticket marketplace account password, sent in the query
)
PATRON_PASSWORD = "SECRET-patron-pw-789"
CARD_NUMBER = "4111111111111111"
CVV = "987"
ROUTING_NUMBER = "021000021"
BANK_ACCOUNT_NUMBER = "000123456789"

SECRETS = (
    PACIOLAN_KEY,
    ONETICKET_TOKEN,
    BEARER,
    "SECRET-bearer-123",
    ACCOUNT_PASSWORD,
    PATRON_PASSWORD,
    CARD_NUMBER,
    ROUTING_NUMBER,
    BANK_ACCOUNT_NUMBER,
)
# Three digits also occur by chance (a port, an elapsed time): the CVV counts only standing alone.
CVV_ALONE = re.compile(rf"(?<![0-9A-Za-z.]){CVV}(?![0-9A-Za-z])")

ERROR_BODY = b'{"error": "request failed", "code": "E-1"}'  # never an echo of the request
EMPTY_OUTPUT = {"result": {"status": "success", "message": "", "messageid": ""}, "output": []}
FAILED_ENVELOPE = {
    "result": {"status": "error", "message": "Invalid login", "messageid": "E-42"},
    "output": [],
}


def forms(secret: str) -> set[str]:
    """The secret as given and as it would look percent-encoded in a URL or a form."""
    return {secret, quote(secret, safe=""), quote(secret), quote_plus(secret)}


def checkout_with_card_and_bank() -> Checkout:
    return Checkout(
        patron=None,
        delivery=Delivery(method="WC"),
        payments=[
            Payment(
                payment_method="V",
                cardholder_name="Marty Avalos",
                account_number=CARD_NUMBER,
                expiration_month=12,
                expiration_year=2030,
                card_verification_number=CVV,
                amount=Decimal("54.00"),
            ),
            Payment(
                payment_method="EC",
                routing_number=ROUTING_NUMBER,
                bank_account_number=BANK_ACCOUNT_NUMBER,
                amount=Decimal("10.00"),
            ),
        ],
    )


class Shown:
    """Everything the clients showed: reprs, error texts and log lines, each with where it came from."""

    def __init__(self) -> None:
        self.texts: list[tuple[str, str]] = []

    def repr(self, where: str, *objects: object) -> None:
        self.texts.extend((where, repr(obj)) for obj in objects)

    def error(self, where: str, error: BaseException) -> None:
        self.texts.append((f"{where}: repr", repr(error)))
        self.texts.append((f"{where}: str", str(error)))

    def raises(
        self, where: str, expected: type[BaseException], call: Callable[[], object]
    ) -> BaseException:
        with pytest.raises(expected) as caught:
            call()
        self.error(where, caught.value)
        return caught.value


class Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
def logged() -> Iterator[Records]:
    handler = Records()
    loggers = [logging.getLogger(name) for name in ("oneticket", "paciolan")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.addHandler(handler)
        logger.setLevel(logging.DEBUG)
    yield handler
    for logger, level in zip(loggers, levels, strict=True):
        logger.removeHandler(handler)
        logger.setLevel(level)


def drive_paciolan(http: LocalServer, client: PaciolanClient, shown: Shown) -> None:
    errors = paciolan.errors
    checkout = checkout_with_card_and_bank()
    credentials = PatronCredentials(
        distributor_code="DIST", user_name="marty@example.com", password=PATRON_PASSWORD
    )
    shown.repr("paciolan models", checkout, credentials, *checkout.payments or [])

    def checkout_call() -> object:
        return client.cart.checkout(cart_id="324139", policy_code="WEB", body=checkout)

    def reprint() -> object:
        return client.tickets.reprint(ticket_id="1234567890123456", authorization=BEARER)

    for status in (400, 401, 404, 409, 500):
        http.reply(status, ERROR_BODY, headers={"Content-Type": "application/json"})
        shown.raises(f"checkout {status}", errors.StatusError, checkout_call)
        http.reply(status, ERROR_BODY, headers={"Content-Type": "application/json"})
        shown.raises(f"reprint {status}", errors.StatusError, reprint)
        http.reply(status, ERROR_BODY, headers={"Content-Type": "application/json"})
        shown.raises(
            f"authenticate {status}",
            errors.StatusError,
            lambda: client.patron.authenticate(body=credentials),
        )

    http.reply(200, sample("paciolan", "cart.checkout"))
    cart, raw = client.cart.checkout.with_response(
        cart_id="324139", policy_code="WEB", body=checkout
    )
    shown.repr("checkout with_response", cart, raw)
    assert CARD_NUMBER in http.last.body.decode()  # the request carried it: it could have leaked

    http.reply(200, sample("paciolan", "tickets.reprint"))
    ticket = reprint()
    shown.repr("reprint", ticket)
    assert http.last.header("Authorization") == BEARER

    http.reply(200, sample("paciolan", "patron.authenticate"))
    authenticated, raw = client.patron.authenticate.with_response(body=credentials)
    shown.repr("authenticate with_response", authenticated, raw)
    assert PATRON_PASSWORD in http.last.body.decode()

    http.reply(200, b'{"id": "not a number"}', headers={"Content-Type": "application/json"})
    shown.raises("checkout decode", errors.DecodeError, checkout_call)
    http.reply(200, b"<html>oops</html>", headers={"Content-Type": "text/html"})
    shown.raises("reprint decode", errors.DecodeError, reprint)
    http.reply(200, ERROR_BODY, headers={"Content-Type": "application/json"})
    shown.raises(
        "reprint as pdf, not multipart",
        errors.DecodeError,
        lambda: client.tickets.reprint(
            ticket_id="1", authorization=BEARER, media_type="application/pdf"
        ),
    )
    http.reply(500, ERROR_BODY)
    shown.raises(
        "reissue 500",
        errors.ServerError,
        lambda: client.tickets.reissue(ticket_id="1", policy_code="WEB", authorization=BEARER),
    )

    sent_before = len(http.requests)
    shown.raises(
        "checkout dict body with a bad CVV type",
        errors.ArgumentError,
        lambda: client.cart.checkout(
            cart_id="324139",
            policy_code="WEB",
            body={
                "patron": None,
                "delivery": {"method": "WC"},
                "payments": [
                    {
                        "accountNumber": CARD_NUMBER,
                        "cardVerificationNumber": int(CVV),
                        "routingNumber": ROUTING_NUMBER,
                        "bankAccountNumber": BANK_ACCOUNT_NUMBER,
                        "amount": Decimal("54.00"),
                    }
                ],
            },
        ),
    )
    shown.raises(
        "authenticate dict body with a user name that is not text",
        errors.ArgumentError,
        lambda: client.patron.authenticate(
            body={"distributorCode": "DIST", "userName": 5, "password": PATRON_PASSWORD}
        ),
    )
    shown.raises(
        "reprint with CR/LF in Authorization",
        errors.ArgumentError,
        lambda: client.tickets.reprint(ticket_id="1", authorization=BEARER + "\r\nX-Evil: 1"),
    )
    shown.raises(
        "reprint with a non-Latin-1 Authorization",
        errors.ArgumentError,
        lambda: client.tickets.reprint(ticket_id="1", authorization=BEARER + " \u2603"),
    )
    shown.raises(
        "reprint_pass with an undocumented pass type",
        errors.ArgumentError,
        lambda: client.tickets.reprint_pass(
            ticket_id="1",
            policy_code="WEB",
            passtype="samsung",  # type: ignore[arg-type]
            authorization=BEARER,
        ),
    )
    shown.raises(
        "checkout with CR/LF in If-Unmodified-Since",
        errors.ArgumentError,
        lambda: client.cart.checkout(
            cart_id="1", policy_code="WEB", body=checkout, if_unmodified_since="x\r\ny"
        ),
    )
    assert len(http.requests) == sent_before  # argument errors: nothing sent

    http.reply(200, b"", headers={"Last-Modified": "Wed, 11 Aug 2023 00:00:00 GMT"})
    shown.repr("HEAD", client.cart.get.head(cart_id="324139", policy_code="WEB"))
    http.reply(404, ERROR_BODY)
    shown.raises(
        "HEAD 404",
        errors.NotFoundError,
        lambda: client.cart.get.head(cart_id="324139", policy_code="WEB"),
    )

    retrying = client.with_options(max_retries=1)
    http.reply(503, ERROR_BODY, headers={"Retry-After": "0"})
    http.reply(503, ERROR_BODY, headers={"Retry-After": "0"})
    shown.raises(
        "cart.get retried twice",
        errors.ServerError,
        lambda: retrying.cart.get(cart_id="1", policy_code="WEB"),
    )

    impatient = client.with_options(timeout=Timeout(connect=1.0, read=0.1))
    for where, call in (
        (
            "checkout timeout",
            lambda: impatient.cart.checkout(cart_id="1", policy_code="W", body=checkout),
        ),
        ("reprint timeout", lambda: impatient.tickets.reprint(ticket_id="1", authorization=BEARER)),
    ):
        http.reply(200, b"{}", delay=0.5)
        shown.raises(where, errors.ApiTimeoutError, call)

    with PaciolanClient(
        api_key=PACIOLAN_KEY,
        application_id="com.example.tests",
        channel_code="TESTCHAN",
        organization_id=999,
        user_agent="TicketingTests/1.0.0",
        base_url=f"http://127.0.0.1:{free_port()}",
        max_retries=0,
    ) as unreachable:
        shown.raises(
            "checkout refused",
            errors.ApiConnectionError,
            lambda: unreachable.cart.checkout(cart_id="1", policy_code="W", body=checkout),
        )
        shown.raises(
            "reprint refused",
            errors.ApiConnectionError,
            lambda: unreachable.tickets.reprint(ticket_id="1", authorization=BEARER),
        )
        shown.raises(
            "authenticate refused",
            errors.ApiConnectionError,
            lambda: unreachable.patron.authenticate(body=credentials),
        )
        shown.repr("paciolan clients", client, retrying, impatient, unreachable)


def drive_oneticket(http: LocalServer, client: OneTicketClient, shown: Shown) -> None:
    errors = oneticket.errors

    def add() -> object:
        return client.accounts.add(username="fan@example.com", password=ACCOUNT_PASSWORD)

    def update() -> object:
        return client.accounts.update(account_id=377806, password=ACCOUNT_PASSWORD)

    for status in (400, 401, 404, 409, 500):
        http.reply(status, ERROR_BODY, headers={"Content-Type": "application/json"})
        shown.raises(f"accounts.add {status}", errors.StatusError, add)
        http.reply(status, ERROR_BODY, headers={"Content-Type": "application/json"})
        shown.raises(f"token.verify {status}", errors.StatusError, client.token.verify)

    http.reply(200, EMPTY_OUTPUT)
    output, raw = client.accounts.update.with_response(account_id=377806, password=ACCOUNT_PASSWORD)
    shown.repr("accounts.update with_response", output, raw)
    assert ("password", ACCOUNT_PASSWORD) in http.last.query  # it was sent: it could have leaked

    http.reply(200, sample("oneticket", "accounts.update_v2"))
    accounts, raw = client.accounts.update_v2.with_response(
        account_id=377806, password=ACCOUNT_PASSWORD, note="rotated"
    )
    shown.repr("accounts.update_v2 with_response", accounts, raw, *accounts)

    http.reply(200, FAILED_ENVELOPE)
    shown.raises("accounts.add envelope", errors.EnvelopeError, add)
    http.reply(200, b"<html>oops</html>", headers={"Content-Type": "text/html"})
    shown.raises("accounts.update decode", errors.DecodeError, update)
    http.reply(200, {"result": {"status": "success"}, "output": "nope"})
    shown.raises("accounts.update envelope shape", errors.DecodeError, update)

    sent_before = len(http.requests)
    shown.raises(
        "accounts.update_v2 with an undocumented pos id",
        errors.ArgumentError,
        lambda: client.accounts.update_v2(
            account_id=1,
            pos_id=99,  # type: ignore[arg-type]
            password=ACCOUNT_PASSWORD,
        ),
    )
    shown.raises(
        "accounts.add with a lone surrogate in the password",
        errors.ArgumentError,
        lambda: client.accounts.add(
            username="fan@example.com", password=ACCOUNT_PASSWORD + "\ud800"
        ),
    )
    assert len(http.requests) == sent_before

    http.reply(200, b"{}", delay=0.5)
    shown.raises(
        "accounts.add timeout",
        errors.ApiTimeoutError,
        lambda: client.with_options(timeout=oneticket.Timeout(1.0, 0.1)).accounts.add(
            username="fan@example.com", password=ACCOUNT_PASSWORD
        ),
    )
    with OneTicketClient(
        api_token=ONETICKET_TOKEN, base_url=f"http://127.0.0.1:{free_port()}", max_retries=0
    ) as unreachable:
        shown.raises(
            "accounts.add refused",
            errors.ApiConnectionError,
            lambda: unreachable.accounts.add(username="fan@example.com", password=ACCOUNT_PASSWORD),
        )
        shown.repr("oneticket clients", client, unreachable, client.with_options(max_retries=3))


def test_no_secret_shows_in_any_repr_error_text_or_debug_log(
    http: LocalServer,
    paciolan: PaciolanClient,
    oneticket: OneTicketClient,
    logged: Records,
) -> None:
    shown = Shown()

    drive_paciolan(http, paciolan, shown)
    drive_oneticket(http, oneticket, shown)

    shown.texts.extend((f"log {record.name}", logged.format(record)) for record in logged.records)
    timed_out = 3
    assert len(logged.records) >= len(http.requests) - timed_out  # a line per answer at least
    leaks = [
        (where, secret)
        for where, text in shown.texts
        for secret in SECRETS
        for form in forms(secret)
        if form in text
    ]
    leaks += [(where, "CVV") for where, text in shown.texts if CVV_ALONE.search(text)]
    assert leaks == []


def test_the_checkout_model_repr_masks_card_and_bank_fields() -> None:
    checkout = checkout_with_card_and_bank()

    text = repr(checkout)

    for field in (
        "account_number",
        "card_verification_number",
        "routing_number",
        "bank_account_number",
    ):
        assert f"{field}=***" in text
    for secret in (CARD_NUMBER, ROUTING_NUMBER, BANK_ACCOUNT_NUMBER):
        assert secret not in text
    assert not CVV_ALONE.search(text)
    assert "cardholder_name='Marty Avalos'" in text  # only the secret fields are masked


# urllib3 logs every request target itself, at DEBUG on `urllib3.connectionpool`: the 1Ticket password
# travels in the query (the vendor's design), so those lines must be masked too.
def test_urllib3_debug_log_never_shows_the_1ticket_password_from_the_query(
    http: LocalServer, oneticket: OneTicketClient, caplog: pytest.LogCaptureFixture
) -> None:
    http.reply(200, EMPTY_OUTPUT)

    with caplog.at_level(logging.DEBUG):
        oneticket.accounts.add(username="fan@example.com", password=ACCOUNT_PASSWORD)

    assert ("password", ACCOUNT_PASSWORD) in http.last.query
    assert any(r.name == "urllib3.connectionpool" for r in caplog.records)
    lines = [logging.Formatter().format(r) for r in caplog.records]
    assert [line for line in lines if any(f in line for f in forms(ACCOUNT_PASSWORD))] == []

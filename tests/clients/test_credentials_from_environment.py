"""Credentials not passed to a client are read from the environment variables the registry names."""

from __future__ import annotations

import pytest

import oneticket
from oneticket import OneTicketClient
from paciolan import ArgumentError, PaciolanClient
from tests.conftest import sample
from tests.local_server import LocalServer

PACIOLAN_ENVIRONMENT = {
    "PACIOLAN_API_KEY": "env-key-SECRET",
    "PACIOLAN_APPLICATION_ID": "com.example.env",
    "PACIOLAN_CHANNEL_CODE": "ENVCHAN",
    "PACIOLAN_ORGANIZATION_ID": "4242",
    "PACIOLAN_USER_AGENT": "EnvApp/2.0.0",
}


@pytest.fixture
def paciolan_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in PACIOLAN_ENVIRONMENT.items():
        monkeypatch.setenv(name, value)


@pytest.mark.usefixtures("paciolan_environment")
def test_every_credential_can_come_from_the_environment(http: LocalServer) -> None:
    http.reply(200, sample("paciolan", "cart.get"))
    with PaciolanClient(base_url=http.url, max_retries=0) as client:
        client.cart.get(cart_id="324139", policy_code="WEB")
    sent = http.last
    assert sent.header("PAC-API-Key") == "env-key-SECRET"
    assert sent.header("PAC-Application-ID") == "com.example.env"
    assert sent.header("PAC-Channel-Code") == "ENVCHAN"
    assert sent.header("PAC-Organization-ID") == "4242"
    assert sent.header("User-Agent") == "EnvApp/2.0.0"
    assert "env-key-SECRET" not in repr(client)


@pytest.mark.usefixtures("paciolan_environment")
def test_an_argument_passed_wins_over_the_environment(http: LocalServer) -> None:
    http.reply(200, sample("paciolan", "cart.get"))
    with PaciolanClient(api_key="passed-key", base_url=http.url, max_retries=0) as client:
        client.cart.get(cart_id="324139", policy_code="WEB")
    assert http.last.header("PAC-API-Key") == "passed-key"
    assert http.last.header("PAC-Channel-Code") == "ENVCHAN"


def test_a_missing_credential_names_its_argument_and_variable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("ONETICKET_API_TOKEN", raising=False)
    with pytest.raises(
        oneticket.ArgumentError,
        match="api_token is required: pass it, or set the environment variable ONETICKET_API_TOKEN",
    ):
        OneTicketClient()


@pytest.mark.usefixtures("paciolan_environment")
def test_a_malformed_number_in_the_environment_is_named_without_its_value(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PACIOLAN_ORGANIZATION_ID", "not-a-number-SECRET")
    with pytest.raises(ArgumentError) as raised:
        PaciolanClient()
    assert "PACIOLAN_ORGANIZATION_ID (organization_id) is not a valid int" in str(raised.value)
    assert "SECRET" not in str(raised.value)

"""What the emulator never shows in clear: the values of secret headers, query parameters and body fields.

`GET /_emulator/requests` lists what was received with those values as `***`. The names come from the
registry (secret credentials, secret operation headers and query parameters, secret fields of any type) and
from HTTP itself (Authorization, Proxy-Authorization, Cookie), for every vendor at once: a key sent to the
wrong vendor is still a key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import unquote_plus

from ticketing_codegen.model import Vendor

MASK = "***"
# HTTP's own credential headers, whatever the registry says.
HTTP_CREDENTIAL_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie"})


@dataclass(frozen=True)
class Secrets:
    headers: frozenset[str] = frozenset()  # lower case
    query: frozenset[str] = frozenset()  # wire names
    fields: frozenset[str] = frozenset()  # JSON member names (wire names)
    _members: re.Pattern[str] | None = field(init=False, repr=False, compare=False, default=None)

    def __post_init__(self) -> None:
        if self.fields:
            names = "|".join(re.escape(name) for name in sorted(self.fields))
            # A member and its value: a string (cut off at the end of a cut body too) or a scalar.
            pattern = re.compile(rf'("(?:{names})"\s*:\s*)(?:"(?:[^"\\]|\\.)*"?|[^\s,}}\]]+)')
            object.__setattr__(self, "_members", pattern)

    @classmethod
    def of_vendors(cls, vendors: list[Vendor]) -> Secrets:
        return cls(
            headers=HTTP_CREDENTIAL_HEADERS
            | {header.lower() for v in vendors for header in v.secret_headers}
            | {
                p.wire.lower()
                for v in vendors
                for op in v.operations
                for p in op.params
                if p.secret and p.location == "header"
            },
            query=frozenset(
                p.wire
                for v in vendors
                for op in v.operations
                for p in op.params
                if p.secret and p.location == "query"
            ),
            fields=frozenset(
                f.wire for v in vendors for type_ in v.structs for f in type_.fields if f.secret
            ),
        )

    def header(self, name: str, value: str) -> str:
        return MASK if name.lower() in self.headers else value

    def target(self, target: str) -> str:
        """The target with secret query values masked, the rest exactly as sent."""
        path, mark, query = target.partition("?")
        if not mark or not self.query:
            return target
        pairs = []
        for pair in query.split("&"):
            name, equals, _value = pair.partition("=")
            secret = equals and unquote_plus(name) in self.query
            pairs.append(f"{name}={MASK}" if secret else pair)
        return f"{path}?{'&'.join(pairs)}"

    def body(self, text: str) -> str:
        """JSON text with the values of secret members masked; found by pattern, not by parsing, so
        that a body cut by the journal's limit (or not quite JSON) is masked as well."""
        if self._members is None:
            return text
        return self._members.sub(rf'\1"{MASK}"', text)


NO_SECRETS = Secrets()

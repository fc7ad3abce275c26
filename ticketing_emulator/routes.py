"""The route table: every operation of the registry as a method and a path pattern under a local mount.

Each vendor server gets a mount, a path prefix on the emulator:

- the `default` server, and the servers no operation names (environments such as Paciolan's `test`), share
  one mount: the first word of the vendor's title and the default server's path (`/1ticket/api`,
  `/paciolan/pdi/v1`);
- a server that operations name (1Ticket's `sales`, on apis.dti1ticketapps.com) gets its own mount: its
  host's second-level label and its path (`/dti1ticketapps`).

A `{param}` placeholder matches one percent-encoded path segment; the value is percent-decoded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from ticketing_codegen.model import Operation, Vendor

_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


@dataclass(frozen=True)
class Route:
    """One operation of one vendor, as served."""

    vendor: str
    operation: Operation
    mount: str
    pattern: re.Pattern[str]
    params: tuple[str, ...]  # path parameter names, in the order of the pattern's groups

    @property
    def name(self) -> str:
        return self.operation.qualified_name

    def path_params(self, path: str) -> dict[str, str] | None:
        match = self.pattern.fullmatch(path)
        if match is None:
            return None
        return {
            name: unquote(value) for name, value in zip(self.params, match.groups(), strict=True)
        }


@dataclass(frozen=True)
class Found:
    route: Route
    path_params: dict[str, str]
    head: bool  # a HEAD request for an operation that supports it: answer the headers only


@dataclass(frozen=True)
class WrongMethod:
    vendor: str
    path: str
    allowed: tuple[str, ...]


@dataclass(frozen=True)
class Unknown:
    vendor: str | None  # the vendor whose mount the path is under, if any
    path: str


class RouteTable:
    """Routes of every vendor, built once from the registry."""

    def __init__(self, vendors: list[Vendor]) -> None:
        self.mounts: dict[str, dict[str, str]] = {
            vendor.name: _mounts(vendor) for vendor in vendors
        }
        self._routes: list[Route] = []
        for vendor in vendors:
            for operation in vendor.operations:
                mount = self.mounts[vendor.name][operation.server]
                pattern, params = _pattern(mount + operation.path)
                self._routes.append(Route(vendor.name, operation, mount, pattern, params))
        self._by_name = {(route.vendor, route.name): route for route in self._routes}
        # A literal segment wins over a placeholder (`/batch/export/orders` before `/batch/{x}/{y}`).
        self._match_order = sorted(self._routes, key=lambda route: len(route.params))
        owners: dict[str, str] = {}
        for key, mounts in self.mounts.items():
            for mount in set(mounts.values()):
                if owners.setdefault(mount, key) != key:
                    raise ValueError(f"vendors `{owners[mount]}` and `{key}` both mount at {mount}")

    def routes(self) -> list[Route]:
        return list(self._routes)

    def find(self, vendor: str, operation: str) -> Route:
        """The route of an operation; `KeyError` naming what exists when there is none."""
        try:
            return self._by_name[(vendor, operation)]
        except KeyError:
            if vendor not in self.mounts:
                raise KeyError(f"no vendor `{vendor}`; vendors: {', '.join(self.mounts)}") from None
            known = ", ".join(name for key, name in self._by_name if key == vendor)
            raise KeyError(
                f"{vendor} has no operation `{operation}`; operations: {known}"
            ) from None

    def match(self, method: str, path: str) -> Found | WrongMethod | Unknown:
        allowed: list[str] = []
        vendor: str | None = None
        for route in self._match_order:
            params = route.path_params(path)
            if params is None:
                continue
            vendor = route.vendor
            op = route.operation
            if method == op.method:
                return Found(route, params, head=False)
            if method == "HEAD" and op.method == "GET" and op.head:
                return Found(route, params, head=True)
            allowed.append(op.method)
            if op.method == "GET" and op.head:
                allowed.append("HEAD")
        if vendor is not None:
            return WrongMethod(vendor, path, tuple(sorted(set(allowed))))
        return Unknown(self.vendor_under(path), path)

    def vendor_under(self, path: str) -> str | None:
        """The vendor whose mount contains `path`."""
        for key, mounts in self.mounts.items():
            if any(path == mount or path.startswith(mount + "/") for mount in mounts.values()):
                return key
        return None


def _mounts(vendor: Vendor) -> dict[str, str]:
    named = {operation.server for operation in vendor.operations}
    default_path = urlsplit(vendor.servers["default"]).path.rstrip("/")
    label = _label(vendor.title.split()[0])
    mounts: dict[str, str] = {}
    for name, url in vendor.servers.items():
        if name == "default" or name not in named:
            mounts[name] = f"/{label}{default_path}"
        else:
            parts = urlsplit(url)
            host = (parts.hostname or name).split(".")
            mounts[name] = (
                f"/{_label(host[-2] if len(host) > 1 else host[0])}{parts.path.rstrip('/')}"
            )
    return mounts


def _label(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _pattern(template: str) -> tuple[re.Pattern[str], tuple[str, ...]]:
    parts: list[str] = []
    params: list[str] = []
    position = 0
    for match in _PLACEHOLDER.finditer(template):
        parts.append(re.escape(template[position : match.start()]))
        parts.append("([^/]+)")
        params.append(match.group(1))
        position = match.end()
    parts.append(re.escape(template[position:]))
    return re.compile("".join(parts)), tuple(params)

# Generated from endpoints.yaml (sha256 3750acddfbb35d332c19e57261e2fb4db0cd75297ec40220e5e2d195ab230ba7) by `ticketing-codegen generate`. Do not edit.
"""How the client reaches a server: directly or through a proxy, with which TLS settings, or with a
connection pool the user owns.

By default the proxy environment variables are honoured as `requests` and `httpx` honour them
(`HTTP_PROXY`, `HTTPS_PROXY` and `NO_PROXY`, in either case); `trust_env=False` ignores them. `proxy=` sends
every request through one proxy; credentials in its URL (`http://user:secret@proxy:3128`) become a
`Proxy-Authorization` header and never appear in a repr, a log line or an error. `ca_certs=` and
`ssl_context=` set how servers' certificates are checked. `pool=` takes the user's own urllib3
`PoolManager` or `ProxyManager` instead of all of these; the client then never clears it, and uses
its own connection classes (the client's skip interim answers and read by each attempt's deadline:
`pool.pool_classes_by_scheme` can name them, from `_connections.POOL_CLASSES`).

urllib3 and the environment are read on the first request, not when the client is made.
"""

from __future__ import annotations

import _thread
from typing import TYPE_CHECKING, Any

from . import errors

if TYPE_CHECKING:
    import ssl

    import urllib3

# Connections kept per server (the pool manager's `maxsize`).
POOL_SIZE = 10


class Network:
    """The pool managers of one client (and of the clients `with_options` derives from it)."""

    def __init__(
        self,
        *,
        proxy: str | None = None,
        trust_env: bool = True,
        ca_certs: str | None = None,
        ssl_context: ssl.SSLContext | None = None,
        pool: urllib3.PoolManager | None = None,
    ) -> None:
        if pool is not None and (proxy is not None or ca_certs is not None or ssl_context):
            raise errors.ArgumentError(
                "pool= replaces proxy=, ca_certs= and ssl_context=: configure your own pool instead"
            )
        if proxy is not None and not proxy.startswith(("http://", "https://")):
            raise errors.ArgumentError("proxy= must be an http:// or https:// URL")
        self._proxy = proxy
        self._trust_env = trust_env
        self._tls: dict[str, Any] = {}
        if ca_certs is not None:
            self._tls["ca_certs"] = ca_certs
        if ssl_context is not None:
            self._tls["ssl_context"] = ssl_context
        self._own_pool = pool
        # Proxy URL ("" for direct connections) -> its pool manager, made on first use.
        self._managers: dict[str, urllib3.PoolManager] = {}
        self._environment: dict[str, str] | None = None
        self._lock = _thread.allocate_lock()

    def __repr__(self) -> str:
        # The proxy URL may hold credentials: say only whether there is one.
        how = "own pool" if self._own_pool is not None else "proxy" if self._proxy else "direct"
        return f"<Network {how}, trust_env={self._trust_env}>"

    def manager_for(self, url: str) -> urllib3.PoolManager:
        """The pool manager that reaches `url`: the user's, a proxy's, or the direct one."""
        if self._own_pool is not None:
            return self._own_pool
        proxy = self._proxy if self._proxy is not None else self._environment_proxy(url)
        with self._lock:
            manager = self._managers.get(proxy)
            if manager is None:
                manager = self._managers[proxy] = self._new_manager(proxy)
            return manager

    def clear(self) -> None:
        """Close every connection this client pooled now (urllib3's `PoolManager.clear` only forgets
        them, leaving their sockets open until garbage collection); never those of a pool the user gave."""
        with self._lock:
            managers = list(self._managers.values())
        for manager in managers:
            # urllib3's container refuses plain iteration; `keys()` is its thread-safe copy.
            keys = manager.pools.keys()
            pools = [pool for key in keys if (pool := manager.pools.get(key))]
            manager.clear()
            for pool in pools:
                pool.close()

    def _new_manager(self, proxy: str) -> urllib3.PoolManager:
        import urllib3

        from ._connections import POOL_CLASSES

        manager: urllib3.PoolManager
        if not proxy:
            manager = urllib3.PoolManager(maxsize=POOL_SIZE, retries=False, **self._tls)
        else:
            address, authorization = split_proxy_credentials(proxy)
            manager = urllib3.ProxyManager(
                address,
                proxy_headers=authorization,
                maxsize=POOL_SIZE,
                retries=False,
                **self._tls,
            )
        # Connections that skip interim (1xx) answers and read by the attempt's deadline.
        manager.pool_classes_by_scheme = POOL_CLASSES
        return manager

    def _environment_proxy(self, url: str) -> str:
        """The proxy the environment names for `url` ("" for none, or when `trust_env` is off)."""
        if not self._trust_env:
            return ""
        import urllib.request
        from urllib.parse import urlsplit

        if self._environment is None:
            self._environment = urllib.request.getproxies_environment()
        parts = urlsplit(url)
        proxy = self._environment.get(parts.scheme, "")
        # proxy_bypass_environment is undocumented (absent from typeshed) but in every Python since 3.4.
        bypass = urllib.request.proxy_bypass_environment  # type: ignore[attr-defined]
        if proxy and bypass(parts.netloc, self._environment):
            return ""
        return proxy


def split_proxy_credentials(proxy: str) -> tuple[str, dict[str, str]]:
    """`http://user:secret@host:3128` -> (`http://host:3128`, its Proxy-Authorization header)."""
    from urllib.parse import unquote, urlsplit

    import urllib3

    parts = urlsplit(proxy)
    if parts.username is None:
        return proxy, {}
    address = parts._replace(netloc=parts.netloc.rpartition("@")[2]).geturl()
    credentials = f"{unquote(parts.username)}:{unquote(parts.password or '')}"
    return address, urllib3.make_headers(proxy_basic_auth=credentials)


def needs_absolute_target(manager: urllib3.PoolManager, url: str) -> bool:
    """Through a forwarding proxy, the request line names the whole URL, not only its path: plain http
    always, https only where the proxy forwards it instead of tunnelling (CONNECT keeps the path)."""
    proxy = getattr(manager, "proxy", None)
    if proxy is None:
        return False
    if url.startswith("http://"):
        return True
    config = getattr(manager, "proxy_config", None)
    return proxy.scheme == "https" and bool(getattr(config, "use_forwarding_for_https", False))

# Generated from endpoints.yaml (sha256 3750acddfbb35d332c19e57261e2fb4db0cd75297ec40220e5e2d195ab230ba7) by `ticketing-codegen generate`. Do not edit.
"""Raw responses, and the ways to get them next to a parsed result.

`client.<group>.<operation>.with_response(...)` returns the result and the `RawResponse`;
`.head(...)` sends the operation as HEAD; `capture_responses()` collects the raw response of every call
made inside a `with` block. All three work through context variables, so they are thread- and task-safe.
"""

from __future__ import annotations

import contextvars
import functools
import operator
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Concatenate, Generic, ParamSpec, TypeVar

from . import errors

if TYPE_CHECKING:
    import inspect

P = ParamSpec("P")
R = TypeVar("R")


class RawResponse:
    """What the server sent: status, headers and the body bytes."""

    __slots__ = (
        "_echo_header",
        "_sent_request_id",
        "attempts",
        "body",
        "elapsed",
        "headers",
        "method",
        "status",
        "url",
    )
    # Declared here for type checkers (pyright --verifytypes counts undeclared attributes as ambiguous).
    status: int
    headers: Mapping[str, str]
    body: bytes
    method: str
    url: str
    elapsed: float
    attempts: int

    def __init__(
        self,
        status: int,
        headers: Mapping[str, str],
        body: bytes,
        method: str,
        url: str,
        request_id: str | None,
        elapsed: float,
        attempts: int,
        echo_header: str | None = None,
    ) -> None:
        self.status = status
        self.headers = headers
        self.body = body
        self.method = method
        self.url = url  # secret query values are masked
        self._sent_request_id = request_id
        self._echo_header = echo_header
        self.elapsed = elapsed
        self.attempts = attempts

    @property
    def request_id(self) -> str | None:
        """The request id the server echoed (in `echo_header`), else the one sent with the request.

        Looked up when asked for, not for every response: most calls never read it.
        """
        if self._echo_header is None:
            return self._sent_request_id
        return self.headers.get(self._echo_header, self._sent_request_id)

    def decode_error(self, operation: str, message: str, path: str = "$") -> errors.DecodeError:
        """The `DecodeError` of an operation whose answer this is: status, request id and body kept."""
        return errors.DecodeError(
            f"{operation}: {message}",
            operation=operation,
            path=path,
            body=self.body,
            status=self.status,
            request_id=self.request_id,
        )

    def __repr__(self) -> str:
        return f"<RawResponse {self.status} {self.method} {self.url} ({len(self.body)} bytes)>"


# How the calls made in this context send and keep their answers: None for plain calls (the usual
# case, decided by one lookup), else the list each raw response is appended to and whether the calls
# are sent as HEAD.
_call_mode: contextvars.ContextVar[tuple[list[RawResponse], bool] | None] = contextvars.ContextVar(
    f"{__package__}.call_mode", default=None
)


class Operation(Generic[P, R]):
    """Makes a client method also offer `.with_response(...)`, returning the raw response too."""

    __name__: str

    def __init__(self, method: Callable[Concatenate[Any, P], R]) -> None:
        self._method = method
        self.__doc__ = method.__doc__
        self.__name__ = method.__name__
        # Tools that read the class's own namespace (pdoc) find the method here, as with any decorator.
        self.__wrapped__ = method

    def __get__(self, group: Any, owner: type | None = None) -> BoundOperation[P, R]:
        if group is None:
            # On the class (`CartOperations.get`, as documentation tools read it): the plain function.
            return self._method  # type: ignore[return-value]
        bound = BoundOperation(self._method, group)
        # Kept in the group itself: later lookups find it there, without a new object per call.
        group.__dict__[self.__name__] = bound
        return bound


class BoundOperation(Generic[P, R]):
    # An operation of one client: call it, or `.with_response(...)`, or `.head(...)`. It presents itself
    # as the method it wraps (its docstring, its name, its signature without `self`; no class docstring,
    # since `__doc__` is the instance's), so `inspect.signature`, `help()`, IPython and completion show the
    # operation's real keyword arguments.

    __slots__ = ("__doc__", "_call")

    def __init__(self, method: Callable[Concatenate[Any, P], R], group: Any) -> None:
        # The method with its group already passed: a `functools.partial`, called in C.
        self._call = functools.partial(method, group)
        self.__doc__ = method.__doc__

    if TYPE_CHECKING:

        def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R: ...

    else:
        # Calling the operation calls its partial, found by C code (a property over `attrgetter`): no
        # Python frame forwarding `*args, **kwargs` on every call. The operation is not a partial
        # itself, because `inspect` (3.13) stopped counting partials as routines and `help()` would
        # then show it as data, without its signature.
        __call__ = property(operator.attrgetter("_call"))

    @property
    def _method(self) -> Callable[Concatenate[Any, P], R]:
        return self._call.func

    @property
    def _group(self) -> Any:
        return self._call.args[0]

    # Computed when asked (introspection is rare; a call happens on every request).
    @property
    def __name__(self) -> str:
        return self._method.__name__

    @property
    def __signature__(self) -> inspect.Signature:
        import inspect

        try:  # the annotations as objects (`str`, not `'str'`), where they resolve at run time
            signature = inspect.signature(self._method, eval_str=True)
        except NameError:
            signature = inspect.signature(self._method)
        return signature.replace(parameters=list(signature.parameters.values())[1:])

    def __get__(self, instance: Any, owner: type | None = None) -> BoundOperation[P, R]:
        # Being a descriptor makes `inspect.isroutine` true, so `help()` documents it as a method.
        return self

    def __repr__(self) -> str:
        return f"<operation {self._method.__qualname__} of {self._group!r}>"

    def __reduce__(self) -> Any:
        # `copy.copy` gives the same operation; pickling fails on the client, as for any client.
        return BoundOperation, (self._method, self._group)

    def with_response(self, *args: P.args, **kwargs: P.kwargs) -> tuple[R, RawResponse]:
        """Call the operation; return its result and the raw response it came from."""
        captured: list[RawResponse] = []
        token = _call_mode.set((captured, False))
        try:
            result = self._method(self._group, *args, **kwargs)
        finally:
            _call_mode.reset(token)
        return result, captured[-1]

    def head(self, *args: P.args, **kwargs: P.kwargs) -> RawResponse:
        """Send the operation as a HEAD request (where the vendor supports it): status and headers only."""
        captured: list[RawResponse] = []
        token = _call_mode.set((captured, True))
        try:
            self._method(self._group, *args, **kwargs)
        finally:
            _call_mode.reset(token)
        return captured[-1]


def operation(method: Callable[Concatenate[Any, P], R]) -> Operation[P, R]:
    return Operation(method)


@contextmanager
def capture_responses() -> Iterator[list[RawResponse]]:
    """Collect the raw response of every call made inside the block (in this thread or task)."""
    captured: list[RawResponse] = []
    token = _call_mode.set((captured, False))
    try:
        yield captured
    finally:
        _call_mode.reset(token)

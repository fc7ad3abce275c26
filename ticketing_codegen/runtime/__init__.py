"""The runtime every generated package carries: ordinary Python, copied verbatim into each package.

These modules are the same for every vendor; what differs (servers, credentials, the envelope, the date
format, the request-id header) reaches them as data from the generated `client.py`. Because they are real
modules, ruff, `mypy --strict` and the tests see them before anything is generated.
"""

from __future__ import annotations

# The modules copied into each generated package (this package's `__init__` is not one of them).
MODULES = (
    "_bodies.py",
    "_body.py",
    "_connections.py",
    "_constants.py",
    "_download.py",
    "_drift.py",
    "_drift_masking.py",
    "_drift_shapes.py",
    "_endpoint.py",
    "_envelope.py",
    "_environment.py",
    "_failures.py",
    "_files.py",
    "_lazy.py",
    "_money.py",
    "_multipart.py",
    "_network.py",
    "_request.py",
    "_request_ids.py",
    "_responses.py",
    "_retry.py",
    "_route.py",
    "_runtime.py",
    "_serde.py",
    "_settings.py",
    "errors.py",
)

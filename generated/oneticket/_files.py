# Generated from endpoints.yaml (sha256 4351ed15912ba5b4183a09621d482cd17cd9c2b41bcff903f0b6de6a59f0a3d9) by `python -m codegen generate`. Do not edit.
"""Files the API points at (an export, a PDF): where credentials may go, and atomic saving."""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping


def on_own_server(url: str, base_urls: Mapping[str, str]) -> bool:
    """Whether `url` is below one of the client's base URLs (scheme, host, port and base path alike)."""
    from urllib.parse import urlsplit

    target = urlsplit(url)
    for base in map(urlsplit, base_urls.values()):
        base_path = base.path.rstrip("/")
        if (target.scheme, target.netloc.lower()) == (base.scheme, base.netloc.lower()) and (
            target.path == base_path or target.path.startswith(base_path + "/")
        ):
            return True
    return False


def save_atomically(chunks: Iterator[bytes], path: str | os.PathLike[str]) -> int:
    """Write `chunks` to a temporary file beside `path`, then rename it into place; return the size.

    A failure (a dropped connection half-way) leaves no partial file at `path`.
    """
    import tempfile
    from pathlib import Path

    target = Path(path)
    size = 0
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent or ".")
    try:
        with os.fdopen(handle, "wb") as file:
            for chunk in chunks:
                file.write(chunk)
                size += len(chunk)
        os.replace(temporary, target)
    except BaseException:
        os.unlink(temporary)
        raise
    return size

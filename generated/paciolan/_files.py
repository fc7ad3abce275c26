# Generated from endpoints.yaml (sha256 3750acddfbb35d332c19e57261e2fb4db0cd75297ec40220e5e2d195ab230ba7) by `ticketing-codegen generate`. Do not edit.
"""Files the API points at (an export, a PDF): where credentials may go, and atomic saving."""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping


def on_own_server(url: str, base_urls: Mapping[str, str]) -> bool:
    """Whether `url` is below one of the client's base URLs (scheme, host, port and base path alike).

    The path is compared as the server will read it: unreserved characters percent-decoded (`%2e` is
    `.`) and dot segments removed (urllib3 removes `../` itself before sending), so neither
    `<base>/../elsewhere` nor `<base>/%2e%2e/elsewhere` counts as below the base. A path with an
    encoded slash or a backslash, which servers read in different ways, never counts.
    """
    from urllib.parse import urlsplit

    target = urlsplit(url)
    path = _path_as_read(target.path)
    if path is None:
        return False
    for base in map(urlsplit, base_urls.values()):
        base_path = base.path.rstrip("/")
        if (target.scheme.lower(), target.netloc.lower()) == (
            base.scheme.lower(),
            base.netloc.lower(),
        ) and (path == base_path or path.startswith(base_path + "/")):
            return True
    return False


_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")


def _path_as_read(path: str) -> str | None:
    """`path` with unreserved characters decoded and dot segments removed; None if it is ambiguous."""
    lowered = path.lower()
    if "\\" in path or "%2f" in lowered or "%5c" in lowered:
        return None
    pieces = path.split("%")
    decoded = [pieces[0]]
    for piece in pieces[1:]:
        character = chr(int(piece[:2], 16)) if _is_hex(piece[:2]) else ""
        decoded.append(character + piece[2:] if character in _UNRESERVED else "%" + piece)
    return _remove_dot_segments("".join(decoded))


def _is_hex(text: str) -> bool:
    return len(text) == 2 and all(c in "0123456789abcdefABCDEF" for c in text)


def _remove_dot_segments(path: str) -> str:
    """RFC 3986 section 5.2.4, on whole segments."""
    output: list[str] = []
    segments = path.split("/")
    for index, segment in enumerate(segments):
        last = index == len(segments) - 1
        if segment == ".":
            if last:
                output.append("")
        elif segment == "..":
            if len(output) > 1:
                output.pop()
            if last:
                output.append("")
        else:
            output.append(segment)
    return "/".join(output)


def save_atomically(chunks: Iterator[bytes], path: str | os.PathLike[str]) -> int:
    """Write `chunks` to a temporary file beside `path`, then rename it into place; return the size.

    A failure (a dropped connection half-way) leaves no partial file at `path`. The file gets the
    permissions any new file gets (0666 less the umask), not the 0600 of `tempfile.mkstemp`.
    """
    from pathlib import Path

    target = Path(path)
    size = 0
    temporary = target.parent / f".{target.name}.{os.urandom(6).hex()}.part"
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
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

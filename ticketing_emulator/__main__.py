"""`python -m ticketing_emulator [--port N] [--registry PATH]`: serve the emulator until Ctrl-C."""

from __future__ import annotations

import argparse
from pathlib import Path

from ticketing_emulator import DEFAULT_REGISTRY, serve


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ticketing_emulator", description=__doc__)
    parser.add_argument("--port", type=int, default=8080, help="port on 127.0.0.1 (0: a free port)")
    parser.add_argument("--registry", type=Path, default=DEFAULT_REGISTRY)
    args = parser.parse_args(argv)
    serve(args.port, args.registry)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

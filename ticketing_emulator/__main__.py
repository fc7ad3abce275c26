"""`python -m ticketing_emulator [--port N] [--registry PATH]`: serve the emulator until Ctrl-C."""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from ticketing_codegen import extras
from ticketing_emulator import DEFAULT_REGISTRY, serve

PROG = "python -m ticketing_emulator"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog=PROG, description=__doc__)
    parser.add_argument("--port", type=int, default=8080, help="port on 127.0.0.1 (0: a free port)")
    parser.add_argument("--registry", type=Path, default=DEFAULT_REGISTRY)
    args = parser.parse_args(argv)
    try:
        # What reads the registry (PyYAML): imported before serving, so a missing extra is one line.
        importlib.import_module("ticketing_emulator.emulator")
    except ModuleNotFoundError as exc:
        if not extras.missing(exc):
            raise
        print(extras.message(PROG, exc, "emulator"), file=sys.stderr)
        return 2
    serve(args.port, args.registry)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

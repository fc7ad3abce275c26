"""`python -m codegen generate | check | validate`."""

from __future__ import annotations

import argparse
import hashlib
import shutil
import sys
from pathlib import Path

from codegen import model, output, registry, render

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m codegen", description=__doc__)
    parser.add_argument("--registry", type=Path, default=ROOT / "endpoints.yaml")
    parser.add_argument("--out", type=Path, default=ROOT / "generated")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("generate", help="regenerate generated/ from the registry")
    commands.add_parser("check", help="exit 1 when generated/ is not what the registry produces")
    commands.add_parser("validate", help="only load and validate the registry")
    serve = commands.add_parser("serve", help="run the local emulator of both vendors")
    serve.add_argument("--port", type=int, default=8080)
    commands.add_parser("demo", help="run both clients against the local emulator")
    args = parser.parse_args(argv)

    if args.command == "serve":
        from codegen import emulator

        emulator.serve(args.port, args.registry)
        return 0
    if args.command == "demo":
        from codegen import demo

        return demo.main()

    try:
        files = build_files(args.registry) if args.command != "validate" else None
        if files is None:
            load_packages(args.registry)
            print(f"{args.registry.name}: valid")
            return 0
        scratch = output.formatted(files, ROOT / "pyproject.toml", args.out.resolve().parent)
    except registry.RegistryError as exc:
        print(exc, file=sys.stderr)
        print(
            f"{len(exc.problems)} problem(s) in the registry; nothing was written.", file=sys.stderr
        )
        return 2
    except output.FormatError as exc:
        print(f"ruff could not format the rendered code:\n{exc}", file=sys.stderr)
        return 2

    if args.command == "generate":
        output.replace(args.out, scratch)
        print(f"wrote {len(files)} files to {args.out}")
        return 0
    try:
        report = output.differences(output.read_tree(scratch), output.read_tree(args.out))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    if report:
        print("\n".join(report))
        print(
            f"\ngenerated/ differs from what {args.registry.name} produces: "
            "run `python -m codegen generate`.",
            file=sys.stderr,
        )
        return 1
    print(f"generated/ is up to date with {args.registry.name}")
    return 0


def load_packages(path: Path) -> list[model.PackageModel]:
    spec, source = registry.load(path)
    return model.build(spec, source, path.resolve().parent)


def build_files(path: Path) -> dict[str, str]:
    packages = load_packages(path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return render.render(packages, digest)


if __name__ == "__main__":
    sys.exit(main())

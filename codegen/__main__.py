"""`python -m codegen generate | check | validate | openapi | diff | drift | serve | demo`."""

from __future__ import annotations

import argparse
import gc
import hashlib
import shutil
import sys
from pathlib import Path

from codegen import model, output, reference, registry, render, resolve

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m codegen", description=__doc__)
    parser.add_argument("--registry", type=Path, default=ROOT / "endpoints.yaml")
    parser.add_argument("--out", type=Path, default=ROOT / "generated")
    parser.add_argument(
        "--docs",
        type=Path,
        default=None,
        help="where generate/check put the API reference (default: docs/ beside --out)",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("generate", help="regenerate generated/ from the registry")
    commands.add_parser("check", help="exit 1 when generated/ is not what the registry produces")
    commands.add_parser("validate", help="only load and validate the registry")
    serve = commands.add_parser("serve", help="run the local emulator of both vendors")
    serve.add_argument("--port", type=int, default=8080)
    commands.add_parser("demo", help="run both clients against the local emulator")
    export = commands.add_parser("openapi", help="export an OpenAPI 3.1 document per vendor")
    export.add_argument("--vendor", help="one vendor (default: all; -o is then a directory)")
    export.add_argument(
        "-o", "--output", type=Path, help="a .json or .yaml file (a directory for all vendors)"
    )
    compare = commands.add_parser(
        "diff", help="compare two registries; exit 1 when a change breaks the clients' users"
    )
    compare.add_argument("old", type=Path, help="the registry before (e.g. from `git show`)")
    compare.add_argument("new", type=Path, help="the registry after")
    drift = commands.add_parser(
        "drift", help="report recorded drift as registry additions; exit 1 when there is drift"
    )
    drift.add_argument("directory", type=Path, help="the clients' record_drift directory")
    drift.add_argument(
        "--samples", action="store_true", help="also copy the observed bodies into samples/"
    )
    args = parser.parse_args(argv)

    if args.command == "serve":
        from codegen import emulator

        try:
            emulator.serve(args.port, args.registry)
        except registry.RegistryError as exc:
            resolve.report(exc, "the emulator did not start.")
            return 2
        return 0
    if args.command == "demo":
        from codegen import demo

        return demo.main()
    if args.command == "openapi":
        from codegen import openapi

        return openapi.main(args.registry, vendor=args.vendor, output=args.output)
    if args.command == "drift":
        from codegen import drift as drift_report

        return drift_report.main(args.directory, args.registry, samples=args.samples)
    if args.command == "diff":
        from codegen import diff

        return diff.main(args.old, args.new)

    try:
        vendors = resolve.load(args.registry)
        # The registry and its model live until the end: keep the collector from walking them again
        # on every collection while rendering (that made generation grow faster than the registry).
        gc.freeze()
        if args.command == "validate":
            print(f"{args.registry.name}: valid")
            return 0
        digest = hashlib.sha256(args.registry.read_bytes()).hexdigest()
        files = render.render(vendors, digest)
        docs = reference.render_reference(vendors)
        scratch = output.formatted(files, ROOT / "pyproject.toml", args.out.resolve().parent)
    except registry.RegistryError as exc:
        resolve.report(exc, "nothing was written.")
        return 2
    except output.FormatError as exc:
        print(f"ruff could not format the rendered code:\n{exc}", file=sys.stderr)
        return 2

    docs_dir = args.docs or args.out.resolve().parent / "docs"
    if args.command == "generate":
        output.replace(args.out, scratch)
        reference.write(docs, docs_dir)
        print(f"wrote {len(files)} files to {args.out} and {len(docs)} to {docs_dir}")
        return 0
    try:
        report = output.differences(output.read_tree(scratch), output.read_tree(args.out))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    report += reference.differences(docs, docs_dir)
    if report:
        print("\n".join(report))
        print(
            f"\ngenerated/ or docs/ differ from what {args.registry.name} produces: "
            "run `python -m codegen generate`.",
            file=sys.stderr,
        )
        return 1
    print(f"generated/ and docs/ are up to date with {args.registry.name}")
    return 0


def load_packages(path: Path) -> list[model.Vendor]:
    return resolve.load(path)


def build_files(path: Path) -> dict[str, str]:
    vendors = load_packages(path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return render.render(vendors, digest)


if __name__ == "__main__":
    sys.exit(main())

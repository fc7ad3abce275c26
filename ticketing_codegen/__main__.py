"""`ticketing-codegen` (or `python -m ticketing_codegen`): generate, check, validate, build, vendor,
openapi, diff, drift, serve, demo.

Only the standard library is imported before a command runs: `--help` works with no extra installed, and a
command whose extra is missing says which one in a line.
"""

from __future__ import annotations

import argparse
import gc
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ticketing_codegen import extras, resources

if TYPE_CHECKING:
    from ticketing_codegen import model

# The checkout, when running from one (tests compare generated/ and docs/ below it).
ROOT = Path(__file__).resolve().parent.parent
DISTRIBUTION = extras.DISTRIBUTION
# The extra that installs what a command imports; `codegen` (which includes PyYAML) serves every command.
_COMMAND_EXTRA = {"serve": "emulator"}


def main(argv: list[str] | None = None, prog: str = "ticketing-codegen") -> int:
    """Run one command; the exit status: 0 done, 1 check/diff found differences, 2 an error."""
    parser = argparse.ArgumentParser(prog=prog, description=__doc__)
    _add_locations(parser, argparse_default=None)
    commands = parser.add_subparsers(dest="command", required=True)
    locations = argparse.ArgumentParser(add_help=False)
    # The same options after the command (`generate --registry PATH --out DIR`); given there, they win.
    _add_locations(locations, argparse_default=argparse.SUPPRESS)
    commands.add_parser(
        "generate", parents=[locations], help="regenerate generated/ from the registry"
    )
    commands.add_parser(
        "check",
        parents=[locations],
        help="exit 1 when generated/ is not what the registry produces",
    )
    commands.add_parser("validate", parents=[locations], help="only load and validate the registry")
    build = commands.add_parser(
        "build",
        parents=[locations],
        help="a wheel and an sdist per vendor, each holding that client alone (--out: default dist/)",
    )
    build.add_argument("--vendor", help="one vendor (default: every vendor)")
    vendor = commands.add_parser(
        "vendor",
        parents=[locations],
        help="write one client under another package name, ready to commit into another repository",
    )
    vendor.add_argument("--vendor", required=True, help="the vendor key (e.g. paciolan)")
    vendor.add_argument(
        "--package", required=True, help="its new dotted name (myapp._vendor.paciolan)"
    )
    serve = commands.add_parser(
        "serve", parents=[locations], help="run the local emulator of both vendors"
    )
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
        "drift",
        parents=[locations],
        help="report recorded drift as registry additions; exit 1 when there is drift",
    )
    drift.add_argument("directory", type=Path, help="the clients' record_drift directory")
    drift.add_argument(
        "--samples", action="store_true", help="also copy the observed bodies into samples/"
    )
    args = parser.parse_args(argv)
    if args.registry is None:
        args.registry = resources.REGISTRY
    try:
        return _run_command(args)
    except ModuleNotFoundError as exc:
        if not extras.missing(exc):
            raise
        extra = _COMMAND_EXTRA.get(args.command, "codegen")
        print(extras.message(f"{prog} {args.command}", exc, extra), file=sys.stderr)
        return 2


def run() -> None:
    """The `ticketing-codegen` console script."""
    sys.exit(main(prog=DISTRIBUTION))


def _add_locations(parser: argparse.ArgumentParser, argparse_default: object) -> None:
    parser.add_argument(
        "--registry",
        type=Path,
        default=argparse_default,
        help="the registry (default: the bundled endpoints.yaml); sample paths are relative to it",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=argparse_default,
        help="where the command writes (generate: default generated/ beside the registry)",
    )
    parser.add_argument(
        "--docs",
        type=Path,
        default=argparse_default,
        help="where generate/check put the API reference (default: docs/ beside --out)",
    )


def _generated_dir(registry_path: Path) -> Path:
    """generated/ beside the registry, or in the current folder when the registry is the installed one."""
    if registry_path.resolve() == resources.REGISTRY.resolve() and not resources.FROM_CHECKOUT:
        return Path.cwd() / "generated"
    return registry_path.resolve().parent / "generated"


def _run_command(args: argparse.Namespace) -> int:
    if args.command == "serve":
        import ticketing_emulator as emulator
        from ticketing_codegen import registry, resolve

        try:
            emulator.serve(args.port, args.registry)
        except registry.RegistryError as exc:
            resolve.report(exc, "the emulator did not start.")
            return 2
        return 0
    if args.command == "demo":
        from ticketing_codegen import demo

        return demo.main()
    if args.command == "openapi":
        from ticketing_codegen import openapi

        return openapi.main(args.registry, vendor=args.vendor, output=args.output)
    if args.command == "drift":
        from ticketing_codegen import drift as drift_report

        return drift_report.main(args.directory, args.registry, samples=args.samples)
    if args.command == "diff":
        from ticketing_codegen import diff

        return diff.main(args.old, args.new)
    if args.command == "build":
        from ticketing_codegen import distribution

        return distribution.main(args.registry, args.out or Path("dist"), args.vendor)
    if args.command == "vendor":
        from ticketing_codegen import vendoring

        if args.out is None:
            print(
                "vendor: --out DIR is required (the root the package path goes below)",
                file=sys.stderr,
            )
            return 2
        return vendoring.main(args.registry, args.vendor, args.package, args.out)
    return _generate_or_check(args)


def _generate_or_check(args: argparse.Namespace) -> int:
    from ticketing_codegen import output, reference, registry, render, resolve

    if args.out is None:
        args.out = _generated_dir(args.registry)
    try:
        vendors = resolve.load(args.registry)
        # The registry and its model live until the end: keep the collector from walking them again
        # on every collection while rendering (that made generation grow faster than the registry).
        gc.freeze()
        if args.command == "validate":
            print(f"{args.registry.name}: valid")
            return 0
        digest = registry.sha256(args.registry)
        files = render.render(vendors, digest)
        docs = reference.render_reference(vendors)
        scratch = output.formatted(files, resources.RUFF_CONFIG, args.out.resolve().parent)
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
            "run `ticketing-codegen generate`.",
            file=sys.stderr,
        )
        return 1
    print(f"generated/ and docs/ are up to date with {args.registry.name}")
    return 0


def load_packages(path: Path) -> list[model.Vendor]:
    from ticketing_codegen import resolve

    return resolve.load(path)


def build_files(path: Path) -> dict[str, str]:
    from ticketing_codegen import registry, render

    vendors = load_packages(path)
    digest = registry.sha256(path)
    return render.render(vendors, digest)


if __name__ == "__main__":
    sys.exit(main(prog="python -m ticketing_codegen"))

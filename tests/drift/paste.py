"""Reading `ticketing-codegen drift`'s report as a person does: its blocks, pasted into the registry."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Block:
    """One pasteable block of the report: its place, what to do there, and its lines."""

    start: int
    end: int
    where: str
    action: str
    lines: tuple[str, ...]


def parse_blocks(report: str) -> list[Block]:
    blocks: list[Block] = []
    current: tuple[int, int, str, str] | None = None
    lines: list[str] = []
    for line in [*report.splitlines(), "#"]:
        if line.startswith("#") or not line.strip():
            if current is not None:
                blocks.append(Block(*current, tuple(lines)))
            current, lines = None, []
            if line.startswith("# endpoints.yaml:"):
                place, rest = line[len("# endpoints.yaml:") :].split(" ", 1)
                where, verb = rest.rsplit(": ", 1)
                start, _, end = place.partition("-")
                action = "add" if verb == "add after it" else "replace"
                current = (int(start), int(end or start), where, action)
        elif current is not None:
            lines.append(line)
    return blocks


def paste(text: str, blocks: list[Block]) -> str:
    """Apply the blocks as a person pasting them would, from the bottom of the file up."""
    lines = text.splitlines()
    for block in sorted(blocks, key=lambda b: (b.start, b.action == "add"), reverse=True):
        if block.action == "add":
            lines[block.end : block.end] = block.lines
        else:
            lines[block.start - 1 : block.end] = block.lines
    return "\n".join(lines) + "\n"

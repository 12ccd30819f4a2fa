"""How every benchmark ends: its report on stdout (and, with --write, in its docs/perf page), then its result line."""

from __future__ import annotations

from pathlib import Path


def publish(report: str, result: str, doc: Path, write: bool) -> int:
    """Print report, write it to doc when asked, print the one-line result; the command's exit code (0)."""
    print(report)
    if write:
        doc.write_text(report, encoding="utf-8")
    print(result)
    return 0

"""Screenshots of a digest page at a phone (390 px) and a desktop (1000 px) width, made with headless
Chromium (Debian's chromium + chromium-driver) for docs/alerts.md:

    python scripts/digest_screenshots.py FUTUREWATCH_HOME/outbox/digest.1….html docs/img/digest

writes <prefix>-390-top.png, -390-bottom.png, -1000-top.png, -1000-bottom.png (the page's start
and its end: first-seen list, chart and footer) and prints each width's scroll width.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.alerts.browser import browser  # noqa: E402  (the same driver the tests use)

PART = 1900  # px of page per image


def save_parts(shot: Path, prefix: str, width: int) -> list[Path]:
    page = Image.open(shot).convert("RGB")
    top = page.crop((0, 0, width, min(PART, page.height)))
    bottom = page.crop((0, max(0, page.height - PART), width, page.height))
    written = []
    for name, image in (("top", top), ("bottom", bottom)):
        out = Path(f"{prefix}-{width}-{name}.png")
        image.quantize(colors=128).save(out, optimize=True)
        written.append(out)
    return written


def main(page_file: str, prefix: str) -> None:
    Path(prefix).parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, browser(Path(tmp) / "profile") as page:
        for width in (390, 1000):
            page.open(Path(page_file), width)
            scroll, inner = page.widths()
            shot = page.screenshot(Path(tmp) / f"{width}.png", width)
            names = ", ".join(str(p) for p in save_parts(shot, prefix, width))
            print(f"{width}px: scrollWidth {scroll} <= innerWidth {inner}: {scroll <= inner}; {names}")


if __name__ == "__main__":
    main(*sys.argv[1:3])

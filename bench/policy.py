"""Policy intelligence cost: parse_page on policy pages with and without policy_meta.complete_policy.

Run: .venv/bin/python -m bench.policy [--rounds N]
Pages: the stored gov.cn, MIIT and gkmlpt fixtures (tests/fixtures/<source>/*/) plus the notice of
粤工信电子〔2024〕2号 grown to attachment size (the seed text 20×, ~180 KB). One process, one core.
Ends with a RESULT line; the figures go to docs/performance.md by hand.
"""

from __future__ import annotations

import argparse
import gzip
import json
from datetime import datetime
from pathlib import Path

from bench.parse import timed
from parsers import api, policy_meta
from parsers.document import Document

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures"
SOURCES = ("gd_gov", "govcn", "miit")


def pages() -> list[tuple[bytes, str, datetime]]:
    found = []
    for source in SOURCES:
        for page in sorted((FIXTURES / source).rglob("*.html.gz")):  # constructed/ and real/
            meta = json.loads(page.with_name(page.name.replace(".html.gz", ".meta.json")).read_text())
            found.append((gzip.decompress(page.read_bytes()), meta["url"], datetime.fromisoformat(meta["crawl_date"])))
    return found


def long_notice() -> Document:
    text = (FIXTURES / "policy").glob("seed_004_*.txt").__next__().read_text(encoding="utf-8") * 20
    return Document(url="http://gdii.gd.gov.cn/gkmlpt/content/4/4915/post_4915026.html", source_id="gd_gov",
                    parser="bench", kind="policy", text=text,
                    title="广东省工业和信息化厅等六部门关于印发广东省培育发展未来电子信息产业集群行动计划的通知")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    rounds = parser.parse_args().rounds
    items = pages()
    with_intel = timed(lambda p: api.parse_page(p[0], p[1], fetched_at=p[2]), items, rounds)
    original = policy_meta.complete_policy
    api.policy_meta.complete_policy = lambda doc: doc.policy  # the parse without the completion step
    try:
        without = timed(lambda p: api.parse_page(p[0], p[1], fetched_at=p[2]), items, rounds)
    finally:
        api.policy_meta.complete_policy = original
    big = long_notice()
    big_rate = timed(policy_meta.complete_policy, [big], max(3, rounds // 4))
    kb = len(big.text.encode()) / 1024
    print(f"| pages | parse with completion | parse without | completion on {kb:.0f} KB text |")
    print("|---|---|---|---|")
    print(f"| {len(items)} | {with_intel:.0f} pages/s | {without:.0f} pages/s | {1000 / big_rate:.0f} ms |")
    print(f"RESULT pages={len(items)} with_completion_pages_s={with_intel:.0f} without_pages_s={without:.0f} "
          f"ratio={with_intel / without:.2f} long_text_kb={kb:.0f} long_text_ms={1000 / big_rate:.0f}")


if __name__ == "__main__":
    main()

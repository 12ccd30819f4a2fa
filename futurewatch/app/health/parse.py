"""Parse health of a source: parser drift and pages that were not articles, for `futurewatch sources`
(health/status.py) and the check_source_health DAG (health/signals.py).

    select_parse_health(conn, since, until) -> dict[source_id, ParseHealth]
    parse_problems(ph, thresholds) -> list[(signal, reason)]

Read from raw_fetches by parsers.store.select_parse_drift (migration 0150): `parse_drift` names
the fields (title, text, published_at) a site parser missed and the generic path filled;
`not_article` says why a page served with status 200 was not an article ("error page: …",
"blocked by a firewall or bot check: …", "login wall: …").

- parser_drift: at least `drift_rate` of a source's article pages needed the generic path for
  some field: the site's markup probably changed and its parser needs new selectors;
- not_articles: at least `not_article_rate` of its pages were not articles: a WAF or login wall,
  or the site moved its pages (404 pages served with status 200).

Fewer than `min_pages` pages in the window say nothing (thresholds: health/thresholds.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from futurewatch.app.health.thresholds import HealthThresholds
from parsers.store import select_parse_drift

FIELD_LABELS = {"title": "title", "text": "body text", "published_at": "publish date"}
KIND_LABELS = {"error page": "404 page", "blocked by a firewall or bot check": "WAF/bot check"}  # errorpage.py


@dataclass(frozen=True)
class ParseHealth:
    pages: int = 0  # pages parsed in the window
    drifted: int = 0  # of them, pages where the generic path filled a field the site parser missed
    not_articles: int = 0  # of them, 404/WAF/login pages served with status 200
    fields: dict[str, int] = field(default_factory=dict)  # field -> pages on which it was missed
    not_article_kinds: list[str] = field(default_factory=list)  # the labels of parsers/errorpage.py

    @property
    def articles(self) -> int:
        return self.pages - self.not_articles

    @property
    def drift_rate(self) -> float:
        return round(self.drifted / self.articles, 3) if self.articles else 0.0

    @property
    def not_article_rate(self) -> float:
        return round(self.not_articles / self.pages, 3) if self.pages else 0.0


def select_parse_health(conn, since: datetime, until: datetime) -> dict[str, ParseHealth]:
    """Parse health of every source with a page fetched in [since, until)."""
    rows = select_parse_drift(conn, since, until)
    return {r["source_id"]: ParseHealth(pages=r["pages"], drifted=r["drifted"], not_articles=r["not_articles"],
                                        fields=dict(sorted(r["fields"].items())),
                                        not_article_kinds=sorted(r["not_article_kinds"])) for r in rows}


def drift_reason(ph: ParseHealth) -> str:
    """'site parser missed title on 4/10 pages, publish date on 3/10: layout changed?'"""
    worst = sorted(ph.fields.items(), key=lambda item: (-item[1], item[0]))
    misses = [f"{FIELD_LABELS.get(name, name)} on {count}/{ph.articles}" for name, count in worst]
    misses[0] += " pages"
    return f"site parser missed {', '.join(misses)}: layout changed?"


def not_article_reason(ph: ParseHealth) -> str:
    """'7/10 pages were not articles (WAF/bot check): a WAF or login wall?'"""
    kinds = ", ".join(KIND_LABELS.get(kind, kind) for kind in ph.not_article_kinds) or "unknown"
    guess = "a WAF or login wall?" if set(ph.not_article_kinds) - {"error page"} else "pages moved or deleted?"
    return f"{ph.not_articles}/{ph.pages} pages were not articles ({kinds}): {guess}"


def missed_fields(ph: ParseHealth) -> str | None:
    """'publish date 4, title 4': pages on which each field was missed."""
    return ", ".join(f"{FIELD_LABELS.get(name, name)} {n}" for name, n in ph.fields.items()) or None


def parse_problems(ph: ParseHealth, th: HealthThresholds) -> list[tuple[str, str]]:
    """(signal, reason) for each threshold this source's window passes: parser_drift, not_articles."""
    problems = []
    if ph.articles >= th.min_pages and ph.drifted and ph.drift_rate >= th.drift_rate:
        problems.append(("parser_drift", drift_reason(ph)))
    if ph.pages >= th.min_pages and ph.not_articles and ph.not_article_rate >= th.not_article_rate:
        problems.append(("not_articles", not_article_reason(ph)))
    return problems


def parse_metrics(ph: ParseHealth) -> dict:
    """The figures behind the signals, JSON-ready (for `sources --json` and the DAG's findings)."""
    return {"pages_parsed": ph.pages, "drifted_pages": ph.drifted, "drift_rate": ph.drift_rate,
            "drift_fields": ph.fields, "not_articles": ph.not_articles, "not_article_rate": ph.not_article_rate,
            "not_article_kinds": ph.not_article_kinds}

"""Digest items from alert events: merged per story across rules, grouped per section.

policy      grouped by issuer (the first issuer named)
news, changed, new_entity   grouped by category or view parent
spike       one item per spike, with a trend chart (inline PNG, cid)
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from alerts.render import SECTIONS, render_trend_png, safe_url
from alerts.snippets import snippet_text


def _date(value: str | None, tz: ZoneInfo) -> str:
    if not value:
        return ""
    try:
        return datetime.fromisoformat(value).astimezone(tz).strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return value[:16]


def _new_item(event: dict, tz: ZoneInfo) -> dict:
    p = event["payload"]
    entity = (p.get("entity") or {}).get("name")
    return {
        "key": event["event_key"], "title": p.get("title") or "", "url": safe_url(p.get("url")),
        "sources": [], "date": _date(p.get("published_at"), tz), "sort": p.get("published_at") or "",
        "snippet": [list(s) for s in p.get("snippet") or []], "rules": [], "terms": [],
        "doc_number": p.get("doc_number"), "issuers": p.get("issuers") or [], "change": p.get("change"),
        "change_lines": _change_lines(p.get("change_summary")), "entity": entity,
        "groups": p.get("groups") or [], "count": p.get("count"), "baseline": p.get("baseline"),
        "ratio": p.get("ratio"), "series": p.get("series") or [], "cid": None,
        "policy": p.get("policy"), "due_on": p.get("due_on"), "days_left": p.get("days_left"),
        "deadline_text": p.get("deadline_text"),
    }


def _change_lines(summary: dict | None) -> list[str]:
    if not summary:
        return []
    return [f"+ {x}" for x in summary.get("added") or []] + [f"- {x}" for x in summary.get("removed") or []]


def _merge(item: dict, event: dict) -> None:
    p = event["payload"]
    if event["rule_name"] not in item["rules"]:
        item["rules"].append(event["rule_name"])
    item["terms"] += [t for t in p.get("terms") or [] if t and t not in item["terms"]]
    for source in p.get("sources") or []:
        name = source.get("name") or source.get("source_id") or ""
        if name and name not in item["sources"]:
            item["sources"].append(name)
    item["groups"] += [g for g in p.get("groups") or [] if g not in item["groups"]]


def _group_label(section: str, item: dict, labels: dict) -> str:
    if section in ("spike", "deadline"):
        return ""
    if section == "policy":
        return item["issuers"][0] if item["issuers"] else labels["no_issuer"]
    return item["groups"][0] if item["groups"] else labels["other"]


def build_sections(events: list[dict], tz: ZoneInfo, labels: dict) -> tuple[list[dict], dict[str, bytes]]:
    """Sections in the fixed order, each with its groups of merged items; and the charts by cid."""
    by_section: dict[str, dict[str, dict]] = {s: {} for s in SECTIONS}
    for event in events:
        items = by_section.setdefault(event["section"], {})
        item = items.get(event["event_key"]) or items.setdefault(event["event_key"], _new_item(event, tz))
        _merge(item, event)
    charts: dict[str, bytes] = {}
    sections = []
    for key in SECTIONS:
        items = sorted(by_section[key].values(), key=lambda i: i["sort"], reverse=True)
        if not items:
            continue
        groups: dict[str, list[dict]] = {}
        for item in items:
            item["snippet_text"] = snippet_text(item["snippet"])
            if key == "spike" and item["series"]:
                item["cid"] = f"trend{len(charts) + 1}@futurewatch"
                charts[item["cid"]] = render_trend_png(item["series"])
            groups.setdefault(_group_label(key, item, labels), []).append(item)
        ordered = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        sections.append({"key": key, "title": labels[key], "count": len(items),
                         "groups": [{"label": label, "entries": group} for label, group in ordered]})
    return sections, charts

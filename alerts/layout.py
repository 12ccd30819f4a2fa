"""The reading order of a digest, the same for HTML, plain text and chat messages:

1. header: period (with its zone), a one-line summary
2. top items: the most important cards (at most `top_items`, default 10), one line each
3. policy documents by issuer level: national → provincial → city → district/county, then the
   deadline reminders of `policy_deadline` rules (alerts.policy_cards)
4. the other cards by track, in the subscriber's view (national, guangdong or guangzhou)
5. first-seen entities as a compact list (entity → its first article)
6. spikes, then the per-track chart with its data table
7. footer: the subscriber's rules, how to change them, unsubscribe
"""

from __future__ import annotations

from datetime import datetime, timedelta
from urllib.parse import quote
from zoneinfo import ZoneInfo

from alerts import charts
from alerts.cards import build_cards, select_articles
from alerts.channels import DEFAULT_OPTIONS
from alerts.firstseen import warmup_days, warmup_end
from alerts.policy_cards import deadline_items
from alerts.labels import LEVEL_NAMES, LEVEL_ORDER, RULE_TYPE_NAMES, VIEW_NAMES, format_time, text_for, track_name, zone_label
from futurewatch.core.config import SOURCE_TIMEZONE

RULES_SQL = "SELECT name, rule_type FROM alert_rules WHERE subscriber_id = %(s)s AND active ORDER BY name"


def options_of(subscriber: dict) -> dict:
    return {**DEFAULT_OPTIONS, **(subscriber.get("options") or {})}


def period_label(start: datetime, end: datetime, tz: ZoneInfo) -> str:
    a, b = start.astimezone(tz), end.astimezone(tz)
    zone = f"{tz.key}, {zone_label(tz, end)}"
    if b - a == timedelta(days=1) and a.hour == a.minute == 0:
        return f"{a:%Y-%m-%d} ({zone})"
    return f"{a:%Y-%m-%d %H:%M} – {b:%Y-%m-%d %H:%M} ({zone})"


def policy_groups(cards: list[dict], language: str) -> list[dict]:
    names = LEVEL_NAMES.get(language, LEVEL_NAMES["zh"])
    groups = [{"label": names[level], "cards": [c for c in cards if c["is_policy"] and c["level"] == level]}
              for level in LEVEL_ORDER]
    known = set(LEVEL_ORDER)
    groups[-1]["cards"] += [c for c in cards if c["is_policy"] and c["level"] not in known]
    return [g for g in groups if g["cards"]]


def track_groups(cards: list[dict], language: str) -> list[dict]:
    by_parent: dict[str | None, list[dict]] = {}
    for card in (c for c in cards if not c["is_policy"]):
        by_parent.setdefault(card["parent"], []).append(card)
    ordered = sorted(by_parent.items(), key=lambda kv: (kv[0] is None, -len(kv[1]), kv[0] or ""))
    return [{"label": track_name(parent, language), "cards": group} for parent, group in ordered]


CATEGORY_NAMES_SQL = """
SELECT code, name_zh, name_en FROM categories
WHERE taxonomy_version_id = (SELECT max(taxonomy_version_id) FROM taxonomy_versions)
"""


def spike_label(payload: dict, names: dict[str, dict], language: str) -> str:
    """A spike's target in words: a view parent's track name, a category's name, or the entities."""
    parts = (payload.get("target") or "").split(":")
    if parts[0] == "category" and len(parts) == 3:
        return track_name(parts[2], language)
    if parts[0] == "category" and len(parts) == 2 and parts[1] in names:
        row = names[parts[1]]
        return row["name_en"] if language == "en" and row.get("name_en") else row["name_zh"]
    return payload.get("title") or ""


def spike_items(events: list[dict], names: dict[str, dict], language: str) -> list[dict]:
    seen: dict[str, dict] = {}
    for event in (e for e in events if e["section"] == "spike"):
        p = event["payload"]
        item = seen.setdefault(event["event_key"], {
            "label": spike_label(p, names, language), "count": p.get("count"), "baseline": p.get("baseline"),
            "ratio": p.get("ratio"), "hours": int(p.get("window_hours") or 24), "series": p.get("series") or [],
            "rules": []})
        if event["rule_name"] not in item["rules"]:
            item["rules"].append(event["rule_name"])
    return list(seen.values())


def unsubscribe_links(subscriber: dict, settings) -> list[str]:
    """mailto: and/or https: links for List-Unsubscribe and the footer."""
    link = options_of(subscriber).get("unsubscribe") or settings.extra.get("FUTUREWATCH_UNSUBSCRIBE_URL")
    who = quote(subscriber.get("email") or subscriber.get("name") or "")
    links = [link.replace("{email}", who)] if link else []
    if not any(x.startswith("mailto:") for x in links):
        links.insert(0, f"mailto:{settings.smtp_from.split('<')[-1].strip('> ')}?subject=unsubscribe%20{who}")
    return links


def summary_line(cards: list[dict], entities: list[dict], spikes: list[dict], words: dict, language: str,
                 deadlines: int = 0) -> str:
    policies = sum(c["is_policy"] for c in cards)
    parts = [f"{len(cards)} {words['articles']}", f"{policies} {words['policies']}"]
    parts += [f"{deadlines} {words['deadlines']}"] if deadlines else []
    parts += [f"{len(entities)} {words['entities']}"] if entities else []
    parts += [f"{len(spikes)} {words['spikes']}"] if spikes else []
    return ("，" if language != "en" else ", ").join(parts)


def build_context(conn, subscriber: dict, events: list[dict], start: datetime, end: datetime,
                  settings) -> tuple[dict, dict[str, bytes]]:
    """The template context of one digest and its images by Content-ID."""
    language, options = subscriber.get("language") or "zh", options_of(subscriber)
    tz, words, view = ZoneInfo(subscriber.get("timezone") or SOURCE_TIMEZONE), text_for(language), options["view"]
    articles = select_articles(conn, [e["version_id"] for e in events if e["version_id"]])
    cards, entities = build_cards(events, articles, tz, view, language)
    for rank, card in enumerate(cards, 1):
        card["anchor"] = f"c{rank}"
    names = {r["code"]: r for r in conn.execute(CATEGORY_NAMES_SQL).fetchall()} if any(
        e["section"] == "spike" for e in events) else {}
    spikes = spike_items(events, names, language)
    deadlines = deadline_items(events, language)
    counts = charts.select_track_counts(conn, view, tz, end, int(options["chart_days"]))
    chart = charts.chart_context(counts, view, language)
    images = {chart["cid"]: charts.render_track_chart(chart, counts, view)} if chart else {}
    rules = conn.execute(RULES_SQL, {"s": subscriber["subscriber_id"]}).fetchall()
    types = RULE_TYPE_NAMES.get(language, RULE_TYPE_NAMES["zh"])
    first_seen = any(r["rule_type"] == "first_seen_entity" for r in rules)
    warm = warmup_end(conn, warmup_days(settings)) if first_seen else None
    context = {
        "L": words, "language": language, "subscriber_name": subscriber.get("name") or "",
        "period_label": period_label(start, end, tz), "zone": f"{tz.key} ({zone_label(tz, end)})",
        "view_name": VIEW_NAMES.get(language, VIEW_NAMES["zh"]).get(view, view),
        "summary": summary_line(cards, entities, spikes, words, language, len(deadlines)), "deadlines": deadlines,
        "top": cards[:int(options["top_items"])], "cards": cards, "policy_groups": policy_groups(cards, language),
        "track_groups": track_groups(cards, language), "entities": entities, "spikes": spikes, "chart": chart,
        "warmup": words["warmup"].format(until=format_time(warm, tz)) if warm and warm > end else "",
        "rules": [{"name": r["name"], "type": types.get(r["rule_type"], r["rule_type"])} for r in rules],
        "unsubscribe": unsubscribe_links(subscriber, settings), "full_url": None,
    }
    context["subject"] = f"{words['digest']} {period_label(start, end, tz)}: {context['summary']}"
    return context, images

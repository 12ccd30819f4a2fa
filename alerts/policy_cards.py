"""What a digest shows about policies besides main's card fields: the lead issuer's level and
region, what a new policy implements, its main measures (alerts.policy_facts, at most five), and
the deadline reminders of `policy_deadline` rules (alerts.deadlines), one line each.

    add_policy(card, payload)        a card takes region, implements and measures from an event
    policy_lines(card, words)        the card's level line and measure lines, in the reader's words
    deadline_items(events, language) the reminders, nearest deadline first
"""

from __future__ import annotations

from alerts.labels import LEVEL_NAMES, text_for
from alerts.render import safe_url

MAX_MEASURES = 5


def empty_policy() -> dict:
    return {"region": None, "implements": [], "measures": [], "level_line": "", "measure_lines": []}


def add_policy(card: dict, payload: dict) -> None:
    """The first event carrying policy facts fills the card's policy fields."""
    policy = payload.get("policy") or {}
    if not policy or card["implements"] or card["measures"] or card["region"]:
        return
    card["region"] = policy.get("region") if policy.get("region") != "national" else None
    card["implements"] = list(policy.get("implements") or [])
    card["measures"] = list(policy.get("measures") or [])[:MAX_MEASURES]


def measure_line(measure: dict, words: dict) -> str:
    """资金 1000万元: …, 目标 2027: …, 截止 2024-03-20: …"""
    word, value = {"funding": (words["funding"], measure.get("amount")),
                   "target": (words["target"], measure.get("target_year")),
                   "deadline": (words["due"], measure.get("due_on"))}.get(measure.get("kind"), (measure.get("kind"), None))
    label = f"{word} {value}" if value else word
    return f"{label}: {measure.get('text') or ''}"


def policy_lines(card: dict, words: dict) -> None:
    """Sets card["level_line"] (层级: 市级（广州市）) and card["measure_lines"]."""
    level = card["level_name"] if card["level"] else None
    region = card["region"]
    if level or region:
        card["level_line"] = f"{words['level']}: {level or ''}" + (f" ({region})" if region else "")
    card["measure_lines"] = [measure_line(m, words) for m in card["measures"]]


def implements_text(card: dict) -> str:
    return "、".join(f"《{title}》" for title in card["implements"])


def deadline_items(events: list[dict], language: str) -> list[dict]:
    """One reminder per document and deadline (several rules name theirs), nearest first."""
    words, levels = text_for(language), LEVEL_NAMES.get(language, LEVEL_NAMES["zh"])
    items: dict[str, dict] = {}
    for event in (e for e in events if e["section"] == "deadline"):
        p = event["payload"]
        item = items.setdefault(event["event_key"], {
            "title": p.get("title") or "", "url": safe_url(p.get("url")), "due_on": p.get("due_on") or "",
            "days_left": words["days_left"].format(n=p.get("days_left")), "text": p.get("deadline_text") or "",
            "where": "".join(f"{w} · " for w in (levels.get(p.get("level")) if p.get("level") else None,
                                                  p.get("doc_number")) if w), "rules": []})
        if event["rule_name"] not in item["rules"]:
            item["rules"].append(event["rule_name"])
    for item in items.values():
        item["reason"] = (f"{words['rule']}: {', '.join(item['rules'])}" if language == "en"
                          else f"{words['rule']}：{'、'.join(item['rules'])}")
    return sorted(items.values(), key=lambda i: (i["due_on"], i["title"]))

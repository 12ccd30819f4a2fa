"""Cards: one per article per digest, with every reason it is there, ranked by importance.

Events of one story (every rule, every section) merge into one card. A first-seen entity adds
its name to the card of its first article when that article is in the digest. Tracks, scores and
evidence come from the stored classifier output (classifications.score, .evidence) of the
newest taxonomy that classified the version; matched terms are shown as written in the text.

importance = 2 (new policy document) + level (national 1.5, provincial 1, city 0.6, county 0.3)
           + 1 (changed: revised, amended, abolished, expired) + top track score (0–1)
           + 0.4 per extra rule + 0.3 per reprint (up to 3) + 0.5 (names a first-seen entity)
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from alerts.labels import LEVEL_NAMES, format_score, format_time, text_for, track_name
from alerts.policy_cards import add_policy, empty_policy, implements_text, policy_lines
from alerts.render import safe_url
from alerts.snippets import find_spans, prepare_text, snippet_text
from futurewatch.core.textnorm import FoldedText

ARTICLES_SQL = """
SELECT v.version_id, v.title, left(v.text, 20000) AS text, v.published_at, d.kind,
       pm.issuers, pm.doc_number, pm.written_at, pm.published_on, pm.effective_on,
       coalesce((SELECT jsonb_agg(jsonb_build_object('code', c.code, 'score', c.score, 'evidence', c.evidence,
                                                     'name_zh', cat.name_zh, 'name_en', cat.name_en, 'views', cat.views)
                                  ORDER BY c.score DESC, c.code)
                 FROM v_current_classifications c
                 JOIN categories cat ON cat.taxonomy_version_id = c.taxonomy_version_id AND cat.code = c.code
                 WHERE c.version_id = v.version_id), '[]'::jsonb) AS labels
FROM document_versions v
JOIN documents d ON d.document_id = v.document_id
LEFT JOIN policy_metadata pm ON pm.version_id = v.version_id
WHERE v.version_id = ANY(%(ids)s)
"""
MAX_TERMS = 6
LEVEL_WEIGHT = {"national": 1.5, "provincial": 1.0, "municipal": 0.6, "county": 0.3}
FIELD_NAMES = {"zh": {"title": "标题", "lead": "导语", "body": "正文", "text": "正文"},
               "en": {"title": "title", "lead": "lead", "body": "body", "text": "text"}}


def select_articles(conn, version_ids: list[int]) -> dict[int, dict]:
    rows = conn.execute(ARTICLES_SQL, {"ids": sorted(set(version_ids))}).fetchall()
    return {r["version_id"]: r for r in rows}


def parent_in_view(views: dict | None, view: str) -> str | None:
    parent = (views or {}).get(view)
    return parent[0] if isinstance(parent, list) and parent else parent if isinstance(parent, str) else None


def surface_of(term: str, prepared: tuple[str, FoldedText]) -> str | None:
    """The term as written in the text (6G, 廣東), found through the matching form."""
    spans = find_spans(prepared[1], [term])
    return prepared[0][spans[0][0]:spans[0][1]] if spans else None


def surfaces(terms: list[str], prepared: list[tuple[str, FoldedText]]) -> list[str]:
    out: list[str] = []
    for term in terms:
        found = next((s for p in prepared if (s := surface_of(term, p))), None)
        if found and found not in out:
            out.append(found)
    return out


def build_tracks(article: dict | None, view: str, language: str) -> list[dict]:
    tracks = []
    for label in (article or {}).get("labels") or []:
        name = label["name_en"] if language == "en" and label.get("name_en") else label["name_zh"]
        tracks.append({"code": label["code"], "name": name, "score": format_score(label["score"]),
                       "value": float(label["score"]), "parent": parent_in_view(label.get("views"), view)})
    return tracks


def strongest_evidence(article: dict | None, prepared: list[tuple[str, FoldedText]], language: str) -> list[str]:
    """Up to three terms of the top-scored track's evidence, title first, as written."""
    labels = (article or {}).get("labels") or []
    if not labels:
        return []
    spans = sorted(labels[0].get("evidence") or [], key=lambda e: (e.get("field") != "title", e.get("start") or 0))
    names, shown = FIELD_NAMES.get(language, FIELD_NAMES["zh"]), []
    for span in spans:
        term = surfaces([span.get("term") or ""], prepared)
        field = names.get(span.get("field"), span.get("field"))
        item = (f"{term[0]} ({field})" if language == "en" else f"{term[0]}（{field}）") if term else None
        if item and item not in shown:
            shown.append(item)
        if len(shown) == 3:
            break
    return shown


def new_card(event: dict, article: dict | None, tz: ZoneInfo, view: str, language: str) -> dict:
    p = event["payload"]
    title = p.get("title") or (article or {}).get("title") or ""
    prepared = [prepare_text(title), prepare_text((article or {}).get("text") or "")]
    published = (article or {}).get("published_at") or _parse(p.get("published_at"))
    tracks = build_tracks(article, view, language)
    return {
        "key": event["event_key"], "version_id": event["version_id"], "title": title, "url": safe_url(p.get("url")),
        "sources": [], "published": format_time(published, tz), "sort_time": published.isoformat() if published else "",
        "is_policy": p.get("kind") in ("policy", "interpretation") or bool(p.get("doc_number")),
        "level": p.get("level"), "level_name": LEVEL_NAMES.get(language, LEVEL_NAMES["zh"]).get(p.get("level")),
        "doc_number": p.get("doc_number"), "issuers": p.get("issuers") or [],
        "policy_dates": policy_dates(article, language), "change": None, "_change_cause": None, "_returns_to": None,
        "change_lines": [],
        "tracks": tracks[:4], "parent": next((t["parent"] for t in tracks if t["parent"]), None),
        "evidence": strongest_evidence(article, prepared, language), "rules": [], "terms": [],
        "entities": [], "new_entities": [], "snippet": [list(s) for s in p.get("snippet") or []], "_prepared": prepared,
        **empty_policy(),
    }


def merge_event(card: dict, event: dict) -> None:
    p = event["payload"]
    if event["rule_name"] not in card["rules"]:
        card["rules"].append(event["rule_name"])
    found = surfaces(p.get("terms") or [], card["_prepared"])
    card["terms"] += [t for t in found if t not in card["terms"]]
    if p.get("rule_type") == "entity":  # the watched entity named in the article
        card["entities"] += [t for t in found[:1] if t not in card["entities"]]
    for source in p.get("sources") or []:
        name = source.get("name") or source.get("source_id") or ""
        if name and name not in card["sources"]:
            card["sources"].append(name)
    if p.get("change") and not card["change"]:
        card["change"], card["_change_cause"], card["_returns_to"] = p["change"], p.get("validity"), p.get("returns_to")
        card["change_lines"] = [f"+ {x}" for x in (p.get("change_summary") or {}).get("added") or []] + \
                               [f"- {x}" for x in (p.get("change_summary") or {}).get("removed") or []]
    if not card["snippet"] and p.get("snippet"):
        card["snippet"] = [list(s) for s in p["snippet"]]
    add_policy(card, p)


def change_reason(change: str, cause: dict | None, words: dict, returns_to: int | None = None) -> str:
    """`abolished by 《…》穗府办规〔2024〕8号`, `expired (valid until 2027-03-31)`, `revised (back to the text of
    version 1)` for a revert (alerts.flapping), or the change alone (alerts.validity writes the cause
    of a validity changed in place)."""
    said = words.get(change, change)
    if returns_to is not None:
        said = words["returns_to"].format(change=said, n=returns_to)
    by = (cause or {}).get("by")
    if by and (by.get("title") or by.get("doc_number")):
        name = (f"《{by['title']}》" if by.get("title") else "") + (by.get("doc_number") or "")
        return words["changed_by"].format(change=said, name=name)
    if (cause or {}).get("expires_on"):
        return words["expired_on"].format(change=said, day=cause["expires_on"])
    return said


def policy_dates(article: dict | None, language: str) -> str:
    if not article:
        return ""
    names = (("written_at", "成文"), ("published_on", "发布"), ("effective_on", "施行")) if language != "en" else \
        (("written_at", "written"), ("published_on", "published"), ("effective_on", "in force"))
    return " · ".join(f"{label} {article[key]:%Y-%m-%d}" for key, label in names if isinstance(article.get(key), date))


def policy_line(card: dict, words: dict) -> str:
    parts = [card["level_line"]] if card["level_line"] else []
    parts += [f"{words['doc_number']}: {card['doc_number']}"] if card["doc_number"] else []
    parts += [f"{words['issuer']}: {'、'.join(card['issuers'])}"] if card["issuers"] else []
    parts += [card["policy_dates"]] if card["policy_dates"] else []
    return " · ".join(parts)


def importance(card: dict) -> float:
    top = max((t["value"] for t in card["tracks"]), default=0.0)
    return round((2.0 if card["is_policy"] and "new_policy" in card["_types"] else 0.0)
                 + (LEVEL_WEIGHT.get(card["level"], 0.0) if card["is_policy"] else 0.0)
                 + (1.0 if card["change"] else 0.0) + (top if top <= 1 else min(1.0, top / 10))
                 + 0.4 * (len(card["rules"]) - 1) + 0.3 * min(3, max(0, len(card["sources"]) - 1))
                 + (0.5 if card["new_entities"] else 0.0), 3)


def finish(card: dict, language: str) -> dict:
    """Reasons in words, the importance, the text snippet; drops the working fields."""
    words = text_for(language)
    reasons = [f"{words['rule']}: {', '.join(card['rules'])}" if language == "en" else f"{words['rule']}：{'、'.join(card['rules'])}"]
    if card["entities"]:
        reasons.append(f"{words['entity']}: {', '.join(card['entities'])}" if language == "en"
                       else f"{words['entity']}：{'、'.join(card['entities'])}")
    if card["change"]:
        reasons.append(change_reason(card["change"], card["_change_cause"], words, card["_returns_to"]))
    reasons += [f"{words['first_seen']}：{n}" for n in card["new_entities"]]
    card["reasons"] = reasons
    card["importance"] = importance(card)
    card["snippet_text"] = snippet_text(card["snippet"])
    card["track_names"] = track_name(card["parent"], language) if card["parent"] else ""
    card["terms"] = card["terms"][:MAX_TERMS]
    if card["is_policy"]:
        policy_lines(card, words)
    where = [card["level_name"], card["region"], card["doc_number"]] if card["is_policy"] else []
    card["where"] = " · ".join(w for w in where if w) or card["track_names"] or words["other"]
    card["policy_line"] = policy_line(card, words) if card["is_policy"] else ""
    card["implements_text"] = implements_text(card)
    card.pop("_prepared", None)
    card.pop("_types", None)
    card.pop("_change_cause", None)
    card.pop("_returns_to", None)
    return card


def build_cards(events: list[dict], articles: dict[int, dict], tz: ZoneInfo, view: str,
                language: str) -> tuple[list[dict], list[dict]]:
    """(cards by importance, first-seen entities); spike and deadline events are left to the caller."""
    cards: dict[str, dict] = {}
    by_version: dict[int, dict] = {}
    for event in (e for e in events if e["section"] not in ("new_entity", "spike", "deadline")):
        card = cards.get(event["event_key"])
        if card is None:
            card = cards[event["event_key"]] = new_card(event, articles.get(event["version_id"]), tz, view, language)
            card["_types"] = set()
        merge_event(card, event)
        card["_types"].add(event["payload"].get("rule_type"))
        by_version.setdefault(event["version_id"], card)
    entities = first_seen_list(events, by_version, tz)
    ranked = sorted((finish(c, language) for c in cards.values()),
                    key=lambda c: (c["importance"], c["sort_time"]), reverse=True)
    return ranked, entities


def first_seen_list(events: list[dict], by_version: dict[int, dict], tz: ZoneInfo) -> list[dict]:
    """entity → its first article, one line each; names the entity on that article's card."""
    seen: dict[int, dict] = {}
    for event in (e for e in events if e["section"] == "new_entity"):
        p, entity = event["payload"], event["payload"].get("entity") or {}
        item = seen.setdefault(entity.get("id"), {
            "name": entity.get("name") or "", "type": entity.get("type"), "title": p.get("title") or "",
            "url": safe_url(p.get("url")), "published": format_time(_parse(p.get("published_at")), tz), "rules": []})
        if event["rule_name"] not in item["rules"]:
            item["rules"].append(event["rule_name"])
        card = by_version.get(event["version_id"])
        if card is not None and item["name"] not in card["new_entities"]:
            card["new_entities"].append(item["name"])
    return sorted(seen.values(), key=lambda i: i["name"])


def _parse(value: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(value) if value else None
    except ValueError:
        return None

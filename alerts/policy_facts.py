"""What a digest shows about a policy besides its title: issuer level and region, what it
implements, and its main measures (largest funding, first targets, nearest deadline).

    attach_policy_facts(conn, facts_list)   sets VersionFacts.policy for policy versions (one query)
"""

from __future__ import annotations

from decimal import Decimal

POLICY_FACTS_SQL = """
SELECT pm.version_id, pm.region,
       (SELECT i.level FROM policy_issuers i WHERE i.version_id = pm.version_id ORDER BY i.position LIMIT 1) AS level,
       (SELECT coalesce(array_agg(DISTINCT coalesce(t.title, r.target_title, r.target_doc_number)), '{}')
          FROM policy_references r
          LEFT JOIN documents td ON td.document_id = r.to_document_id
          LEFT JOIN document_versions t ON t.version_id = td.current_version_id
         WHERE r.version_id = pm.version_id AND r.relation = 'implements') AS implements,
       (SELECT coalesce(jsonb_agg(jsonb_build_object('kind', m.kind, 'amount_yuan', m.amount_yuan,
                                                     'target_year', m.target_year, 'due_on', m.due_on,
                                                     'text', m.text) ORDER BY m.position), '[]'::jsonb)
          FROM policy_measures m WHERE m.version_id = pm.version_id) AS measures
FROM policy_metadata pm
WHERE pm.version_id = ANY(%(ids)s)
"""
MAX_SHOWN = {"funding": 2, "target": 2, "deadline": 1}  # measures shown per kind in a digest
MAX_TEXT = 120


def format_yuan(amount) -> str | None:
    """1500000 → 150万元, 200000000 → 2亿元 (as policies print them)."""
    if amount is None:
        return None
    value = Decimal(str(amount))
    for unit, size in (("亿元", Decimal(10) ** 8), ("万元", Decimal(10) ** 4)):
        if value >= size:
            return f"{(value / size).normalize():f}{unit}"
    return f"{value.normalize():f}元"


def main_measures(measures: list[dict]) -> list[dict]:
    """The largest funding, the first targets and the nearest deadline, each shortened for a digest."""
    by_kind = {kind: [m for m in measures if m["kind"] == kind] for kind in MAX_SHOWN}
    by_kind["funding"].sort(key=lambda m: -(m["amount_yuan"] or 0))
    by_kind["deadline"].sort(key=lambda m: m["due_on"] or "")
    chosen = [m for kind, limit in MAX_SHOWN.items() for m in by_kind[kind][:limit]]
    return [{"kind": m["kind"], "amount": format_yuan(m["amount_yuan"]), "target_year": m["target_year"],
             "due_on": m["due_on"], "text": m["text"][:MAX_TEXT]} for m in chosen]


def attach_policy_facts(conn, facts_list: list) -> None:
    ids = [f.version_id for f in facts_list if f.is_policy]
    if not ids:
        return
    rows = {r["version_id"]: r for r in conn.execute(POLICY_FACTS_SQL, {"ids": ids}).fetchall()}
    for facts in facts_list:
        row = rows.get(facts.version_id)
        if row is not None:
            facts.policy = {"level": row["level"], "region": row["region"],
                            "implements": sorted(t for t in row["implements"] if t),
                            "measures": main_measures(row["measures"] or [])}

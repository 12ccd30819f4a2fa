"""What the matcher knows about one document version, loaded in batches from the archive."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from alerts.terms import normalize_text
from futurewatch.core.textnorm import FoldedText

# Labels of a version come from the newest taxonomy version that has classified it.
# Version-first (issue 17): every row of the batch is found by key (OFFSET 0 keeps each lookup an
# index probe), so a batch costs the same whatever the statistics say; without statistics the
# plan used to hash whole tables for every batch of 500.
FACTS_SQL = """
SELECT v.version_id, v.document_id, d.story_id, d.kind, d.source_id, s.name AS source_name,
       d.canonical_url AS url, v.title, v.text, v.published_at, v.created_at, v.version_no,
       v.replaces_version_id, v.change_summary, pm.issuers, pm.doc_number, pm.validity,
       runs.taxonomy_version_id,
       (SELECT coalesce(jsonb_object_agg(c.code, jsonb_build_object('score', c.score, 'evidence', c.evidence)),
                        '{}'::jsonb)
          FROM classifications c
         WHERE c.version_id = v.version_id AND c.taxonomy_version_id = runs.taxonomy_version_id) AS codes,
       (SELECT coalesce(array_agg(DISTINCT m.entity_id), '{}') FROM entity_mentions m
         WHERE m.version_id = v.version_id) AS entity_ids
FROM unnest(%(ids)s::bigint[]) AS batch(version_id)
CROSS JOIN LATERAL (SELECT x.version_id, x.document_id, x.title, x.text, x.published_at, x.created_at, x.version_no,
                           x.replaces_version_id, x.change_summary
                    FROM document_versions x WHERE x.version_id = batch.version_id OFFSET 0) v
CROSS JOIN LATERAL (SELECT x.story_id, x.kind, x.source_id, x.canonical_url FROM documents x
                    WHERE x.document_id = v.document_id OFFSET 0) d
CROSS JOIN LATERAL (SELECT x.name FROM sources x WHERE x.source_id = d.source_id OFFSET 0) s
LEFT JOIN LATERAL (SELECT x.issuers, x.doc_number, x.validity FROM policy_metadata x
                   WHERE x.version_id = v.version_id OFFSET 0) pm ON true
CROSS JOIN LATERAL (SELECT max(x.taxonomy_version_id) AS taxonomy_version_id FROM classification_runs x
                    WHERE x.version_id = v.version_id) runs
ORDER BY v.version_id
"""


@dataclass
class VersionFacts:
    version_id: int
    document_id: int
    story_id: int | None
    kind: str
    source_id: str
    source_name: str
    url: str
    title: str
    text: str
    published_at: datetime | None
    created_at: datetime
    version_no: int
    replaces_version_id: int | None = None
    change_summary: dict | None = None
    issuers: list[str] = field(default_factory=list)
    doc_number: str | None = None
    validity: str | None = None
    taxonomy_version_id: int | None = None
    codes: dict[str, dict] = field(default_factory=dict)
    entity_ids: set[int] = field(default_factory=set)
    policy: dict | None = None  # level, region, implements, measures (alerts.policy_facts)
    returns_to: int | None = None  # a revert: the first version with this content (alerts.flapping)
    flapping: bool = False  # a revert soon after another: recorded, not sent (alerts.flapping)
    _norm: tuple[str, str] | None = None
    _found: tuple | None = None
    _snippet: tuple[str, FoldedText] | None = None
    _memo: dict = field(default_factory=dict)  # per-version results shared by every rule

    @property
    def story_key(self) -> str:
        """Reprints share a story; a document not yet clustered is its own story."""
        return f"story:{self.story_id}" if self.story_id is not None else f"doc:{self.document_id}"

    @property
    def is_policy(self) -> bool:
        return self.kind in ("policy", "interpretation") or bool(self.doc_number)

    def normalized(self) -> tuple[str, str]:
        """(title, text) in the matching form, computed once."""
        if self._norm is None:
            self._norm = (normalize_text(self.title), normalize_text(self.text))
        return self._norm

    def found_with(self, index) -> tuple[dict[str, int], dict[str, int]]:
        """Terms of `index` found in (title, text): one scan per version, shared by every rule."""
        if self._found is None or self._found[0] is not index:
            title, text = self.normalized()
            self._found = (index, index.find(title), index.find(text))
        return self._found[1], self._found[2]

    def snippet_base(self) -> tuple[str, FoldedText]:
        """The body (or title) prepared for snippets, once per version."""
        if self._snippet is None:
            from alerts.snippets import prepare_text

            self._snippet = prepare_text(self.text or self.title)
        return self._snippet

    def remember(self, key, make):
        """make() once per version and key: a result that every rule would otherwise recompute."""
        if key not in self._memo:
            self._memo[key] = make()
        return self._memo[key]

    def snippet(self, terms: list[str]) -> list[list]:
        """The snippet around `terms` (alerts.snippets), once per version and term list."""
        from alerts.snippets import build_snippet

        return self.remember(("snippet", tuple(terms)),
                             lambda: build_snippet("", terms, prepared=self.snippet_base()))

    def level(self) -> str | None:
        """The policy level (alerts.levels.policy_level); call after attach_policy_facts."""
        from alerts.levels import policy_level

        return self.remember("level", lambda: policy_level((self.policy or {}).get("level"), self.issuers,
                                                           self.doc_number))

    def scored_codes(self, floor: float) -> frozenset[str]:
        """Codes whose label score reaches `floor`."""
        return self.remember(("scored", floor), lambda: frozenset(
            c for c, label in self.codes.items() if float((label or {}).get("score") or 0) >= floor))

    def evidence_terms(self, codes: list[str]) -> list[str]:
        """The evidence terms of these labels, in the codes' order (a set's order changes per process)."""
        terms: list[str] = []
        for code in codes:
            for ev in (self.codes.get(code) or {}).get("evidence") or []:
                term = ev.get("term") if isinstance(ev, dict) else None
                if term and term not in terms:
                    terms.append(term)
        return terms


def select_facts(conn, version_ids: list[int]) -> list[VersionFacts]:
    rows = conn.execute(FACTS_SQL, {"ids": version_ids}).fetchall()
    return [build_facts(row) for row in rows]


def build_facts(row: dict) -> VersionFacts:
    return VersionFacts(
        version_id=row["version_id"], document_id=row["document_id"], story_id=row["story_id"],
        kind=row["kind"], source_id=row["source_id"], source_name=row["source_name"], url=row["url"],
        title=row["title"] or "", text=row["text"] or "", published_at=row["published_at"],
        created_at=row["created_at"], version_no=row["version_no"],
        replaces_version_id=row["replaces_version_id"], change_summary=row["change_summary"],
        issuers=list(row["issuers"] or []), doc_number=row["doc_number"], validity=row["validity"],
        taxonomy_version_id=row["taxonomy_version_id"], codes=dict(row["codes"] or {}),
        entity_ids=set(row["entity_ids"] or []),
    )

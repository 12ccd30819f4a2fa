-- Classification additions: trap contexts as a term role, the field of an entity mention
-- (title offsets and text offsets are separate), scores for emerging-term candidates, and
-- the read views the alert and reader stages use.

ALTER TABLE category_terms DROP CONSTRAINT IF EXISTS category_terms_role_check;
ALTER TABLE category_terms ADD CONSTRAINT category_terms_role_check
    CHECK (role IN ('name', 'alias', 'exclusion', 'context'));

ALTER TABLE entity_mentions ADD COLUMN field text NOT NULL DEFAULT 'text'
    CHECK (field IN ('title', 'text'));
ALTER TABLE entity_mentions DROP CONSTRAINT entity_mentions_pkey;
ALTER TABLE entity_mentions ADD PRIMARY KEY (version_id, entity_id, field, start_offset);

ALTER TABLE term_candidates ADD COLUMN score real NOT NULL DEFAULT 0;
ALTER TABLE term_candidates ADD COLUMN example text;
ALTER TABLE term_candidates ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

CREATE INDEX classification_runs_taxonomy_idx ON classification_runs (taxonomy_version_id, version_id);

-- The labels of each document version from the newest taxonomy version that has classified it
-- (during a reclassification, versions not yet redone keep their previous labels).
CREATE VIEW v_current_classifications AS
SELECT c.version_id, dv.document_id, c.code, c.score, c.evidence, c.taxonomy_version_id, c.classified_at
FROM classifications c
JOIN (SELECT version_id, max(taxonomy_version_id) AS taxonomy_version_id
      FROM classification_runs GROUP BY version_id) r
  ON r.version_id = c.version_id AND r.taxonomy_version_id = c.taxonomy_version_id
JOIN document_versions dv ON dv.version_id = c.version_id;

-- Mentions per entity and day (the published day in China, else the day first seen).
CREATE VIEW v_entity_mentions_daily AS
SELECT e.entity_id, e.type, e.canonical,
       COALESCE((dv.published_at AT TIME ZONE 'Asia/Shanghai')::date,
                (dv.created_at AT TIME ZONE 'Asia/Shanghai')::date) AS day,
       count(*) AS mentions,
       count(DISTINCT dv.document_id) AS documents
FROM entity_mentions m
JOIN entities e ON e.entity_id = m.entity_id
JOIN document_versions dv ON dv.version_id = m.version_id
GROUP BY e.entity_id, e.type, e.canonical, 4;

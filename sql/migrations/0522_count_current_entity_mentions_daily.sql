-- v_entity_mentions_daily counted the mentions of every version of a document (migration 0040): a
-- document revised three times counted its mentions three times, and a revision without a
-- publication date moved them to the day it was stored. It now counts current versions only, as
-- every other reader view does, and a version without a publication date counts on the day the
-- document was first seen. The reader role may now select it (docs/sql.md).
CREATE OR REPLACE VIEW v_entity_mentions_daily AS
SELECT e.entity_id, e.type, e.canonical,
       COALESCE((v.published_at AT TIME ZONE 'Asia/Shanghai')::date,
                (d.first_seen_at AT TIME ZONE 'Asia/Shanghai')::date) AS day,
       count(*) AS mentions,
       count(DISTINCT d.document_id) AS documents
FROM entity_mentions m
JOIN entities e ON e.entity_id = m.entity_id
JOIN documents d ON d.current_version_id = m.version_id
JOIN document_versions v ON v.version_id = m.version_id
GROUP BY e.entity_id, e.type, e.canonical, 4;

COMMENT ON VIEW v_entity_mentions_daily IS 'Mentions of entities in current document versions per entity and day; day is the publication day in China (Asia/Shanghai), else the day the document was first seen there.';
COMMENT ON COLUMN v_entity_mentions_daily.entity_id IS 'Entity id.';
COMMENT ON COLUMN v_entity_mentions_daily.type IS 'Entity type.';
COMMENT ON COLUMN v_entity_mentions_daily.canonical IS 'Canonical form of the entity.';
COMMENT ON COLUMN v_entity_mentions_daily.day IS 'Publication day in China (Asia/Shanghai), else the day (in China) futurewatch first saw the document.';
COMMENT ON COLUMN v_entity_mentions_daily.mentions IS 'Mentions in the current versions of documents of that day.';
COMMENT ON COLUMN v_entity_mentions_daily.documents IS 'Documents (one per document, at its current version) that mention the entity.';

GRANT SELECT ON v_entity_mentions_daily TO futurewatch_reader;

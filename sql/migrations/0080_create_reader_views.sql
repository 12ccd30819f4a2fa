-- The reader's contract: views over the current version of every document, and the role
-- futurewatch_reader that may read these views (and call fw_search) and nothing else.

CREATE VIEW v_sources AS
SELECT s.source_id, s.name, s.kind, s.enabled
FROM sources s;

CREATE VIEW v_documents AS
SELECT d.document_id, v.version_id, v.version_no, d.source_id, s.name AS source_name, d.kind,
       d.canonical_url AS url, v.title, v.text, v.published_at,
       (v.published_at AT TIME ZONE 'Asia/Shanghai')::date AS published_on,
       v.lang, d.story_id, d.first_seen_at, v.search_text
FROM documents d
JOIN document_versions v ON v.version_id = d.current_version_id
JOIN sources s ON s.source_id = d.source_id;

-- Labels of current versions from the newest taxonomy version that has classified each one
-- (classification_runs records which taxonomy versions have run over a version).
CREATE VIEW v_document_categories AS
SELECT d.document_id, c.version_id, d.source_id, v.published_at,
       (v.published_at AT TIME ZONE 'Asia/Shanghai')::date AS published_on,
       c.code, cat.name_zh, cat.name_en, cat.views, c.score, c.evidence,
       tv.version AS taxonomy_version, c.taxonomy_version_id, c.classified_at
FROM documents d
JOIN document_versions v ON v.version_id = d.current_version_id
JOIN (SELECT version_id, max(taxonomy_version_id) AS taxonomy_version_id
      FROM classification_runs GROUP BY version_id) r ON r.version_id = v.version_id
JOIN classifications c ON c.version_id = r.version_id AND c.taxonomy_version_id = r.taxonomy_version_id
JOIN categories cat ON cat.taxonomy_version_id = c.taxonomy_version_id AND cat.code = c.code
JOIN taxonomy_versions tv ON tv.taxonomy_version_id = c.taxonomy_version_id;

-- The categories of the newest taxonomy version.
CREATE VIEW v_categories AS
SELECT cat.code, cat.name_zh, cat.name_en, cat.views, tv.version AS taxonomy_version, cat.taxonomy_version_id
FROM categories cat
JOIN taxonomy_versions tv ON tv.taxonomy_version_id = cat.taxonomy_version_id
WHERE cat.taxonomy_version_id = (SELECT max(taxonomy_version_id) FROM taxonomy_versions);

CREATE VIEW v_policy_documents AS
SELECT d.document_id, v.version_id, d.source_id, d.kind, d.canonical_url AS url, v.title,
       v.published_at, pm.index_no, pm.issuers, pm.doc_number, pm.written_at, pm.published_on,
       pm.effective_on, pm.subject, pm.validity, pm.interprets_document_id
FROM documents d
JOIN document_versions v ON v.version_id = d.current_version_id
JOIN policy_metadata pm ON pm.version_id = v.version_id;

CREATE VIEW v_entities AS
SELECT e.entity_id, e.type, e.canonical, e.first_seen_on,
       coalesce((SELECT array_agg(a.alias ORDER BY a.alias) FROM entity_aliases a
                 WHERE a.entity_id = e.entity_id), '{}') AS aliases
FROM entities e;

CREATE VIEW v_entity_mentions AS
SELECT e.entity_id, e.type, e.canonical, e.first_seen_on, m.surface, m.field, m.start_offset, m.end_offset,
       d.document_id, m.version_id, d.source_id, v.published_at,
       (v.published_at AT TIME ZONE 'Asia/Shanghai')::date AS published_on
FROM entity_mentions m
JOIN entities e ON e.entity_id = m.entity_id
JOIN document_versions v ON v.version_id = m.version_id
JOIN documents d ON d.current_version_id = v.version_id;

CREATE VIEW v_stories AS
SELECT st.story_id, st.created_at,
       count(*) AS documents,
       array_agg(DISTINCT d.source_id ORDER BY d.source_id) AS sources,
       min(v.published_at) AS first_published_at,
       max(v.published_at) AS last_published_at,
       (array_agg(v.title ORDER BY v.published_at NULLS LAST, d.document_id))[1] AS first_title
FROM stories st
JOIN documents d ON d.story_id = st.story_id
JOIN document_versions v ON v.version_id = d.current_version_id
GROUP BY st.story_id, st.created_at;

-- Every view and column is described for SQL users (\d+ in psql shows these).
COMMENT ON VIEW v_sources IS 'Sources futurewatch crawls, one row per source_id.';
COMMENT ON COLUMN v_sources.source_id IS 'Short source id (c114, nanfang, gd_gov, govcn, miit, chinanews, takungpao, …).';
COMMENT ON COLUMN v_sources.name IS 'Human-readable source name.';
COMMENT ON COLUMN v_sources.kind IS 'news or policy.';
COMMENT ON COLUMN v_sources.enabled IS 'Whether the source is crawled.';
COMMENT ON VIEW v_documents IS 'The current version of every document, with its source: the main table for analysts.';
COMMENT ON COLUMN v_documents.document_id IS 'Stable document id (survives URL changes and new versions).';
COMMENT ON COLUMN v_documents.version_id IS 'Id of the current version of the document.';
COMMENT ON COLUMN v_documents.version_no IS 'Version number of the current version (1 = first seen).';
COMMENT ON COLUMN v_documents.source_id IS 'Source the document was fetched from.';
COMMENT ON COLUMN v_documents.source_name IS 'Name of that source.';
COMMENT ON COLUMN v_documents.kind IS 'news, policy or interpretation (解读).';
COMMENT ON COLUMN v_documents.url IS 'Canonical URL of the document.';
COMMENT ON COLUMN v_documents.title IS 'Title as published.';
COMMENT ON COLUMN v_documents.text IS 'Main text as published (original characters).';
COMMENT ON COLUMN v_documents.published_at IS 'Publication time (timestamptz) as stated by the page, if known.';
COMMENT ON COLUMN v_documents.published_on IS 'Publication date in China (Asia/Shanghai).';
COMMENT ON COLUMN v_documents.lang IS 'zh-Hans, zh-Hant or und.';
COMMENT ON COLUMN v_documents.story_id IS 'Story (cluster of reprints/duplicates) the document belongs to.';
COMMENT ON COLUMN v_documents.first_seen_at IS 'When futurewatch first saw the document.';
COMMENT ON COLUMN v_documents.search_text IS 'Normalised title and text (NFKC, Simplified, lower case); use with fw_contains()/fw_lacks().';
COMMENT ON VIEW v_document_categories IS 'Taxonomy categories of current document versions, from the newest taxonomy version that classified each version.';
COMMENT ON COLUMN v_document_categories.document_id IS 'Document id.';
COMMENT ON COLUMN v_document_categories.version_id IS 'Classified (current) version id.';
COMMENT ON COLUMN v_document_categories.source_id IS 'Source of the document.';
COMMENT ON COLUMN v_document_categories.published_at IS 'Publication time of the document.';
COMMENT ON COLUMN v_document_categories.published_on IS 'Publication date in China (Asia/Shanghai).';
COMMENT ON COLUMN v_document_categories.code IS 'Category code in the taxonomy.';
COMMENT ON COLUMN v_document_categories.name_zh IS 'Category name in Chinese.';
COMMENT ON COLUMN v_document_categories.name_en IS 'Category name in English.';
COMMENT ON COLUMN v_document_categories.views IS 'Where the category sits in each official framework, e.g. {"guangdong": "future_electronic_info"}.';
COMMENT ON COLUMN v_document_categories.score IS 'Classifier score (higher = stronger evidence).';
COMMENT ON COLUMN v_document_categories.evidence IS 'Matched terms: [{term, field, start, end}].';
COMMENT ON COLUMN v_document_categories.taxonomy_version IS 'Taxonomy version label.';
COMMENT ON COLUMN v_document_categories.taxonomy_version_id IS 'Taxonomy version id.';
COMMENT ON COLUMN v_document_categories.classified_at IS 'When the label was computed.';
COMMENT ON VIEW v_categories IS 'Categories of the newest taxonomy version.';
COMMENT ON COLUMN v_categories.code IS 'Category code.';
COMMENT ON COLUMN v_categories.name_zh IS 'Chinese name.';
COMMENT ON COLUMN v_categories.name_en IS 'English name.';
COMMENT ON COLUMN v_categories.views IS 'Placement of the category in each official framework (JSON object).';
COMMENT ON COLUMN v_categories.taxonomy_version IS 'Taxonomy version label.';
COMMENT ON COLUMN v_categories.taxonomy_version_id IS 'Taxonomy version id.';
COMMENT ON VIEW v_policy_documents IS 'Current versions of policy documents with their metadata (索引号, 发文机关, 发文字号, dates, 有效性).';
COMMENT ON COLUMN v_policy_documents.document_id IS 'Document id.';
COMMENT ON COLUMN v_policy_documents.version_id IS 'Current version id.';
COMMENT ON COLUMN v_policy_documents.source_id IS 'Source.';
COMMENT ON COLUMN v_policy_documents.kind IS 'policy or interpretation.';
COMMENT ON COLUMN v_policy_documents.url IS 'Canonical URL.';
COMMENT ON COLUMN v_policy_documents.title IS 'Title.';
COMMENT ON COLUMN v_policy_documents.published_at IS 'Publication time shown on the page.';
COMMENT ON COLUMN v_policy_documents.index_no IS '索引号 (index number).';
COMMENT ON COLUMN v_policy_documents.issuers IS '发文机关: issuing bodies, a list for joint documents.';
COMMENT ON COLUMN v_policy_documents.doc_number IS '发文字号, e.g. 粤工信电子〔2024〕2号.';
COMMENT ON COLUMN v_policy_documents.written_at IS '成文日期 (date written).';
COMMENT ON COLUMN v_policy_documents.published_on IS '发布日期 (date published).';
COMMENT ON COLUMN v_policy_documents.effective_on IS '施行日期 (date in force).';
COMMENT ON COLUMN v_policy_documents.subject IS '主题分类 (subject class).';
COMMENT ON COLUMN v_policy_documents.validity IS '有效性: in_force, amended, abolished or expired.';
COMMENT ON COLUMN v_policy_documents.interprets_document_id IS 'For a 解读: the policy document it explains.';
COMMENT ON VIEW v_entities IS 'Named entities (organisations, places, policy titles, document numbers, amounts, target years).';
COMMENT ON COLUMN v_entities.entity_id IS 'Entity id.';
COMMENT ON COLUMN v_entities.type IS 'org, place, policy_title, doc_number, money or target_year.';
COMMENT ON COLUMN v_entities.canonical IS 'Canonical form of the entity.';
COMMENT ON COLUMN v_entities.first_seen_on IS 'Date the entity was first seen.';
COMMENT ON COLUMN v_entities.aliases IS 'Other spellings that map to this entity.';
COMMENT ON VIEW v_entity_mentions IS 'Mentions of entities in current document versions.';
COMMENT ON COLUMN v_entity_mentions.entity_id IS 'Entity id.';
COMMENT ON COLUMN v_entity_mentions.type IS 'Entity type.';
COMMENT ON COLUMN v_entity_mentions.canonical IS 'Canonical form of the entity.';
COMMENT ON COLUMN v_entity_mentions.first_seen_on IS 'Date the entity was first seen in the archive.';
COMMENT ON COLUMN v_entity_mentions.surface IS 'Text as it appears in the document.';
COMMENT ON COLUMN v_entity_mentions.field IS 'title or text.';
COMMENT ON COLUMN v_entity_mentions.start_offset IS 'Start offset (characters) within the field.';
COMMENT ON COLUMN v_entity_mentions.end_offset IS 'End offset (characters) within the field.';
COMMENT ON COLUMN v_entity_mentions.document_id IS 'Document id.';
COMMENT ON COLUMN v_entity_mentions.version_id IS 'Version id (a current version).';
COMMENT ON COLUMN v_entity_mentions.source_id IS 'Source of the document.';
COMMENT ON COLUMN v_entity_mentions.published_at IS 'Publication time of the document.';
COMMENT ON COLUMN v_entity_mentions.published_on IS 'Publication date in China (Asia/Shanghai).';
COMMENT ON VIEW v_stories IS 'Stories: one piece of news or one policy, however many sources carried it.';
COMMENT ON COLUMN v_stories.story_id IS 'Story id.';
COMMENT ON COLUMN v_stories.created_at IS 'When the story was created.';
COMMENT ON COLUMN v_stories.documents IS 'Number of documents in the story.';
COMMENT ON COLUMN v_stories.sources IS 'Sources that carried the story.';
COMMENT ON COLUMN v_stories.first_published_at IS 'Earliest publication time.';
COMMENT ON COLUMN v_stories.last_published_at IS 'Latest publication time.';
COMMENT ON COLUMN v_stories.first_title IS 'Title of the earliest document.';

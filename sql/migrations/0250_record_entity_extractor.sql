-- Which entity extractor produced each version's stored mentions (classify/entities.py,
-- extractor_digest: the dictionaries, the patterns and a version constant). A taxonomy change
-- cannot change entities, so a reclassification skips extraction, and the mention read-back and
-- write, for the versions whose recorded extractor is the current one. A version without a row
-- (archives from before this migration) is extracted as before, and then recorded.
CREATE TABLE IF NOT EXISTS entity_extractions (
    version_id     bigint PRIMARY KEY REFERENCES document_versions ON DELETE CASCADE,
    extractor      text NOT NULL,
    extracted_at   timestamptz NOT NULL DEFAULT now()
);

-- A 解读 page names the policy it explains by URL; the policy may be parsed later, so the URL
-- is kept and interprets_document_id is filled in whenever that policy document is stored.
ALTER TABLE policy_metadata ADD COLUMN IF NOT EXISTS interprets_url text;
CREATE INDEX IF NOT EXISTS policy_metadata_interprets_url_idx
    ON policy_metadata (interprets_url) WHERE interprets_document_id IS NULL AND interprets_url IS NOT NULL;

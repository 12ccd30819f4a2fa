-- Source health (futurewatch/health.py) reads one window of fetches across every source and the
-- versions each fetch produced; these two indexes keep that a range scan at 10 million rows.
CREATE INDEX IF NOT EXISTS raw_fetches_fetched_at_idx ON raw_fetches (fetched_at);
CREATE INDEX IF NOT EXISTS document_versions_raw_fetch_idx ON document_versions (raw_fetch_id);

-- Crawl runs: what went wrong, not just how often (failure reasons with URLs, empty listings,
-- the spider's own warnings). Kept small: the spider caps each list.
ALTER TABLE crawl_runs ADD COLUMN IF NOT EXISTS details jsonb NOT NULL DEFAULT '{}'::jsonb;

-- Health reads runs per source over a window.
CREATE INDEX IF NOT EXISTS crawl_runs_source_started_idx ON crawl_runs (source_id, started_at);

-- Attachments are found again by URL when another page links to the same file.
CREATE INDEX IF NOT EXISTS raw_fetches_url_idx ON raw_fetches (url, fetched_at);

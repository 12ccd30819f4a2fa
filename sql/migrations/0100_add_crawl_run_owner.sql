-- Process hygiene: a crawl run names the process that owns it, so the next run can tell a
-- crash's leftover ('running' forever) from a live crawl and mark it 'abandoned'.
ALTER TABLE crawl_runs ADD COLUMN IF NOT EXISTS owner_pid integer;
ALTER TABLE crawl_runs ADD COLUMN IF NOT EXISTS owner_host text;
ALTER TABLE crawl_runs DROP CONSTRAINT IF EXISTS crawl_runs_status_check;
ALTER TABLE crawl_runs ADD CONSTRAINT crawl_runs_status_check
    CHECK (status IN ('running', 'succeeded', 'failed', 'unreachable', 'partial', 'abandoned'));
CREATE INDEX IF NOT EXISTS crawl_runs_running_idx ON crawl_runs (started_at) WHERE status = 'running';

-- Per-recipient isolation: a subscriber whose digest could not be built carries the reason.
ALTER TABLE subscribers ADD COLUMN IF NOT EXISTS last_error text;
ALTER TABLE subscribers ADD COLUMN IF NOT EXISTS last_error_at timestamptz;

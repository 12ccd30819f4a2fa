-- What one Airflow run of a batched stage did, over all its attempts (futurewatch/core/run_tally.py).
-- parse and classify commit batch by batch, so a retry resumes where the failed attempt stopped and its
-- own summary counts only the rest; each batch adds its work here in its own transaction, and the
-- asset event's extra (the versions a run made or classified) is read from this row.

CREATE TABLE IF NOT EXISTS stage_run_tallies (
    run_key          text        NOT NULL,
    stage            text        NOT NULL CHECK (stage IN ('parse', 'classify')),
    items            bigint      NOT NULL DEFAULT 0,
    first_version_id bigint,
    last_version_id  bigint,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (run_key, stage)
);

COMMENT ON TABLE stage_run_tallies IS
    'Work of one Airflow run (run_key as in crawl_runs) of a batched stage over all its attempts: parse counts new document versions, classify the versions it classified; the version-id range they span.';

-- What parsing found out about a raw fetch, kept on the fetch itself (parsers/process.py):
--   not_article  why a page served with status 200 is not an article (404 page, WAF, login wall);
--                such pages never become documents
--   parse_drift  fields the site parser missed and the generic path filled (source health reads it)
ALTER TABLE raw_fetches ADD COLUMN IF NOT EXISTS not_article text;
ALTER TABLE raw_fetches ADD COLUMN IF NOT EXISTS parse_drift text[] NOT NULL DEFAULT '{}';
CREATE INDEX IF NOT EXISTS raw_fetches_parse_drift_idx ON raw_fetches (source_id, fetched_at)
    WHERE cardinality(parse_drift) > 0 OR not_article IS NOT NULL;

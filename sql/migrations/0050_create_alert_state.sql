-- Alerts: what the matcher has already seen, and the outbox's claim/in-doubt bookkeeping.

-- One row per document version the matcher has evaluated, with the taxonomy version whose
-- labels it saw; a version is matched again only when it is reclassified under a newer taxonomy.
CREATE TABLE alert_version_state (
    version_id          bigint PRIMARY KEY REFERENCES document_versions ON DELETE CASCADE,
    taxonomy_version_id integer,
    matched_at          timestamptz NOT NULL DEFAULT now()
);

-- One row per rule that has been run over the whole archive with its current params;
-- a new rule, or a rule whose params changed, is backfilled over every current version.
CREATE TABLE alert_rule_state (
    rule_id        bigint PRIMARY KEY REFERENCES alert_rules ON DELETE CASCADE,
    params_hash    text NOT NULL,
    matched_at     timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX alert_events_rule_occurred_idx ON alert_events (rule_id, occurred_at);
CREATE INDEX digests_event_ids_idx ON digests USING gin (event_ids);

-- The outbox: a claim (token + time) is committed before SMTP starts; smtp_data_at is committed
-- just before the message body is handed over (SMTP DATA). A row found in 'sending' after its
-- lease is retried when smtp_data_at is NULL, and set to 'in_doubt' (not resent) otherwise.
ALTER TABLE deliveries ADD COLUMN claim_token text;
ALTER TABLE deliveries ADD COLUMN claimed_at timestamptz;
ALTER TABLE deliveries ADD COLUMN smtp_data_at timestamptz;
ALTER TABLE deliveries ADD COLUMN recipient text;
ALTER TABLE deliveries DROP CONSTRAINT IF EXISTS deliveries_status_check;
ALTER TABLE deliveries ADD CONSTRAINT deliveries_status_check
    CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'in_doubt'));
CREATE INDEX deliveries_due_idx ON deliveries (next_attempt_at) WHERE status IN ('pending', 'sending');

-- First-seen entities (alerts/firstseen.py, issue 17): the entities a rule will never report
-- because their first stored mention, or their earliest mention in the rule's scope, falls in the
-- warm-up baseline ending at baseline_end. Labels and mentions are only ever added, so both stay
-- true for that rule's params (params_hash) and any later baseline end; a later run skips these
-- entities instead of reading all of their mentions again.
CREATE TABLE alert_first_seen_baseline (
    rule_id        bigint NOT NULL REFERENCES alert_rules ON DELETE CASCADE,
    entity_id      bigint NOT NULL REFERENCES entities ON DELETE CASCADE,
    params_hash    text NOT NULL,
    baseline_end   timestamptz NOT NULL,
    PRIMARY KEY (rule_id, entity_id)
);

-- The archive's start (the warm-up baseline's beginning) is min(created_at): an index read, not a
-- scan of every version per run.
CREATE INDEX document_versions_created_idx ON document_versions (created_at);

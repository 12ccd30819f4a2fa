-- Alert events check their parents once per batch instead of once per row (issue 17).
--
-- The three foreign keys of alert_events (rule, story, version) ran three per-row checks, each a
-- lookup and a row lock on the parent: half the cost of writing a batch of events. The row locks
-- also dirtied every page of document_versions during a backfill (as did alert_version_state's
-- key, one lock per version). They are replaced by the same guarantee, kept set-based:
--   * the only writers (alerts/store.py: upsert_events, record_versions) take the shared advisory
--     lock alert_event_writers_key() for their transaction, after any statement that waits for a
--     row lock; upsert_events then inserts only events whose rule, story and version exist and
--     raises (as the foreign key did) when one does not; record_versions marks only versions
--     that exist;
--   * deleting a rule or a version deletes its events and matched marks (ON DELETE CASCADE as
--     before), deleting a
--     story that events name, or changing a referenced key, fails (NO ACTION as before), and a
--     TRUNCATE of a parent fails unless alert_events is empty by then; each of these statements
--     first takes that lock exclusively, so it waits until every event batch in flight has
--     committed, and a batch that starts later sees the parent gone.
-- The parents' statements see the events committed before them only in READ COMMITTED (a new
-- snapshot per statement), so they refuse to run in a stricter isolation level.
-- alert_events.version_id is indexed: a version's events are found by key, not by a scan.

CREATE FUNCTION alert_event_writers_key() RETURNS bigint
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN 7468201702707;  -- an advisory lock key of our own

CREATE FUNCTION wait_for_alert_event_writers() RETURNS void
    LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'rules, stories and document versions are deleted in READ COMMITTED only (alert_events)'
            USING ERRCODE = 'feature_not_supported';
    END IF;
    PERFORM pg_advisory_xact_lock(alert_event_writers_key());
END $$;

-- After a DELETE on a parent (TG_ARGV: the key column, then cascade | restrict).
CREATE FUNCTION alert_events_follow_delete() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    named boolean;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM gone) THEN
        RETURN NULL;
    END IF;
    PERFORM wait_for_alert_event_writers();
    IF TG_ARGV[1] = 'cascade' THEN
        EXECUTE format('DELETE FROM alert_events e USING gone g WHERE e.%1$I = g.%1$I', TG_ARGV[0]);
        IF TG_ARGV[0] = 'version_id' THEN
            DELETE FROM alert_version_state s USING gone g WHERE s.version_id = g.version_id;
        END IF;
        RETURN NULL;
    END IF;
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM alert_events e JOIN gone g ON e.%1$I = g.%1$I)', TG_ARGV[0])
        INTO named;
    IF named THEN
        RAISE EXCEPTION 'delete on % refused: its rows are still named by alert_events', TG_TABLE_NAME
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END $$;

-- Before a parent's key changes (never done by futurewatch; TG_ARGV: the key column): refused
-- while events name it.
CREATE FUNCTION alert_events_keep_key() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    named boolean;
BEGIN
    PERFORM wait_for_alert_event_writers();
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM alert_events WHERE %I = $1)', TG_ARGV[0])
        INTO named USING (to_jsonb(OLD) ->> TG_ARGV[0])::bigint;
    IF TG_ARGV[0] = 'version_id' THEN
        named := named OR EXISTS (SELECT 1 FROM alert_version_state WHERE version_id = OLD.version_id);
    END IF;
    IF named THEN
        RAISE EXCEPTION 'update on % refused: its key % is named by alert_events', TG_TABLE_NAME, TG_ARGV[0]
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NEW;
END $$;

CREATE FUNCTION alert_events_refuse_truncate() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM wait_for_alert_event_writers();
    IF EXISTS (SELECT 1 FROM alert_events)
       OR (TG_TABLE_NAME = 'document_versions' AND EXISTS (SELECT 1 FROM alert_version_state)) THEN
        RAISE EXCEPTION 'cannot truncate %: alert_events still names its rows (truncate alert_events with it)',
            TG_TABLE_NAME USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END $$;

ALTER TABLE alert_events DROP CONSTRAINT alert_events_rule_id_fkey,
                         DROP CONSTRAINT alert_events_story_id_fkey,
                         DROP CONSTRAINT alert_events_version_id_fkey;
ALTER TABLE alert_version_state DROP CONSTRAINT alert_version_state_version_id_fkey;

CREATE INDEX alert_events_version_idx ON alert_events (version_id);

CREATE TRIGGER alert_events_follow_delete AFTER DELETE ON alert_rules REFERENCING OLD TABLE AS gone
    FOR EACH STATEMENT EXECUTE FUNCTION alert_events_follow_delete('rule_id', 'cascade');
CREATE TRIGGER alert_events_follow_delete AFTER DELETE ON document_versions REFERENCING OLD TABLE AS gone
    FOR EACH STATEMENT EXECUTE FUNCTION alert_events_follow_delete('version_id', 'cascade');
CREATE TRIGGER alert_events_follow_delete AFTER DELETE ON stories REFERENCING OLD TABLE AS gone
    FOR EACH STATEMENT EXECUTE FUNCTION alert_events_follow_delete('story_id', 'restrict');

CREATE TRIGGER alert_events_keep_key BEFORE UPDATE OF rule_id ON alert_rules
    FOR EACH ROW WHEN (OLD.rule_id IS DISTINCT FROM NEW.rule_id) EXECUTE FUNCTION alert_events_keep_key('rule_id');
CREATE TRIGGER alert_events_keep_key BEFORE UPDATE OF version_id ON document_versions
    FOR EACH ROW WHEN (OLD.version_id IS DISTINCT FROM NEW.version_id) EXECUTE FUNCTION alert_events_keep_key('version_id');
CREATE TRIGGER alert_events_keep_key BEFORE UPDATE OF story_id ON stories
    FOR EACH ROW WHEN (OLD.story_id IS DISTINCT FROM NEW.story_id) EXECUTE FUNCTION alert_events_keep_key('story_id');

CREATE TRIGGER alert_events_refuse_truncate AFTER TRUNCATE ON alert_rules
    FOR EACH STATEMENT EXECUTE FUNCTION alert_events_refuse_truncate();
CREATE TRIGGER alert_events_refuse_truncate AFTER TRUNCATE ON stories
    FOR EACH STATEMENT EXECUTE FUNCTION alert_events_refuse_truncate();
CREATE TRIGGER alert_events_refuse_truncate AFTER TRUNCATE ON document_versions
    FOR EACH STATEMENT EXECUTE FUNCTION alert_events_refuse_truncate();

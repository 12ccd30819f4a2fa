-- transactional: false
-- Flapping damping (docs/alerts.md, "Flapping pages"): an event the alert stage records but does not
-- send says why in alert_events.suppressed ('flapping': a revert of a document that reverted less
-- than FUTUREWATCH_FLAP_WINDOW_DAYS before). NULL: sent in the subscriber's next digest, as before.
--
-- Not one transaction: the column is added without a rewrite (NULL for every stored event), its
-- CHECK NOT VALID first (no scan under the ALTER's lock), then validated (a scan that lets reads and
-- writes go on); the index for ops' list of flapping documents (alerts/flapping.py) is built
-- CONCURRENTLY. Every statement can run again (an index a failed build left invalid is built again).

ALTER TABLE alert_events ADD COLUMN IF NOT EXISTS suppressed text;

DO $check$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = 'alert_events'::regclass
                   AND conname = 'alert_events_suppressed_check') THEN
        ALTER TABLE alert_events ADD CONSTRAINT alert_events_suppressed_check
            CHECK (suppressed IN ('flapping')) NOT VALID;
    END IF;
END
$check$;
ALTER TABLE alert_events VALIDATE CONSTRAINT alert_events_suppressed_check;

DO $invalid$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
               WHERE NOT i.indisvalid AND c.relname = 'alert_events_suppressed_idx') THEN
        DROP INDEX alert_events_suppressed_idx;
    END IF;
END
$invalid$;
CREATE INDEX CONCURRENTLY IF NOT EXISTS alert_events_suppressed_idx
    ON alert_events (occurred_at) WHERE suppressed IS NOT NULL;

COMMENT ON COLUMN alert_events.suppressed IS
    'Why the event is recorded but never sent (NULL: sent): flapping = a return of the document to a text it had before, less than FUTUREWATCH_FLAP_WINDOW_DAYS after another such return (docs/alerts.md).';

-- Alerts hear of a validity change made in place: a later document that amends, abolishes or
-- supersedes a policy, a reparse that rewrites its 有效性, or its 有效期 running out. None of
-- these makes a new version, so the matcher (which reads only pending versions) never saw them.
--
-- alert_version_state.validity is the 有效性 the alert stage last saw for the version, as
-- alert_policy_validity computes it (NULL: not a policy). The matcher stores it when it first
-- matches a version; each run then compares it with the value of the run's day and raises a
-- `changed` event for a version whose validity became amended, abolished or expired
-- (alerts/validity.py), storing the new value in the same transaction. Written only by the alert
-- stage's writers, under the shared alert_event_writers_key() lock (migration 0270).

ALTER TABLE alert_version_state ADD COLUMN IF NOT EXISTS validity text;

-- 有效性 of a policy version on day `as_of`, by the rules of v_policy_documents.validity (which is
-- this at current_date): abolished or superseded by a current later document, the source's own
-- abolished/expired, the 有效期 ended before as_of, amended by a current later document, else the
-- stored value. NULL for a version without policy metadata.
CREATE OR REPLACE FUNCTION alert_policy_validity(p_version_id bigint, as_of date) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN (SELECT CASE
                WHEN pm.validity IS NULL THEN NULL
                WHEN EXISTS (SELECT 1 FROM policy_references r JOIN documents f ON f.current_version_id = r.version_id
                             WHERE r.to_document_id = v.document_id
                               AND r.relation IN ('abolishes', 'supersedes')) THEN 'abolished'
                WHEN pm.validity IN ('abolished', 'expired') THEN pm.validity
                WHEN pm.expires_on < as_of THEN 'expired'
                WHEN EXISTS (SELECT 1 FROM policy_references r JOIN documents f ON f.current_version_id = r.version_id
                             WHERE r.to_document_id = v.document_id AND r.relation = 'amends') THEN 'amended'
                ELSE pm.validity END
            FROM policy_metadata pm JOIN document_versions v ON v.version_id = pm.version_id
            WHERE pm.version_id = p_version_id);

-- Versions matched before this migration start from today's value: what changed before it is
-- not announced now (it would flood the first digest with old news).
DO $$ BEGIN PERFORM pg_advisory_xact_lock_shared(alert_event_writers_key()); END $$;
UPDATE alert_version_state s
SET validity = alert_policy_validity(s.version_id, (now() AT TIME ZONE 'Asia/Shanghai')::date)
FROM policy_metadata pm
WHERE pm.version_id = s.version_id;

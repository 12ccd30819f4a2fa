-- One 有效性 rule for the reader view and the alert stage. Until now v_policy_documents.validity
-- (migration 0110) and alert_policy_validity (0310) each wrote it out; policy_validity is the
-- rule, the view calls it at current_date and the alert stage at its run's Shanghai day.
--
-- 有效性 of a policy document on day `as_of`: abolished or superseded by a current later
-- document, the source's own abolished/expired, the 有效期 ended before as_of, amended by a
-- current later document, else the stored value (NULL: not a policy). SECURITY DEFINER because
-- the reader role selects the view but may not read policy_references and documents itself;
-- search_path pinned as in 0190.
CREATE OR REPLACE FUNCTION policy_validity(p_document_id bigint, stored text, expires_on date, as_of date)
    RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE SECURITY DEFINER
    RETURN CASE
        WHEN stored IS NULL THEN NULL
        WHEN EXISTS (SELECT 1 FROM policy_references r JOIN documents f ON f.current_version_id = r.version_id
                     WHERE r.to_document_id = p_document_id
                       AND r.relation IN ('abolishes', 'supersedes')) THEN 'abolished'
        WHEN stored IN ('abolished', 'expired') THEN stored
        WHEN expires_on < as_of THEN 'expired'
        WHEN EXISTS (SELECT 1 FROM policy_references r JOIN documents f ON f.current_version_id = r.version_id
                     WHERE r.to_document_id = p_document_id AND r.relation = 'amends') THEN 'amended'
        ELSE stored END;

DO $pin$ BEGIN
    EXECUTE format('ALTER FUNCTION policy_validity(bigint, text, date, date) SET search_path = %I, pg_temp',
                   current_schema());
END $pin$;

CREATE OR REPLACE VIEW v_policy_documents AS
SELECT d.document_id, v.version_id, d.source_id, d.kind, d.canonical_url AS url, v.title,
       v.published_at, pm.index_no, pm.issuers, pm.doc_number, pm.written_at, pm.published_on,
       pm.effective_on, pm.subject,
       policy_validity(d.document_id, pm.validity, pm.expires_on, current_date) AS validity,
       pm.interprets_document_id, pm.expires_on, pm.region,
       (SELECT i.level FROM policy_issuers i WHERE i.version_id = v.version_id ORDER BY i.position LIMIT 1)
           AS issuer_level
FROM documents d
JOIN document_versions v ON v.version_id = d.current_version_id
JOIN policy_metadata pm ON pm.version_id = v.version_id;

DROP FUNCTION IF EXISTS alert_policy_validity(bigint, date);

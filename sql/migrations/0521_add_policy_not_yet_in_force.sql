-- 有效性 尚未生效: a policy whose 施行日期 has not come yet read as in_force (a source's 尚未生效 had
-- no code and became the default in_force; one effective next month counted as in force today).
--
-- not_yet_in_force is stored for a source's 尚未生效/未施行, and policy_validity now takes the
-- 施行日期: a policy in force or not yet in force by its own field is not_yet_in_force before its
-- effective_on (or, with no effective_on, while its source says so), in_force from that day.
-- Abolished, expired and amended come first, as before.
ALTER TABLE policy_metadata DROP CONSTRAINT IF EXISTS policy_metadata_validity_check;
ALTER TABLE policy_metadata ADD CONSTRAINT policy_metadata_validity_check
    CHECK (validity IN ('not_yet_in_force', 'in_force', 'amended', 'abolished', 'expired'));

CREATE OR REPLACE FUNCTION policy_validity(p_document_id bigint, stored text, effective_on date, expires_on date,
                                           as_of date)
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
        WHEN stored IN ('in_force', 'not_yet_in_force') AND effective_on > as_of THEN 'not_yet_in_force'
        WHEN stored = 'not_yet_in_force' AND effective_on <= as_of THEN 'in_force'
        ELSE stored END;

DO $pin$ BEGIN
    EXECUTE format('ALTER FUNCTION policy_validity(bigint, text, date, date, date) SET search_path = %I, pg_temp',
                   current_schema());
END $pin$;

CREATE OR REPLACE VIEW v_policy_documents AS
SELECT d.document_id, v.version_id, d.source_id, d.kind, d.canonical_url AS url, v.title,
       v.published_at, pm.index_no, pm.issuers, pm.doc_number, pm.written_at, pm.published_on,
       pm.effective_on, pm.subject,
       policy_validity(d.document_id, pm.validity, pm.effective_on, pm.expires_on, fw_today()) AS validity,
       pm.interprets_document_id, pm.expires_on, pm.region,
       (SELECT i.level FROM policy_issuers i WHERE i.version_id = v.version_id ORDER BY i.position LIMIT 1)
           AS issuer_level
FROM documents d
JOIN document_versions v ON v.version_id = d.current_version_id
JOIN policy_metadata pm ON pm.version_id = v.version_id;

DROP FUNCTION policy_validity(bigint, text, date, date);

COMMENT ON COLUMN v_policy_documents.validity IS '有效性 today in China (Asia/Shanghai), whatever the session TimeZone: not_yet_in_force (before effective_on, or 尚未生效 at the source), in_force, amended, abolished or expired (from the source''s field, the 施行日期 and 有效期, and later documents that amend, abolish or supersede it); NULL for a 解读 whose page gives none.';

-- v_policy_documents.validity is 有效性 as of today in China (Asia/Shanghai), the calendar its
-- expires_on is printed in and the day the alert stage applies policy_validity at (alerts/validity.py).
-- It used current_date, the day in the reader's session TimeZone: in a UTC session a policy whose
-- 有效期 ended yesterday in China was still in_force until 08:00 there, and further west longer.
CREATE OR REPLACE VIEW v_policy_documents AS
SELECT d.document_id, v.version_id, d.source_id, d.kind, d.canonical_url AS url, v.title,
       v.published_at, pm.index_no, pm.issuers, pm.doc_number, pm.written_at, pm.published_on,
       pm.effective_on, pm.subject,
       policy_validity(d.document_id, pm.validity, pm.expires_on, (now() AT TIME ZONE 'Asia/Shanghai')::date)
           AS validity,
       pm.interprets_document_id, pm.expires_on, pm.region,
       (SELECT i.level FROM policy_issuers i WHERE i.version_id = v.version_id ORDER BY i.position LIMIT 1)
           AS issuer_level
FROM documents d
JOIN document_versions v ON v.version_id = d.current_version_id
JOIN policy_metadata pm ON pm.version_id = v.version_id;

COMMENT ON COLUMN v_policy_documents.validity IS '有效性 today in China (Asia/Shanghai), whatever the session TimeZone: in_force, amended, abolished or expired (from the source''s field, the 有效期 clause, and later documents that amend, abolish or supersede it).';

"""Every SQL statement of parsers.policy_store, named, with %(name)s parameters."""

UPSERT_ISSUER = """
INSERT INTO policy_issuers (version_id, position, name, level, region)
VALUES (%(version_id)s, %(position)s, %(name)s, %(level)s, %(region)s)
ON CONFLICT (version_id, position) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level,
    region = EXCLUDED.region
"""
DELETE_ISSUERS_FROM = "DELETE FROM policy_issuers WHERE version_id = %(version_id)s AND position >= %(position)s"
UPSERT_NAME = """
INSERT INTO policy_names (name_key, document_id) VALUES (%(name_key)s, %(document_id)s)
ON CONFLICT DO NOTHING
"""
UPSERT_REFERENCE = """
INSERT INTO policy_references (version_id, target_key, relation, target_keys, target_title, target_doc_number,
    target_url, evidence)
VALUES (%(version_id)s, %(target_key)s, %(relation)s, %(target_keys)s, %(target_title)s, %(target_doc_number)s,
    %(target_url)s, %(evidence)s)
ON CONFLICT (version_id, target_key) DO UPDATE SET relation = EXCLUDED.relation, target_keys = EXCLUDED.target_keys,
    target_title = EXCLUDED.target_title, target_doc_number = EXCLUDED.target_doc_number,
    target_url = EXCLUDED.target_url, evidence = EXCLUDED.evidence
"""
DELETE_STALE_REFERENCES = """
DELETE FROM policy_references WHERE version_id = %(version_id)s AND NOT (target_key = ANY(%(keys)s))
"""
UPSERT_MEASURE = """
INSERT INTO policy_measures (version_id, position, kind, amount_yuan, target_year, due_on, text)
VALUES (%(version_id)s, %(position)s, %(kind)s, %(amount_yuan)s, %(target_year)s, %(due_on)s, %(text)s)
ON CONFLICT (version_id, position) DO UPDATE SET kind = EXCLUDED.kind, amount_yuan = EXCLUDED.amount_yuan,
    target_year = EXCLUDED.target_year, due_on = EXCLUDED.due_on, text = EXCLUDED.text
"""
DELETE_MEASURES_FROM = "DELETE FROM policy_measures WHERE version_id = %(version_id)s AND position >= %(position)s"

# A target is the lowest document id that carries one of the reference's keys (policies seen at
# several sources resolve to the first one archived), never the referring document itself.
RESOLVE_OWN_REFERENCES = """
UPDATE policy_references r
SET to_document_id = (SELECT min(n.document_id) FROM policy_names n
                      WHERE n.name_key = ANY(r.target_keys) AND n.document_id <> v.document_id)
FROM document_versions v
WHERE r.version_id = %(version_id)s AND v.version_id = r.version_id
"""
RESOLVE_WAITING = """
UPDATE policy_references r
SET to_document_id = (SELECT min(n.document_id) FROM policy_names n
                      WHERE n.name_key = ANY(r.target_keys) AND n.document_id <> v.document_id)
FROM document_versions v
WHERE r.to_document_id IS NULL AND v.version_id = r.version_id
  AND r.target_keys && (SELECT coalesce(array_agg(name_key), '{}') FROM policy_names
                        WHERE document_id = %(document_id)s)
"""

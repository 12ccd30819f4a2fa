-- Policy intelligence: issuers with level and region, expiry, the names a policy is known by,
-- references between policies (resolved now or when the target arrives), and the measures
-- (funding, targets, deadlines) a policy sets. Written by the process stage (parsers.policy_store).

ALTER TABLE policy_metadata ADD COLUMN IF NOT EXISTS expires_on date;   -- end of 有效期
ALTER TABLE policy_metadata ADD COLUMN IF NOT EXISTS region text;       -- 广东省, 广州市, national

CREATE TABLE policy_issuers (
    version_id     bigint NOT NULL REFERENCES document_versions ON DELETE CASCADE,
    position       smallint NOT NULL,        -- 1 = lead issuer
    name           text NOT NULL,            -- full name: 广东省人民政府办公厅
    level          text CHECK (level IN ('national', 'provincial', 'city', 'district')),
    region         text,                     -- 广东省, 广州市, national
    PRIMARY KEY (version_id, position)
);
CREATE INDEX policy_issuers_name_idx ON policy_issuers (name);

-- Keys a document can be referred to by: t:<normalised title>, dn:<文号>, url:<canonical url>.
CREATE TABLE policy_names (
    name_key       text NOT NULL,
    document_id    bigint NOT NULL REFERENCES documents ON DELETE CASCADE,
    PRIMARY KEY (name_key, document_id)
);
CREATE INDEX policy_names_document_idx ON policy_names (document_id);

CREATE TABLE policy_references (
    version_id     bigint NOT NULL REFERENCES document_versions ON DELETE CASCADE,
    target_key     text NOT NULL,            -- the first of target_keys
    relation       text NOT NULL CHECK (relation IN ('implements', 'cites', 'interprets', 'interpreted_by',
                                                     'amends', 'abolishes', 'supersedes')),
    target_keys    text[] NOT NULL,          -- every key the target may be found by
    target_title   text,
    target_doc_number text,
    target_url     text,
    evidence       text NOT NULL,            -- the sentence (or link) the reference was read from
    to_document_id bigint REFERENCES documents ON DELETE SET NULL,  -- NULL until the target is archived
    PRIMARY KEY (version_id, target_key)
);
CREATE INDEX policy_references_waiting_idx ON policy_references USING gin (target_keys) WHERE to_document_id IS NULL;
CREATE INDEX policy_references_to_idx ON policy_references (to_document_id);

CREATE TABLE policy_measures (
    version_id     bigint NOT NULL REFERENCES document_versions ON DELETE CASCADE,
    position       smallint NOT NULL,        -- reading order
    kind           text NOT NULL CHECK (kind IN ('funding', 'target', 'deadline')),
    amount_yuan    numeric,
    target_year    integer,
    due_on         date,
    text           text NOT NULL,            -- the sentence, as evidence
    PRIMARY KEY (version_id, position)
);
CREATE INDEX policy_measures_due_idx ON policy_measures (due_on) WHERE due_on IS NOT NULL;

-- Links between current documents; 解读 ↔ policy in both directions come out as `interprets`
-- from the interpretation to the policy. Unresolved references have to_document_id NULL.
CREATE VIEW v_policy_links AS
SELECT d.document_id AS from_document_id, r.to_document_id, r.relation, r.evidence,
       r.target_title, r.target_doc_number
FROM policy_references r
JOIN documents d ON d.current_version_id = r.version_id
WHERE r.relation <> 'interpreted_by'
UNION ALL
SELECT r.to_document_id, d.document_id, 'interprets', r.evidence, v.title, pm.doc_number
FROM policy_references r
JOIN documents d ON d.current_version_id = r.version_id
JOIN document_versions v ON v.version_id = d.current_version_id
LEFT JOIN policy_metadata pm ON pm.version_id = v.version_id
WHERE r.relation = 'interpreted_by' AND r.to_document_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM documents i JOIN policy_metadata ipm ON ipm.version_id = i.current_version_id
                  WHERE i.document_id = r.to_document_id AND ipm.interprets_document_id = d.document_id)
UNION ALL
SELECT d.document_id, pm.interprets_document_id, 'interprets', coalesce(pm.interprets_url, ''), t.title, tpm.doc_number
FROM documents d
JOIN policy_metadata pm ON pm.version_id = d.current_version_id
JOIN documents td ON td.document_id = pm.interprets_document_id
JOIN document_versions t ON t.version_id = td.current_version_id
LEFT JOIN policy_metadata tpm ON tpm.version_id = t.version_id
WHERE pm.interprets_document_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM policy_references r WHERE r.version_id = d.current_version_id
                  AND r.relation = 'interprets' AND r.to_document_id = pm.interprets_document_id);

CREATE VIEW v_policy_measures AS
SELECT d.document_id, m.kind, m.amount_yuan, m.target_year, m.due_on, m.text, m.position, m.version_id
FROM policy_measures m
JOIN documents d ON d.current_version_id = m.version_id;

CREATE VIEW v_policy_issuers AS
SELECT d.document_id, i.position, i.name AS issuer, i.level, i.region
FROM policy_issuers i
JOIN documents d ON d.current_version_id = i.version_id;

-- 有效性 as of today: a later document that abolishes or supersedes this one, the source's own
-- field, the 有效期 end, a later amendment; else what the page said (in_force by default).
CREATE OR REPLACE VIEW v_policy_documents AS
SELECT d.document_id, v.version_id, d.source_id, d.kind, d.canonical_url AS url, v.title,
       v.published_at, pm.index_no, pm.issuers, pm.doc_number, pm.written_at, pm.published_on,
       pm.effective_on, pm.subject,
       CASE WHEN pm.validity IS NULL THEN NULL
            WHEN EXISTS (SELECT 1 FROM policy_references r JOIN documents f ON f.current_version_id = r.version_id
                         WHERE r.to_document_id = d.document_id
                           AND r.relation IN ('abolishes', 'supersedes')) THEN 'abolished'
            WHEN pm.validity IN ('abolished', 'expired') THEN pm.validity
            WHEN pm.expires_on < current_date THEN 'expired'
            WHEN EXISTS (SELECT 1 FROM policy_references r JOIN documents f ON f.current_version_id = r.version_id
                         WHERE r.to_document_id = d.document_id AND r.relation = 'amends') THEN 'amended'
            ELSE pm.validity END AS validity,
       pm.interprets_document_id, pm.expires_on, pm.region,
       (SELECT i.level FROM policy_issuers i WHERE i.version_id = v.version_id ORDER BY i.position LIMIT 1)
           AS issuer_level
FROM documents d
JOIN document_versions v ON v.version_id = d.current_version_id
JOIN policy_metadata pm ON pm.version_id = v.version_id;

COMMENT ON COLUMN v_policy_documents.validity IS '有效性 today: in_force, amended, abolished or expired (from the source''s field, the 有效期 clause, and later documents that amend, abolish or supersede it).';
COMMENT ON COLUMN v_policy_documents.expires_on IS 'End of the 有效期 (validity period) stated in the text.';
COMMENT ON COLUMN v_policy_documents.region IS 'Region of the lead issuer: a province (广东省), a city (广州市) or national.';
COMMENT ON COLUMN v_policy_documents.issuer_level IS 'Level of the lead issuer: national, provincial, city or district.';
COMMENT ON VIEW v_policy_links IS 'Links between policy documents: implements, cites, interprets, amends, abolishes, supersedes.';
COMMENT ON COLUMN v_policy_links.from_document_id IS 'The document that makes the reference (for interprets: the 解读).';
COMMENT ON COLUMN v_policy_links.to_document_id IS 'The document referred to; NULL while it is not archived yet.';
COMMENT ON COLUMN v_policy_links.relation IS 'implements, cites, interprets, amends, abolishes or supersedes.';
COMMENT ON COLUMN v_policy_links.evidence IS 'The sentence (or link) the reference was read from.';
COMMENT ON COLUMN v_policy_links.target_title IS 'Title of the document referred to, as written (without 《》).';
COMMENT ON COLUMN v_policy_links.target_doc_number IS '文号 of the document referred to, when written.';
COMMENT ON VIEW v_policy_measures IS 'Measures a policy sets: funding (amount_yuan), targets (target_year) and deadlines (due_on).';
COMMENT ON COLUMN v_policy_measures.document_id IS 'Document id.';
COMMENT ON COLUMN v_policy_measures.kind IS 'funding, target or deadline.';
COMMENT ON COLUMN v_policy_measures.amount_yuan IS 'Amount in yuan (funding: the upper bound; target: a money target).';
COMMENT ON COLUMN v_policy_measures.target_year IS 'Year of a target (到2027年 …).';
COMMENT ON COLUMN v_policy_measures.due_on IS 'Date of a deadline (申报截止, 有效期至).';
COMMENT ON COLUMN v_policy_measures.text IS 'The sentence the measure was read from.';
COMMENT ON COLUMN v_policy_measures.position IS 'Order of the measure in the text.';
COMMENT ON COLUMN v_policy_measures.version_id IS 'Current version id.';
COMMENT ON VIEW v_policy_issuers IS 'Issuers of current policy versions, one row each, with level and region.';
COMMENT ON COLUMN v_policy_issuers.document_id IS 'Document id.';
COMMENT ON COLUMN v_policy_issuers.position IS '1 = lead issuer.';
COMMENT ON COLUMN v_policy_issuers.issuer IS 'Full name of the issuing body.';
COMMENT ON COLUMN v_policy_issuers.level IS 'national, provincial, city or district.';
COMMENT ON COLUMN v_policy_issuers.region IS 'Region of the body (广东省, 广州市, national).';

GRANT SELECT ON v_policy_links, v_policy_measures, v_policy_issuers TO futurewatch_reader;

-- transactional: false
-- A key signature per version: the walk skips texts that cannot match without reading them (issue 17:
-- 50x a LIKE scan for every class at 20k; the NOT class was at 49x).
--
-- fw_search first walks the newest documents and reads each one's search_text (out of line in
-- TOAST since 0300, ~7-10 us a text), and often walks on through hundreds more; most texts it reads
-- do not match. search_sig is a Bloom filter of the version's search_keys (absence keys included):
-- bit(4096), two bits per key, at ((key as unsigned 32 bits) x M mod 2^32) >> 20 for the two odd
-- multipliers M below (the top 12 bits of a multiplicative hash: the keys are pairs of UTF-16 units,
-- hi << 16 | lo, whose low bits alone spread badly). Stored inline, uncompressed (STORAGE PLAIN:
-- 520 bytes a row). The walk reads a text only when the signature has every bit of some alternative's
-- keys in each group (and of the absence keys of the excluded common keys, 0400), or is null. A text
-- that holds a term holds all its keys, hence all their bits: the rows are the same, only texts that
-- cannot match are not read. Excluded terms are still checked on the text.
--
-- Writers: the batch writers send it from Python (futurewatch/core/searchtext.py, from the keys they
-- compute, in bit's binary form); the single-row writer computes it in SQL from the keys it sends;
-- the trigger computes it when not supplied or when the keys change, and checks a supplied one for
-- one version in 64, as it does the keys. The INSERT trigger's condition lets a row through untouched
-- only when it arrives with search_text, keys and signature.
--
-- Not one transaction: existing versions get their signature in committed batches of 2,000 ids; a
-- rerun goes on where it stopped (only null signatures are written). Until then a null signature
-- means "read the text": search is never wrong meanwhile. Each version is rewritten once (its
-- index entries too, as 0400's backfill did).

ALTER TABLE document_versions ADD COLUMN IF NOT EXISTS search_sig bit(4096);
ALTER TABLE document_versions ALTER COLUMN search_sig SET STORAGE PLAIN;

COMMENT ON COLUMN document_versions.search_sig IS
    'fw_key_signature(search_keys), stored once per version: a Bloom filter of the keys that lets the walk skip texts without reading them (0410); null: read the text.';

-- The hash's multipliers: odd, below 2^31, so that a key (below 2^32) times one fits in int8.
CREATE OR REPLACE FUNCTION fw_signature_multipliers() RETURNS int8[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN '{1540483477,739982445}'::int8[];

-- The signature's bit of key k for multiplier m: the top 12 bits of (k as unsigned 32 bits) x m mod 2^32.
CREATE OR REPLACE FUNCTION fw_signature_bit(k int4, m int8) RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN (((k::int8 & 4294967295) * m & 4294967295) >> 20)::integer;

-- The signature's bit positions of keys: one per key and multiplier, each in 0 .. 4095.
CREATE OR REPLACE FUNCTION fw_signature_bits(keys int4[]) RETURNS SETOF integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $bits$
    SELECT fw_signature_bit(k, m) FROM unnest(keys) AS k, unnest(fw_signature_multipliers()) AS m
$bits$;

-- The signature of keys (a version's search_keys): bit p is set for every position p of
-- fw_signature_bits. Built as 64 words of 64 bits written in hexadecimal.
CREATE OR REPLACE FUNCTION fw_key_signature(keys int4[]) RETURNS bit(4096)
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $signature$
    SELECT ('x' || string_agg(lpad(to_hex(coalesce(w.word, 0)), 16, '0'), '' ORDER BY i))::bit(4096)
    FROM generate_series(0, 63) AS i
    LEFT JOIN (SELECT p >> 6 AS at, bit_or(1::int8 << (63 - (p & 63))) AS word
               FROM fw_signature_bits(keys) AS p GROUP BY 1) w ON w.at = i
$signature$;

-- As 0400, and the signature: kept when supplied with the keys (checked for one version in 64),
-- else computed from the keys, or kept when an update leaves the keys as they were.
CREATE OR REPLACE FUNCTION fw_fill_search_text() RETURNS trigger
LANGUAGE plpgsql
AS $fill$
DECLARE
    changed boolean := TG_OP = 'INSERT'
        OR NEW.title IS DISTINCT FROM OLD.title OR NEW.text IS DISTINCT FROM OLD.text;
    supplied boolean := NEW.search_text IS NOT NULL
        AND (TG_OP = 'INSERT' OR NEW.search_text IS DISTINCT FROM OLD.search_text);
    keys_supplied boolean := NEW.search_keys IS NOT NULL
        AND (TG_OP = 'INSERT' OR NEW.search_keys IS DISTINCT FROM OLD.search_keys);
    sig_supplied boolean := NEW.search_sig IS NOT NULL
        AND (TG_OP = 'INSERT' OR NEW.search_sig IS DISTINCT FROM OLD.search_sig);
BEGIN
    IF changed AND NOT supplied THEN
        NEW.search_text := fw_search_text(NEW.title, NEW.text);
    ELSIF supplied AND NEW.version_id % 64 = 0
          AND NEW.search_text IS DISTINCT FROM fw_search_text(NEW.title, NEW.text) THEN
        RAISE EXCEPTION USING ERRCODE = '22023',
            MESSAGE = format('version %s: the supplied search_text differs from fw_search_text()', NEW.version_id);
    ELSIF supplied AND NOT changed THEN
        NEW.search_text := OLD.search_text;  -- only title and text decide it
    END IF;
    IF keys_supplied AND supplied THEN
        IF NEW.version_id % 64 = 0 AND NEW.search_keys IS DISTINCT FROM fw_document_keys(NEW.search_text) THEN
            RAISE EXCEPTION USING ERRCODE = '22023',
                MESSAGE = format('version %s: the supplied search_keys differ from fw_document_keys()', NEW.version_id);
        END IF;
    ELSIF TG_OP = 'INSERT' OR NEW.search_text IS DISTINCT FROM OLD.search_text OR OLD.search_keys IS NULL THEN
        NEW.search_keys := fw_document_keys(NEW.search_text);
        keys_supplied := false;
    ELSE
        NEW.search_keys := fw_with_absence_keys(OLD.search_keys);  -- only search_text decides them
        keys_supplied := false;
    END IF;
    IF sig_supplied AND keys_supplied AND supplied THEN
        IF NEW.version_id % 64 = 0 AND NEW.search_sig IS DISTINCT FROM fw_key_signature(NEW.search_keys) THEN
            RAISE EXCEPTION USING ERRCODE = '22023',
                MESSAGE = format('version %s: the supplied search_sig differs from fw_key_signature()', NEW.version_id);
        END IF;
    ELSIF TG_OP = 'UPDATE' AND OLD.search_sig IS NOT NULL AND NEW.search_keys IS NOT DISTINCT FROM OLD.search_keys THEN
        NEW.search_sig := OLD.search_sig;  -- only the keys decide it
    ELSE
        NEW.search_sig := fw_key_signature(NEW.search_keys);
    END IF;
    RETURN NEW;
END
$fill$;

DROP TRIGGER IF EXISTS document_versions_search_text_insert ON document_versions;
CREATE TRIGGER document_versions_search_text_insert
    BEFORE INSERT ON document_versions
    FOR EACH ROW
    WHEN (NEW.search_text IS NULL OR NEW.search_keys IS NULL OR NEW.search_sig IS NULL OR NEW.version_id % 64 = 0)
    EXECUTE FUNCTION fw_fill_search_text();

-- The UPDATE trigger stays as 0300 made it (title, text, search_text, search_keys): an update of
-- search_sig alone, as the backfill below, does not call it.

-- The backfill: versions without a signature, 2,000 ids at a time, each batch committed.
DO $backfill$
DECLARE
    next_id bigint := (SELECT min(version_id) FROM document_versions WHERE search_sig IS NULL);
    last_id bigint := (SELECT max(version_id) FROM document_versions);
BEGIN
    WHILE next_id <= last_id LOOP
        UPDATE document_versions SET search_sig = fw_key_signature(search_keys)
        WHERE version_id >= next_id AND version_id < next_id + 2000 AND search_sig IS NULL AND search_keys IS NOT NULL;
        COMMIT;
        next_id := next_id + 2000;
    END LOOP;
END
$backfill$;

-- The condition on alias `a` under which its text may match the prepared query: a null signature,
-- or every bit of some alternative's keys in each group, and of the absence keys of the excluded
-- common keys (0400). Written as get_bit() tests of the positions (no query-time mask to build:
-- a few microseconds a term in PL/pgSQL; AND stops at the first bit not set).
CREATE OR REPLACE FUNCTION fw_build_signature_sql(parsed jsonb, a text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $build$
DECLARE
    alts text;
    groups text;
BEGIN
    parsed := fw_prepare_query(parsed);
    FOR g IN 0 .. jsonb_array_length(parsed -> 'all') - 1 LOOP
        alts := NULL;
        FOR i IN 0 .. jsonb_array_length(parsed -> 'all' -> g) - 1 LOOP
            alts := concat_ws(' OR ', alts, fw_build_bits_sql((parsed -> 'keys' ->> (parsed -> 'all' -> g ->> i))::int4[], a));
        END LOOP;
        groups := concat_ws(' AND ', groups, '(' || alts || ')');
    END LOOP;
    IF parsed ? 'absent' THEN
        groups := groups || ' AND ' || fw_build_bits_sql((parsed ->> 'absent')::int4[], a);
    END IF;
    RETURN format('(%I.search_sig IS NULL OR %s)', a, groups);
END
$build$;

-- Every bit of keys set in the signature of alias `a`.
CREATE OR REPLACE FUNCTION fw_build_bits_sql(keys int4[], a text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $build$
DECLARE
    tests text;
    k int4;
    m int8;
BEGIN
    FOREACH k IN ARRAY keys LOOP
        FOREACH m IN ARRAY fw_signature_multipliers() LOOP
            tests := concat_ws(' AND ', tests, format('get_bit(%I.search_sig, %s) = 1', a, fw_signature_bit(k, m)));
        END LOOP;
    END LOOP;
    RETURN '(' || coalesce(tests, 'true') || ')';
END
$build$;

-- As 0290, and the signature (0410): a text is read only when its version's signature lets it match.
CREATE OR REPLACE FUNCTION fw_build_walk_sql(parsed jsonb) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $build$
BEGIN
    parsed := fw_prepare_query(parsed);
    RETURN format(
        'SELECT h.document_id, h.version_id, h.title, h.url, h.published_at, (%s)::real AS rank
         FROM (SELECT p.* FROM (SELECT q.document_id, q.version_id, q.title, q.url, q.published_at,
                                       q.stored_text || '''' AS search_text
                                FROM (SELECT v.document_id, v.version_id, v.title, d.url, v.published_at,
                                             v.search_text AS stored_text, v.search_sig
                                      FROM document_versions v
                                      CROSS JOIN LATERAL (SELECT c.canonical_url AS url FROM documents c
                                                          WHERE c.document_id = v.document_id
                                                            AND c.current_version_id = v.version_id OFFSET 0) d
                                      ORDER BY v.published_at DESC NULLS LAST, v.version_id DESC
                                      OFFSET $2 LIMIT $3) q
                                WHERE %s
                                ORDER BY q.published_at DESC NULLS LAST, q.version_id DESC OFFSET 0) p
               WHERE %s
               ORDER BY p.published_at DESC NULLS LAST, p.version_id DESC
               LIMIT $1) h',
        fw_build_rank_sql(parsed, 'h'), fw_build_signature_sql(parsed, 'q'), fw_build_exact_sql(parsed, 'p'));
END
$build$;

-- transactional: false
-- Absence keys: a NOT whose excluded term is a common key answered from the index alone (issue 17:
-- NOT p95 < 50 ms at 200k versions; "东粤西 -创新" read one heap tuple per candidate, 77,775 of
-- them, to find 7 survivors, because a GIN index over the keys a text holds cannot list the texts
-- that lack one).
--
-- fw_common_keys() lists keys that most articles hold (the i-th is the absence key i; the list only
-- grows and a position is never reused). Every version's search_keys holds, besides its keys, the
-- absence key of each listed key it lacks: the number i, a key whose first UTF-16 unit is U+0000,
-- which no text can hold (PostgreSQL text has no NUL), so the same GIN index serves both. Then
-- "lacks 创新" is "holds absence key i": fw_prepare_query records the absence keys of the
-- query's excluded terms that are one listed key ("absent"), fw_build_index_sql adds them to every
-- index condition, so the candidates are the survivors of those exclusions, and the exclusion of
-- those terms through the index (0260's anti-join, a heap tuple per candidate and holder) is not
-- built. The exact check of every excluded term on the text stays (strpos = 0): rows are the same.
--
-- The list (docs/performance.md, 0400 section): two-Han-character keys held by at least 40 % of
-- the 33 real texts of at least 300 Han characters the project holds (the 26 real pages of
-- ../shared/real-pages, the five seed documents, the constructed fixtures' expected texts),
-- normalised by fw_search_text, most frequent first (scripts/common_keys.py prints it again). A
-- text holding a key costs nothing, one lacking it one index entry: 30 per text on that sample
-- (2.0 % more entries), 16 of ~1,190 on the bench's corpus (1.4 %).
--
-- Writers: the batch writers compute the keys in Python (futurewatch/core/searchtext.py reads
-- fw_common_keys() from the database, as it reads the fold map); the single-row writer sends the
-- text's keys through fw_with_absence_keys(); the trigger computes fw_document_keys() itself
-- when keys are not supplied, checks supplied ones for one version in 64 as before, and adds
-- the absence keys when only other columns change (the backfill below).
-- A later list change: append to fw_common_keys (writers write the new absence keys at once),
-- backfill, and only then raise fw_common_keys_searchable() (search uses the first that many).
--
-- Not one transaction: the backfill commits each batch, and a rerun goes on where it stopped
-- (fw_with_absence_keys is idempotent). Only versions lacking a listed key are rewritten (all of
-- them in a real archive: ~1 GIN insertion of every key per version, as a reload of the index).

CREATE OR REPLACE FUNCTION fw_common_keys() RETURNS int4[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN ARRAY(SELECT ascii(w) << 16 | ascii(substr(w, 2)) FROM unnest(
    '{发展,服务,水平,支持,政策,经济,中心,技术,探索,提升,通过,重要,企业,信息,工作,建设,智能,更多,核心,科技,质量,项目,领域,中国,产品,体系,关键,同时,提供,政府,未来,研究,计划,重点,世界,产业,优势,创新,制造,国家,培育,基础,实施,实现,展的,形成,情况,成为,推动,推进,措施,标准,模式,社会,管理,综合}'::text[])
    WITH ORDINALITY AS c(w, i) ORDER BY i);

COMMENT ON FUNCTION fw_common_keys() IS
    'Keys most articles hold; a version lacking the i-th holds the absence key i in search_keys (0400). Append only.';

-- How many of fw_common_keys() every stored version carries the absence keys of (search uses
-- these only).
CREATE OR REPLACE FUNCTION fw_common_keys_searchable() RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN 0;

-- keys (a text's keys, with or without absence keys) with the absence keys of the listed keys they
-- lack: sorted, distinct.
CREATE OR REPLACE FUNCTION fw_with_absence_keys(keys int4[]) RETURNS int4[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $with$
    SELECT ARRAY(SELECT k FROM unnest(keys) AS k WHERE k NOT BETWEEN 1 AND 65535
                 UNION
                 SELECT c.i::int4 FROM unnest(fw_common_keys()) WITH ORDINALITY AS c(k, i)
                 WHERE NOT EXISTS (SELECT 1 FROM unnest(keys) AS h(k) WHERE h.k = c.k)
                 ORDER BY 1)
$with$;

-- A version's search_keys: its text's keys (fw_search_keys) and their absence keys.
CREATE OR REPLACE FUNCTION fw_document_keys(x text) RETURNS int4[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN fw_with_absence_keys(fw_search_keys(x));

COMMENT ON COLUMN document_versions.search_keys IS
    'fw_document_keys(search_text), stored once per version (by the writer or the trigger): the keys of the search index, with the absence keys of fw_common_keys() (0400).';

-- As 0220, with fw_document_keys; an update that leaves search_text alone keeps the keys and
-- adds any absence key they lack.
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
    ELSE
        NEW.search_keys := fw_with_absence_keys(OLD.search_keys);  -- only search_text decides them
    END IF;
    RETURN NEW;
END
$fill$;

-- The backfill: versions lacking a listed key and its absence key, 2,000 ids at a time, each
-- batch committed (the trigger adds the absence keys).
DO $backfill$
DECLARE
    next_id bigint := (SELECT min(version_id) FROM document_versions);
    last_id bigint := (SELECT max(version_id) FROM document_versions);
BEGIN
    WHILE next_id <= last_id LOOP
        UPDATE document_versions SET search_keys = search_keys
        WHERE version_id >= next_id AND version_id < next_id + 2000
          AND search_keys IS DISTINCT FROM fw_with_absence_keys(search_keys);
        COMMIT;
        next_id := next_id + 2000;
    END LOOP;
END
$backfill$;

DO $check$
BEGIN
    IF EXISTS (SELECT 1 FROM document_versions WHERE search_keys IS DISTINCT FROM fw_with_absence_keys(search_keys)) THEN
        RAISE EXCEPTION 'document_versions: some versions lack absence keys after the backfill; run the migration again';
    END IF;
END
$check$;

-- Every version now carries the whole list's absence keys: search may use them.
CREATE OR REPLACE FUNCTION fw_common_keys_searchable() RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN 56;

-- The absence keys of the excluded terms that are one searchable listed key, sorted.
CREATE OR REPLACE FUNCTION fw_absence_keys_of(nones text[]) RETURNS int4[]
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $absent$
DECLARE
    common int4[] := (fw_common_keys())[1:fw_common_keys_searchable()];
    found int4[] := '{}';
    at integer;
    t text;
BEGIN
    FOREACH t IN ARRAY nones LOOP
        IF length(t) = 2 AND ascii(t) < 65536 AND ascii(substr(t, 2)) < 65536 THEN
            at := array_position(common, ascii(t) << 16 | ascii(substr(t, 2)));
            IF at IS NOT NULL THEN
                found := found || at;
            END IF;
        END IF;
    END LOOP;
    RETURN ARRAY(SELECT DISTINCT k FROM unnest(found) AS k ORDER BY 1);
END
$absent$;

-- As 0390, and "absent": the absence keys of excluded terms that are one listed key (0400).
CREATE OR REPLACE FUNCTION fw_prepare_query(parsed jsonb) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $prepare$
DECLARE
    terms text[] := '{}';
    norms text[] := '{}';
    nones text[];
    keys jsonb := '{}';
    groups jsonb := '[]';
    kept jsonb := '[]';
    alts jsonb;
    left_alts jsonb;
    nothing boolean := false;
    at integer := 0;
    absent int4[];
BEGIN
    IF parsed ? 'keys' THEN
        RETURN parsed;
    END IF;
    FOR g IN 0 .. jsonb_array_length(parsed -> 'all') - 1 LOOP
        FOR i IN 0 .. jsonb_array_length(parsed -> 'all' -> g) - 1 LOOP
            terms := terms || (parsed -> 'all' -> g ->> i);
        END LOOP;
    END LOOP;
    FOR i IN 0 .. jsonb_array_length(parsed -> 'none') - 1 LOOP
        terms := terms || (parsed -> 'none' ->> i);
    END LOOP;
    FOR i IN 1 .. cardinality(terms) LOOP
        norms[i] := fw_normalize_term(terms[i]);
    END LOOP;
    FOR i IN 1 .. cardinality(norms) LOOP
        keys := keys || jsonb_build_object(norms[i], fw_term_keys(norms[i])::text);
    END LOOP;
    nones := norms[cardinality(terms) - jsonb_array_length(parsed -> 'none') + 1:];
    FOR g IN 0 .. jsonb_array_length(parsed -> 'all') - 1 LOOP
        alts := '[]';
        left_alts := '[]';
        FOR i IN 0 .. jsonb_array_length(parsed -> 'all' -> g) - 1 LOOP
            at := at + 1;
            alts := alts || to_jsonb(norms[at]);
            IF NOT EXISTS (SELECT 1 FROM unnest(nones) AS x WHERE strpos(norms[at], x) > 0) THEN
                left_alts := left_alts || to_jsonb(norms[at]);
            END IF;
        END LOOP;
        groups := groups || jsonb_build_array(alts);
        kept := kept || jsonb_build_array(left_alts);
        nothing := nothing OR left_alts = '[]';
    END LOOP;
    IF nothing THEN
        RETURN jsonb_build_object('all', groups, 'none', to_jsonb(nones), 'keys', keys, 'nothing', true);
    END IF;
    absent := fw_absence_keys_of(nones);
    IF absent <> '{}' THEN
        RETURN jsonb_build_object('all', kept, 'none', to_jsonb(nones), 'keys', keys, 'absent', absent::text);
    END IF;
    RETURN jsonb_build_object('all', kept, 'none', to_jsonb(nones), 'keys', keys);
END
$prepare$;

COMMENT ON FUNCTION fw_prepare_query(jsonb) IS
    'A parsed query (fw_parse_query) with its terms normalised and keyed once; an alternative that contains an excluded term is dropped (0390), and a group left empty marks the query "nothing" (no document can match); "absent": the absence keys of excluded terms that are one listed common key (0400). The statement builders accept either form.';

-- As 0290, and the absence keys of the excluded common keys (0400): the candidates lack those terms.
CREATE OR REPLACE FUNCTION fw_build_index_sql(parsed jsonb, a text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $build$
DECLARE
    alts text;
    groups text;
    t text;
BEGIN
    parsed := fw_prepare_query(parsed);
    FOR g IN 0 .. jsonb_array_length(parsed -> 'all') - 1 LOOP
        alts := NULL;
        FOR i IN 0 .. jsonb_array_length(parsed -> 'all' -> g) - 1 LOOP
            t := parsed -> 'all' -> g ->> i;
            alts := concat_ws(' OR ', alts, format('%I.search_keys @> %L::int4[]', a, parsed -> 'keys' ->> t));
        END LOOP;
        groups := concat_ws(' AND ', groups, '(' || alts || ')');
    END LOOP;
    IF parsed ? 'absent' THEN
        groups := groups || format(' AND %I.search_keys @> %L::int4[]', a, parsed ->> 'absent');
    END IF;
    RETURN groups;
END
$build$;

-- As 0290, without the terms the index conditions already exclude by their absence keys (0400).
CREATE OR REPLACE FUNCTION fw_one_key_exclusions(parsed jsonb) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $excl$
DECLARE
    found text[] := '{}';
    t text;
BEGIN
    parsed := fw_prepare_query(parsed);
    FOR i IN 0 .. jsonb_array_length(parsed -> 'none') - 1 LOOP
        t := parsed -> 'none' ->> i;
        IF length(t) = 2 AND cardinality((parsed -> 'keys' ->> t)::int4[]) = 1
           AND (NOT parsed ? 'absent' OR fw_absence_keys_of(ARRAY[t]) = '{}') THEN
            found := found || t;
        END IF;
    END LOOP;
    RETURN found;
END
$excl$;

CREATE FUNCTION public.alert_event_writers_key() RETURNS bigint
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN '7468201702707'::bigint;
CREATE FUNCTION public.alert_events_follow_delete() RETURNS trigger
    LANGUAGE plpgsql
    AS $_$
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
END $_$;
CREATE FUNCTION public.alert_events_keep_key() RETURNS trigger
    LANGUAGE plpgsql
    AS $_$
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
END $_$;
CREATE FUNCTION public.alert_events_refuse_truncate() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    PERFORM wait_for_alert_event_writers();
    IF EXISTS (SELECT 1 FROM alert_events)
       OR (TG_TABLE_NAME = 'document_versions' AND EXISTS (SELECT 1 FROM alert_version_state)) THEN
        RAISE EXCEPTION 'cannot truncate %: alert_events still names its rows (truncate alert_events with it)',
            TG_TABLE_NAME USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END $$;
CREATE FUNCTION public.fw_absence_keys_of(nones text[]) RETURNS integer[]
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
    AS $$
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
$$;
CREATE FUNCTION public.fw_bigrams(x text) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT COST 10000 PARALLEL SAFE
    AS $$
    SELECT ARRAY(
        SELECT m[1] FROM regexp_matches(x, '..', 'g') AS m
        UNION ALL
        SELECT m[1] FROM regexp_matches(substr(x, 2), '..', 'g') AS m
    )
$$;
COMMENT ON FUNCTION public.fw_bigrams(x text) IS 'Adjacent character pairs of a text: the keys of the search index.';
CREATE FUNCTION public.fw_build_bits_sql(keys integer[], a text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
    AS $$
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
$$;
CREATE FUNCTION public.fw_build_candidate_ids_sql(parsed jsonb) RETURNS text
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
    AS $_$
BEGIN
    RETURN format(
        'SELECT coalesce(array_agg(c.version_id ORDER BY c.published_at DESC NULLS LAST, c.version_id DESC), ''{}'')
         FROM (SELECT v.version_id, v.published_at FROM document_versions v WHERE %s LIMIT $1) c',
        fw_build_index_sql(fw_prepare_query(parsed), 'v'));
END
$_$;
CREATE FUNCTION public.fw_build_candidate_sql(parsed jsonb, exclude boolean DEFAULT false) RETURNS text
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
    AS $$
BEGIN
    parsed := fw_prepare_query(parsed);
    RETURN concat_ws(' AND ', fw_build_index_sql(parsed, 'v'), CASE WHEN exclude THEN fw_build_exclusion_sql(parsed) END);
END
$$;
CREATE FUNCTION public.fw_build_exact_sql(parsed jsonb, a text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
    AS $$
DECLARE
    alts text;
    groups text;
    nones text;
BEGIN
    parsed := fw_prepare_query(parsed);
    FOR g IN 0 .. jsonb_array_length(parsed -> 'all') - 1 LOOP
        alts := NULL;
        FOR i IN 0 .. jsonb_array_length(parsed -> 'all' -> g) - 1 LOOP
            alts := concat_ws(' OR ', alts, format('strpos(%I.search_text, %L) > 0', a, parsed -> 'all' -> g ->> i));
        END LOOP;
        groups := concat_ws(' AND ', groups, '(' || alts || ')');
    END LOOP;
    FOR i IN 0 .. jsonb_array_length(parsed -> 'none') - 1 LOOP
        nones := concat_ws(' AND ', nones, format('strpos(%I.search_text, %L) = 0', a, parsed -> 'none' ->> i));
    END LOOP;
    RETURN coalesce(groups, 'true') || ' AND ' || coalesce(nones, 'true');
END
$$;
CREATE FUNCTION public.fw_build_exclusion_sql(parsed jsonb) RETURNS text
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
    AS $$
DECLARE
    statement text;
    t text;
BEGIN
    parsed := fw_prepare_query(parsed);
    FOREACH t IN ARRAY fw_one_key_exclusions(parsed) LOOP
        statement := concat_ws(' AND ', statement,
                               format('v.version_id NOT IN (SELECT x.version_id FROM document_versions x'
                                      ' WHERE %s AND x.search_keys @> %L::int4[])',
                                      fw_build_index_sql(parsed, 'x'), parsed -> 'keys' ->> t));
    END LOOP;
    RETURN statement;
END
$$;
CREATE FUNCTION public.fw_build_index_sql(parsed jsonb, a text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
    AS $$
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
$$;
CREATE FUNCTION public.fw_build_newest_resumed_sql(parsed jsonb) RETURNS text
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
    AS $_$
DECLARE
    fetched text := 'CROSS JOIN LATERAL (SELECT k.document_id, k.canonical_url AS url FROM documents k
                                         WHERE k.current_version_id = c.version_id OFFSET 0) d
                     CROSS JOIN LATERAL (SELECT x.title, x.published_at, x.search_text || '''' AS search_text
                                         FROM document_versions x WHERE x.version_id = c.version_id OFFSET 0) t';
BEGIN
    parsed := fw_prepare_query(parsed);
    RETURN format(
        'WITH candidates AS MATERIALIZED (SELECT v.version_id, v.published_at FROM document_versions v WHERE %s),
         newest AS MATERIALIZED (SELECT * FROM candidates ORDER BY published_at DESC NULLS LAST, version_id DESC LIMIT $2),
         first AS MATERIALIZED (
             SELECT d.document_id, c.version_id, t.title, d.url, t.published_at, t.search_text
             FROM (SELECT * FROM newest ORDER BY published_at DESC NULLS LAST, version_id DESC OFFSET 0) c %s
             WHERE %s
             LIMIT $1),
         rest AS MATERIALIZED (
             SELECT d.document_id, c.version_id, t.title, d.url, t.published_at, t.search_text
             FROM (SELECT v.* FROM candidates v
                   WHERE v.version_id NOT IN (SELECT n.version_id FROM newest n) AND %s
                   ORDER BY v.published_at DESC NULLS LAST, v.version_id DESC OFFSET 0) c %s
             WHERE %s
             LIMIT $1 - (SELECT count(*) FROM first))
         SELECT h.document_id, h.version_id, h.title, h.url, h.published_at, (%s)::real AS rank
         FROM (SELECT * FROM first UNION ALL SELECT * FROM rest) h
         ORDER BY rank DESC, h.published_at DESC NULLS LAST, h.document_id',
        fw_build_candidate_sql(parsed), fetched, fw_build_exact_sql(parsed, 't'),
        coalesce(fw_build_exclusion_sql(parsed), 'true'), fetched, fw_build_exact_sql(parsed, 't'),
        fw_build_rank_sql(parsed, 'h'));
END
$_$;
CREATE FUNCTION public.fw_build_newest_sql(parsed jsonb, bounded boolean, ids boolean DEFAULT false) RETURNS text
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
    AS $_$
DECLARE
    bound text := CASE WHEN ids THEN '$3' ELSE '$2' END;
    candidates text;
BEGIN
    parsed := fw_prepare_query(parsed);
    candidates := CASE
        WHEN ids THEN format('SELECT v.version_id, v.at FROM unnest($2::bigint[]) WITH ORDINALITY AS v(version_id, at)'
                             ' WHERE %s', coalesce(CASE WHEN NOT bounded THEN fw_build_exclusion_sql(parsed) END, 'true'))
        ELSE format('SELECT v.version_id, v.published_at FROM document_versions v WHERE %s',
                    fw_build_candidate_sql(parsed, NOT bounded)) END;
    RETURN format(
        'WITH candidates AS MATERIALIZED (%s),
         hits AS MATERIALIZED (
             SELECT d.document_id, c.version_id, t.title, d.url, t.published_at, t.search_text
             FROM (SELECT * FROM candidates ORDER BY %s %s OFFSET 0) c
             CROSS JOIN LATERAL (SELECT k.document_id, k.canonical_url AS url FROM documents k
                                 WHERE k.current_version_id = c.version_id OFFSET 0) d
             CROSS JOIN LATERAL (SELECT x.title, x.published_at, x.search_text || '''' AS search_text
                                 FROM document_versions x WHERE x.version_id = c.version_id OFFSET 0) t
             WHERE %s
             LIMIT $1)
         SELECT h.document_id, h.version_id, h.title, h.url, h.published_at, (%s)::real AS rank
         FROM hits h
         WHERE %s
         ORDER BY rank DESC, h.published_at DESC NULLS LAST, h.document_id',
        candidates, CASE WHEN ids THEN 'at' ELSE 'published_at DESC NULLS LAST, version_id DESC' END,
        CASE WHEN bounded THEN 'LIMIT ' || bound ELSE '' END,
        fw_build_exact_sql(parsed, 't'), fw_build_rank_sql(parsed, 'h'),
        CASE WHEN bounded THEN format('(SELECT count(*) FROM hits) = $1 OR (SELECT count(*) FROM candidates) <= %s', bound)
             ELSE 'true' END);
END
$_$;
CREATE FUNCTION public.fw_build_rank_sql(parsed jsonb, a text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
    AS $$
DECLARE
    terms text;
BEGIN
    parsed := fw_prepare_query(parsed);
    FOR g IN 0 .. jsonb_array_length(parsed -> 'all') - 1 LOOP
        FOR i IN 0 .. jsonb_array_length(parsed -> 'all' -> g) - 1 LOOP
            terms := concat_ws(' + ', terms, format('fw_rank_normalized(%I.search_text, %L)', a, parsed -> 'all' -> g ->> i));
        END LOOP;
    END LOOP;
    RETURN terms;
END
$$;
CREATE FUNCTION public.fw_build_search_sql(parsed jsonb, ids boolean DEFAULT false, survivors boolean DEFAULT false) RETURNS text
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
    AS $_$
DECLARE
    counts text;
    ranks text;
    alts text;
    groups text;
    nones text;
    t text;
    at integer := 0;
BEGIN
    parsed := fw_prepare_query(parsed);
    FOR g IN 0 .. jsonb_array_length(parsed -> 'all') - 1 LOOP
        alts := NULL;
        FOR i IN 0 .. jsonb_array_length(parsed -> 'all' -> g) - 1 LOOP
            at := at + 1;
            t := parsed -> 'all' -> g ->> i;
            counts := concat_ws(', ', counts, format('fw_term_count(c.search_text, %L) AS n%s', t, at));
            ranks := concat_ws(' + ', ranks, format('fw_rank_counted(t.search_text, %L, t.n%s)', t, at));
            alts := concat_ws(' OR ', alts, format('t.n%s > 0', at));
        END LOOP;
        groups := concat_ws(' AND ', groups, '(' || alts || ')');
    END LOOP;
    FOR i IN 0 .. jsonb_array_length(parsed -> 'none') - 1 LOOP
        nones := concat_ws(' AND ', nones, format('strpos(t.search_text, %L) = 0', parsed -> 'none' ->> i));
    END LOOP;
    RETURN format(
        'SELECT d.document_id, t.version_id, t.title, d.canonical_url AS url, t.published_at, (%s)::real AS rank
         FROM (SELECT c.*, %s
               FROM (SELECT v.version_id, v.title, v.published_at, v.search_text || '''' AS search_text
                     FROM document_versions v WHERE %s OFFSET 0) c
               OFFSET 0) t
         JOIN documents d ON d.current_version_id = t.version_id
         WHERE %s AND %s
         ORDER BY rank DESC, t.published_at DESC NULLS LAST, d.document_id
         LIMIT $1',
        ranks, counts,
        CASE WHEN ids THEN concat_ws(' AND ', 'v.version_id = ANY($2)', CASE WHEN NOT survivors THEN fw_build_exclusion_sql(parsed) END)
             ELSE fw_build_candidate_sql(parsed, true) END,
        groups, coalesce(nones, 'true'));
END
$_$;
CREATE FUNCTION public.fw_build_signature_sql(parsed jsonb, a text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
    AS $$
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
$$;
CREATE FUNCTION public.fw_build_survivor_ids_sql(parsed jsonb) RETURNS text
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
    AS $_$
BEGIN
    parsed := fw_prepare_query(parsed);
    RETURN format(
        'SELECT coalesce(array_agg(c.version_id ORDER BY c.at), ''{}'')
         FROM unnest($1::bigint[]) WITH ORDINALITY AS c(version_id, at)
         WHERE c.version_id NOT IN (SELECT v.version_id FROM document_versions v WHERE %s AND v.search_keys && %L::int4[])',
        fw_build_index_sql(parsed, 'v'), fw_exclusion_keys(parsed)::text);
END
$_$;
CREATE FUNCTION public.fw_build_topk_sql(parsed jsonb) RETURNS text
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
    AS $_$
BEGIN
    parsed := fw_prepare_query(parsed);
    RETURN format(
        'WITH hits AS MATERIALIZED (
             SELECT p.document_id, p.version_id, p.title, p.url, p.published_at, p.search_text
             FROM (SELECT v.document_id, v.version_id, v.title, d.url, v.published_at,
                          v.search_text || '''' AS search_text
                   FROM document_versions v
                   CROSS JOIN LATERAL (SELECT c.canonical_url AS url FROM documents c
                                       WHERE c.document_id = v.document_id AND c.current_version_id = v.version_id
                                       OFFSET 0) d
                   ORDER BY v.published_at DESC NULLS LAST, v.version_id DESC
                   LIMIT $2) p
             WHERE %s
             ORDER BY p.published_at DESC NULLS LAST, p.version_id DESC
             LIMIT $1)
         SELECT h.document_id, h.version_id, h.title, h.url, h.published_at, (%s)::real AS rank
         FROM hits h
         WHERE (SELECT count(*) FROM hits) = $1
         ORDER BY rank DESC, h.published_at DESC NULLS LAST, h.document_id',
        fw_build_exact_sql(parsed, 'p'), fw_build_rank_sql(parsed, 'h'));
END
$_$;
CREATE FUNCTION public.fw_build_walk_sql(parsed jsonb) RETURNS text
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
    AS $_$
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
$_$;
CREATE FUNCTION public.fw_common_keys() RETURNS integer[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN ARRAY(SELECT ((ascii(c.w) << 16) | ascii(substr(c.w, 2))) FROM unnest('{发展,服务,水平,支持,政策,经济,中心,技术,探索,提升,通过,重要,企业,信息,工作,建设,智能,更多,核心,科技,质量,项目,领域,中国,产品,体系,关键,同时,提供,政府,未来,研究,计划,重点,世界,产业,优势,创新,制造,国家,培育,基础,实施,实现,展的,形成,情况,成为,推动,推进,措施,标准,模式,社会,管理,综合}'::text[]) WITH ORDINALITY c(w, i) ORDER BY c.i);
COMMENT ON FUNCTION public.fw_common_keys() IS 'Keys most articles hold; a version lacking the i-th holds the absence key i in search_keys (0400). Append only.';
CREATE FUNCTION public.fw_common_keys_searchable() RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN 56;
CREATE FUNCTION public.fw_contains(search_keys integer[], search_text text, term text) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
    SELECT search_keys @> fw_search_keys(fw_normalize(term))
       AND (fw_is_one_key(fw_normalize(term)) OR strpos(search_text, fw_normalize(term)) > 0)
$$;
COMMENT ON FUNCTION public.fw_contains(search_keys integer[], search_text text, term text) IS 'True when the text contains the normalised term: fw_contains(search_keys, search_text, term), index-served for terms of 2+ characters.';
CREATE FUNCTION public.fw_search_keys(x text) RETURNS integer[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$
    SELECT ARRAY(
        SELECT DISTINCT k FROM (
            -- a character's last UTF-16 unit, then the next character's first unit
            SELECT (CASE WHEN cp < 65536 THEN cp ELSE 56320 + ((cp - 65536) & 1023) END) << 16
                 | lead(CASE WHEN cp < 65536 THEN cp ELSE 55296 + ((cp - 65536) >> 10) END) OVER (ORDER BY i)
            FROM (SELECT ascii(ch), i FROM unnest(string_to_array(x, NULL)) WITH ORDINALITY AS u(ch, i)) AS c(cp, i)
            UNION ALL
            -- the surrogate pair of each character outside the BMP (texts without one skip this)
            SELECT (55296 + ((cp - 65536) >> 10)) << 16 | (56320 + ((cp - 65536) & 1023))
            FROM (SELECT ascii(ch) FROM unnest(CASE WHEN x ~ '[\U00010000-\U0010FFFF]'
                                                    THEN string_to_array(x, NULL) END) AS ch) AS c(cp)
            WHERE cp >= 65536
        ) AS keys(k)
        WHERE k IS NOT NULL
        ORDER BY k)
$$;
COMMENT ON FUNCTION public.fw_search_keys(x text) IS 'The search index keys of a normalised text: each pair of adjacent UTF-16 code units as one int4 (first << 16 | second), sorted, distinct.';
CREATE FUNCTION public.fw_with_absence_keys(keys integer[]) RETURNS integer[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$
    SELECT ARRAY(SELECT k FROM unnest(keys) AS k WHERE k NOT BETWEEN 1 AND 65535
                 UNION
                 SELECT c.i::int4 FROM unnest(fw_common_keys()) WITH ORDINALITY AS c(k, i)
                 WHERE NOT EXISTS (SELECT 1 FROM unnest(keys) AS h(k) WHERE h.k = c.k)
                 ORDER BY 1)
$$;
CREATE FUNCTION public.fw_document_keys(x text) RETURNS integer[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN public.fw_with_absence_keys(public.fw_search_keys(x));
CREATE FUNCTION public.fw_exclusion_keys(parsed jsonb) RETURNS integer[]
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
    AS $$
DECLARE
    keys int4[] := '{}';
    t text;
BEGIN
    parsed := fw_prepare_query(parsed);
    FOREACH t IN ARRAY fw_one_key_exclusions(parsed) LOOP
        keys := keys || (parsed -> 'keys' ->> t)::int4[];
    END LOOP;
    RETURN ARRAY(SELECT DISTINCT k FROM unnest(keys) AS k ORDER BY 1);
END
$$;
CREATE FUNCTION public.fw_fill_search_text() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
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
$$;
CREATE FUNCTION public.fw_fold(x text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$
    SELECT CASE WHEN x ~ fw_fold_class() THEN (
        SELECT translate(x, string_agg(found.ch, ''), string_agg(fw_fold_map() ->> found.ch, ''))
        FROM (SELECT DISTINCT m[1] AS ch FROM regexp_matches(x, fw_fold_class(), 'g') AS m) AS found
    ) ELSE x END
$$;
CREATE FUNCTION public.fw_fold_class() RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN '[ABCDEFGHIJKLMNOPQRSTUVWXYZÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮĴĶĹĻĽŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽƁƂƄƆƇƉƊƋƎƏƐƑƓƔƖƗƘƜƝƟƠƢƤƦƧƩƬƮƯƱƲƳƵƷƸƼǍǏǑǓǕǗǙǛǞǠǢǤǦǨǪǬǮǴǶǷǸǺǼǾȀȂȄȆȈȊȌȎȐȒȔȖȘȚȜȞȠȢȤȦȨȪȬȮȰȲȺȻȽȾɁɃɄɅɆɈɊɌɎͰͲͶͿΆΈΉΊΌΎΏΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩΪΫϏϘϚϜϞϠϢϤϦϨϪϬϮϷϺϽϾϿЀЁЂЃЄЅІЇЈЉЊЋЌЍЎЏАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯѠѢѤѦѨѪѬѮѰѲѴѶѸѺѼѾҀҊҌҎҐҒҔҖҘҚҜҞҠҢҤҦҨҪҬҮҰҲҴҶҸҺҼҾӀӁӃӅӇӉӋӍӐӒӔӖӘӚӜӞӠӢӤӦӨӪӬӮӰӲӴӶӸӺӼӾԀԂԄԆԈԊԌԎԐԒԔԖԘԚԜԞԠԢԤԦԨԪԬԮԱԲԳԴԵԶԷԸԹԺԻԼԽԾԿՀՁՂՃՄՅՆՇՈՉՊՋՌՍՎՏՐՑՒՓՔՕՖႠႡႢႣႤႥႦႧႨႩႪႫႬႭႮႯႰႱႲႳႴႵႶႷႸႹႺႻႼႽႾႿჀჁჂჃჄჅჇჍᎠᎡᎢᎣᎤᎥᎦᎧᎨᎩᎪᎫᎬᎭᎮᎯᎰᎱᎲᎳᎴᎵᎶᎷᎸᎹᎺᎻᎼᎽᎾᎿᏀᏁᏂᏃᏄᏅᏆᏇᏈᏉᏊᏋᏌᏍᏎᏏᏐᏑᏒᏓᏔᏕᏖᏗᏘᏙᏚᏛᏜᏝᏞᏟᏠᏡᏢᏣᏤᏥᏦᏧᏨᏩᏪᏫᏬᏭᏮᏯᏰᏱᏲᏳᏴᏵᲐᲑᲒᲓᲔᲕᲖᲗᲘᲙᲚᲛᲜᲝᲞᲟᲠᲡᲢᲣᲤᲥᲦᲧᲨᲩᲪᲫᲬᲭᲮᲯᲰᲱᲲᲳᲴᲵᲶᲷᲸᲹᲺᲽᲾᲿḀḂḄḆḈḊḌḎḐḒḔḖḘḚḜḞḠḢḤḦḨḪḬḮḰḲḴḶḸḺḼḾṀṂṄṆṈṊṌṎṐṒṔṖṘṚṜṞṠṢṤṦṨṪṬṮṰṲṴṶṸṺṼṾẀẂẄẆẈẊẌẎẐẒẔẞẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸỺỼỾἈἉἊἋἌἍἎἏἘἙἚἛἜἝἨἩἪἫἬἭἮἯἸἹἺἻἼἽἾἿὈὉὊὋὌὍὙὛὝὟὨὩὪὫὬὭὮὯᾈᾉᾊᾋᾌᾍᾎᾏᾘᾙᾚᾛᾜᾝᾞᾟᾨᾩᾪᾫᾬᾭᾮᾯᾸᾹᾺᾼῈῊῌῘῙῚῨῩῪῬῸῺῼℲↃⰀⰁⰂⰃⰄⰅⰆⰇⰈⰉⰊⰋⰌⰍⰎⰏⰐⰑⰒⰓⰔⰕⰖⰗⰘⰙⰚⰛⰜⰝⰞⰟⰠⰡⰢⰣⰤⰥⰦⰧⰨⰩⰪⰫⰬⰭⰮⰯⱠⱢⱣⱤⱧⱩⱫⱭⱮⱯⱰⱲⱵⱾⱿⲀⲂⲄⲆⲈⲊⲌⲎⲐⲒⲔⲖⲘⲚⲜⲞⲠⲢⲤⲦⲨⲪⲬⲮⲰⲲⲴⲶⲸⲺⲼⲾⳀⳂⳄⳆⳈⳊⳌⳎⳐⳒⳔⳖⳘⳚⳜⳞⳠⳢⳫⳭⳲ㑯㑳㑶㓨㗲㘚㜄㜏㜢㠏㠣㥮㩜㩳㩵㺏䁪䁻䃮䊷䋙䋚䋹䋻䍦䎱䓣䙡䜀䝼䡵䥇䥑䥕䥱䦛䦟䧢䮄䯀䰾䱷䱽䲁䲘䴉丟並乾亂亙亞佇佈佔併來侖侶侷俁係俔俠俥俬倀倆倈倉個們倖倫倲偉偑側偵偽傌傑傖傘備傢傭傯傳傴債傷傾僂僅僉僑僕僞僤僥僨僱價儀儁儂億儈儉儎儐儔儕儘償優儲儷儸儺儻儼兇兌兒兗內兩冊冑冪凈凍凜凱別刪剄則剋剎剗剛剝剮剴創剷劃劄劇劉劊劌劍劏劑劚勁動務勛勝勞勢勣勩勱勳勵勸勻匭匯匱區協卹卻卽厙厠厤厭厲厴參叄叢吒吳吶呂咼員唄唸問啓啞啟啢喎喚喪喫喬單喲嗆嗇嗊嗎嗚嗩嗰嗶嘆嘍嘓嘔嘖嘗嘜嘩嘮嘯嘰嘵嘸嘽噁噓噚噝噠噥噦噯噲噴噸噹嚀嚇嚌嚐嚕嚙嚥嚦嚧嚨嚮嚲嚳嚴嚶囀囁囂囅囈囉囌囑囪圇國圍園圓圖團垻埡埨埰執堅堊堖堝堯報場塊塋塏塒塗塚塢塤塵塸塹塿墊墜墠墮墰墳墶墻墾壇壋壎壓壗壘壙壚壜壞壟壠壢壩壪壯壺壼壽夠夢夥夾奐奧奩奪奬奮奼妝姍姦娙娛婁婦婭媧媯媰媼媽嫋嫗嫵嫺嫻嫿嬀嬃嬈嬋嬌嬙嬡嬤嬪嬰嬸孃孋孌孫學孻孿宮寀寢實寧審寫寬寵寶將專尋對導尷屆屍屓屜屢層屨屬岡峯峴島峽崍崑崗崙崢崬嵐嵗嵽嵾嶁嶄嶇嶔嶗嶠嶢嶧嶨嶮嶸嶺嶼嶽巋巒巔巖巘巰巹帥師帳帶幀幃幓幗幘幟幣幫幬幷幹幾庫廁廂廄廈廎廕廚廝廞廟廠廡廢廣廩廬廳弒弔弳張強彄彆彈彌彎彔彙彠彥彫彲彿後徑從徠復徵徹恆恥悅悞悵悶悽惡惱惲惻愛愜愨愴愷愾慄態慍慘慚慟慣慤慪慫慮慳慶慺慼慾憂憊憐憑憒憖憚憤憫憮憲憶懇應懌懍懞懟懣懤懨懲懶懷懸懺懼懾戀戇戔戧戩戰戱戲戶扞拋拚挩挱挾捨捫捱捲掃掄掆掗掙掛採揀揚換揮揯損搖搗搧搵搶摑摜摟摯摳摶摺摻撈撏撐撓撝撟撣撥撫撲撳撻撾撿擁擄擇擊擋擓擔據擠擡擣擬擯擰擱擲擴擷擺擻擼擽擾攄攆攏攔攖攙攛攜攝攢攣攤攪攬敎敓敗敘敵數斂斃斆斕斬斷於旂旣昇時晉晛晝暈暉暐暘暢暫曄曆曇曉曏曖曠曥曨曬書會朥朧朮東枴柵柺査桱桿梔梘梜條梟梲棄棊棖棗棟棡棧棲棶椏椲楊楓楨業極榘榦榪榮榲榿構槍槓槤槧槨槮槳槶槼樁樂樅樑樓標樞樢樣樧樫樳樸樹樺樿橈橋機橢橫橯檁檉檔檜檟檢檣檮檯檳檸檻櫃櫍櫓櫚櫛櫝櫞櫟櫥櫧櫨櫪櫫櫬櫱櫳櫸櫻欄欅權欏欒欓欖欞欽歎歐歟歡歲歷歸歿殘殞殤殨殫殭殮殯殰殲殺殻殼毀毆毿氂氈氌氣氫氬氳氾汎汙決沒沖況泝洩洶浹浿涇涗涼淒淚淥淨淩淪淵淶淺渙減渢渦測渾湊湋湞湧湯溈準溝溫溮溳溼滄滅滌滎滙滬滯滲滷滸滻滾滿漁漊漍漚漢漣漬漲漵漸漿潁潑潔潕潙潚潛潤潯潰潷潿澀澆澇澐澗澠澤澦澩澫澮澱澾濁濃濄濆濕濘濚濛濜濟濤濧濫濰濱濺濼濾瀂瀅瀆瀇瀉瀋瀏瀕瀘瀝瀟瀠瀦瀧瀨瀰瀲瀾灃灄灑灒灕灘灙灝灡灣灤灧灩災為烏烴無煉煒煙煢煥煩煬煱熅熒熗熰熱熲熾燀燁燈燉燒燖燙燜營燦燬燭燴燶燻燼燾爍爐爛爭爲爺爾牀牆牘牴牽犖犛犢犧狀狹狽猙猶猻獁獃獄獅獎獨獪獫獮獰獱獲獵獷獸獺獻獼玀現琱琺琿瑋瑒瑣瑤瑩瑪瑲璉璊璕璗璡璣璦璫璯環璵璸璽璿瓅瓊瓏瓔瓚瓛甌甕產産畝畢畫異畵當疇疊痙痠痾瘂瘋瘍瘓瘞瘡瘧瘮瘲瘺瘻療癆癇癉癒癘癟癡癢癤癥癧癩癬癭癮癰癱癲發皁皚皰皸皺盃盜盞盡監盤盧盪眞眥眾睍睏睜睞瞘瞜瞞瞶瞼矇矓矚矯硃硜硤硨硯碕碩碭碸確碼碽磑磚磠磣磧磯磽磾礄礎礐礙礦礪礫礬礱祕祿禍禎禕禡禦禪禮禰禱禿秈稅稈稏稜稟種稱穀穇穌積穎穠穡穢穩穫穭窩窪窮窯窵窶窺竄竅竇竈竊竪競筆筍筧筴箇箋箏箚節範築篋篔篠篢篤篩篳篸簀簍簑簞簡簣簫簹簽簾籃籅籌籔籙籛籜籟籠籤籩籪籬籮籲粵糉糝糞糧糰糲糴糶糹糾紀紂紃約紅紆紇紈紉紋納紐紓純紕紖紗紘紙級紛紜紝紞紡紬紮細紱紲紳紵紹紺紼紿絀終絃組絅絆絎結絕絛絝絞絡絢給絨絪絰統絲絳絶絹絺綁綃綄綆綈綉綌綎綏綐綑經綖綜綝綞綠綡綢綣綧綪綫綬維綯綰綱網綳綴綵綸綹綺綻綽綾綿緄緇緊緋緑緒緓緔緗緘緙線緝緞締緡緣緦編緩緬緯緱緲練緶緹緻緼縈縉縊縋縐縑縕縗縛縝縞縟縣縧縫縭縮縯縱縲縳縴縵縶縷縹總績繃繅繆繒織繕繚繞繡繢繩繪繫繭繮繯繰繳繶繸繹繻繼繽繾繿纁纆纇纈纊續纍纏纓纔纕纖纘纜缽罃罈罌罎罰罵罷羅羆羈羋羣羥羨義羶習翫翬翹翽耬耮聖聞聯聰聲聳聵聶職聹聽聾肅脅脈脛脣脩脫脹腎腖腡腦腫腳腸膃膕膚膞膠膢膩膽膾膿臉臍臏臘臚臟臠臢臥臨臺與興舉舊舖舘艙艤艦艫艱艷芻苧茲荊莊莖莢莧華菴菸萇萊萬萴萵葉葒葤葦葯葷蒍蒐蒓蒔蒕蒞蒼蓀蓆蓋蓮蓯蓴蓽蔄蔔蔘蔞蔣蔥蔦蔭蔯蔿蕁蕆蕎蕒蕓蕕蕘蕢蕩蕪蕭蕷薀薈薊薌薑薔薘薟薦薩薳薴薵薹薺藍藎藝藥藪藭藴藶藹藺蘀蘄蘆蘇蘊蘋蘚蘞蘟蘢蘭蘺蘿虆虉處虛虜號虧虯蛺蛻蜆蝀蝕蝟蝦蝨蝸螄螞螢螮螻螿蟄蟈蟎蟣蟬蟯蟲蟳蟶蟻蠁蠅蠆蠍蠐蠑蠔蠟蠣蠨蠱蠶蠻衆衊術衕衚衛衝袞袷裊裏補裝裡製複褌褘褲褳褸褻襀襇襉襏襖襝襠襤襪襬襯襲襴覈見覎規覓視覘覡覥覦親覬覯覲覷覺覽覿觀觴觶觸訁訂訃計訊訌討訏訐訒訓訕訖託記訛訝訟訢訣訥訩訪設許訴訶診註証詀詁詆詎詐詒詔評詖詗詘詛詝詞詠詡詢詣試詩詪詫詬詭詮詰話該詳詵詷詼詿誄誅誆誇誌認誑誒誕誘誚語誠誡誣誤誥誦誨說説誰課誶誹誼誾調諂諄談諉請諍諏諑諒諓論諗諛諜諝諞諟諡諢諤諦諧諫諭諮諱諲諳諴諶諷諸諺諼諾謀謁謂謄謅謊謎謏謐謔謖謗謙謚講謝謠謡謨謫謬謭謳謹謾譁證譎譏譓譖識譙譚譜譞譟譫譭譯議譴護譸譽譾讀讅變讋讌讎讒讓讕讖讚讜讞谿豈豎豐豔豬豶貍貓貙貝貞貟負財貢貧貨販貪貫責貯貰貲貳貴貶買貸貺費貼貽貿賀賁賂賃賄賅資賈賊賑賒賓賕賙賚賜賞賠賡賢賣賤賦賧質賫賬賭賰賴賵賺賻購賽賾贄贅贇贈贊贋贍贏贐贓贔贖贗贛贜赬趕趙趨趲跡踐踰踴蹌蹕蹟蹠蹣蹤蹺躂躉躊躋躍躎躑躒躓躕躚躡躥躦躪軀車軋軌軍軏軑軒軔軛軝軟軤軫軲軸軹軺軻軼軾較輄輅輇輈載輊輋輒輓輔輕輗輛輜輝輞輟輥輦輩輪輬輮輯輳輶輸輻輼輾輿轀轂轄轅轆轉轍轎轔轟轡轢轤辦辭辮辯農迴逕這連週進遊運過達違遙遜遞遠遡適遲遶遷選遺遼邁還邇邊邏邐郟郵鄆鄉鄒鄔鄖鄧鄩鄭鄰鄲鄳鄴鄶鄺酇酈醃醖醜醞醟醣醫醬醱醲釀釁釃釅釋釐釒釓釔釕釗釘釙針釣釤釦釧釩釴釵釷釹釺釾釿鈀鈁鈃鈄鈅鈇鈈鈉鈍鈎鈐鈑鈒鈔鈕鈞鈡鈣鈥鈦鈧鈮鈰鈳鈴鈷鈸鈹鈺鈽鈾鈿鉀鉅鉆鉈鉉鉊鉋鉍鉑鉕鉗鉚鉛鉝鉞鉢鉤鉥鉦鉧鉬鉭鉮鉳鉶鉷鉸鉺鉻鉿銀銃銅銈銍銑銓銖銘銚銛銜銠銣銥銦銨銩銪銫銬銱銳銶銷銹銻銼鋁鋃鋅鋇鋌鋏鋐鋒鋗鋙鋝鋟鋣鋤鋥鋦鋨鋩鋪鋭鋮鋯鋰鋱鋶鋸鋹鋼錀錁錄錆錇錈錏錐錒錕錘錙錚錛錞錟錠錡錢錤錦錨錩錫錮錯録錳錶錸錼鍀鍁鍃鍅鍆鍇鍈鍊鍋鍍鍔鍘鍚鍛鍠鍤鍥鍩鍬鍭鍰鍵鍶鍺鍼鍾鎂鎄鎇鎊鎌鎓鎔鎖鎘鎚鎛鎝鎡鎢鎣鎦鎧鎩鎪鎬鎭鎮鎰鎲鎳鎵鎶鎸鎿鏃鏇鏈鏌鏍鏏鏐鏑鏗鏘鏜鏝鏞鏟鏡鏢鏤鏨鏰鏵鏷鏹鏺鏻鏽鐃鐄鐇鐋鐍鐏鐐鐒鐓鐔鐘鐙鐝鐠鐥鐦鐧鐨鐩鐫鐮鐯鐲鐳鐵鐶鐸鐺鐽鐿鑄鑊鑌鑑鑒鑔鑕鑞鑠鑣鑥鑪鑭鑰鑱鑲鑷鑹鑼鑽鑾鑿钁钂長門閂閃閆閈閉開閌閎閏閑閒間閔閘閡閣閤閥閨閩閫閬閭閱閲閶閹閻閼閽閾閿闃闆闇闈闉闊闋闌闍闐闑闒闓闔闕闖關闞闠闡闢闤闥陘陝陞陣陰陳陸陽隉隊階隑隕際隤隨險隮隯隱隴隸隻雋雖雙雛雜雞離難雲電霑霢霧霽靂靄靆靈靉靚靜靝靦靨鞏鞝鞦鞽韁韃韆韉韋韌韍韓韙韜韝韞韻響頁頂頃項順頇須頊頌頍頎頏預頑頒頓頔頗領頜頠頡頤頦頫頭頮頰頲頴頵頷頸頹頻頽顆題額顎顏顒顓顔顗願顙顛類顢顥顧顫顬顯顰顱顳顴風颭颮颯颱颳颶颸颺颻颼飀飄飆飈飛飠飢飣飥飩飪飫飭飯飱飲飴飼飽飾飿餃餄餅餈餉養餌餎餏餑餒餓餕餖餗餘餚餛餜餞餡館餬餱餳餵餶餷餸餺餼餾餿饁饃饅饈饉饊饋饌饑饒饗饘饜饞饢馬馭馮馱馳馴馹馼駁駃駉駐駑駒駓駔駕駘駙駛駝駟駡駢駪駭駰駱駸駼駿騁騂騄騅騊騌騍騎騏騑騖騙騞騠騤騧騫騭騮騰騱騵騶騷騸騾驀驁驂驃驄驅驊驌驍驎驏驕驗驚驛驟驢驤驥驦驪驫骯髏髒體髕髖髮鬆鬍鬚鬢鬥鬧鬨鬩鬮鬱鬹魎魘魚魛魟魢魨魯魴魷魺鮀鮁鮃鮆鮈鮊鮋鮍鮎鮐鮑鮒鮓鮚鮜鮝鮞鮟鮠鮡鮣鮦鮪鮫鮭鮮鮳鮶鮸鮺鯀鯁鯇鯉鯊鯒鯔鯕鯖鯗鯛鯝鯡鯢鯤鯧鯨鯪鯫鯰鯴鯷鯻鯽鯿鰁鰂鰃鰆鰈鰉鰊鰌鰍鰏鰐鰒鰓鰛鰜鰟鰠鰣鰤鰥鰧鰨鰩鰭鰮鰱鰲鰳鰵鰶鰷鰹鰺鰻鰼鰾鱀鱂鱅鱇鱈鱉鱒鱔鱖鱗鱘鱚鱝鱟鱠鱣鱤鱧鱨鱭鱯鱲鱷鱸鱺鳥鳧鳩鳬鳲鳳鳴鳶鳾鴆鴇鴉鴒鴕鴛鴝鴞鴟鴣鴦鴨鴯鴰鴴鴷鴻鴿鵁鵂鵃鵏鵐鵑鵒鵓鵜鵝鵟鵠鵡鵪鵬鵮鵯鵰鵲鵷鵾鶄鶇鶉鶊鶓鶖鶘鶚鶠鶡鶥鶩鶪鶬鶯鶱鶲鶴鶹鶺鶻鶼鶿鷀鷁鷂鷄鷉鷊鷓鷖鷗鷙鷚鷟鷥鷦鷫鷭鷯鷲鷳鷴鷸鷹鷺鷽鸂鸇鸊鸌鸏鸑鸕鸘鸚鸛鸝鸞鹵鹹鹺鹼鹽麗麥麩麪麫麬麯麳麴麵麼麽黃黌點黨黲黴黶黷黽黿鼂鼉鼕鼴齊齋齎齏齒齔齕齗齘齙齜齟齠齡齣齦齧齪齬齮齯齲齶齷齼龍龎龐龑龔龕龜鿁鿓ꙀꙂꙄꙆꙈꙊꙌꙎꙐꙒꙔꙖꙘꙚꙜꙞꙠꙢꙤꙦꙨꙪꙬꚀꚂꚄꚆꚈꚊꚌꚎꚐꚒꚔꚖꚘꚚꜢꜤꜦꜨꜪꜬꜮꜲꜴꜶꜸꜺꜼꜾꝀꝂꝄꝆꝈꝊꝌꝎꝐꝒꝔꝖꝘꝚꝜꝞꝠꝢꝤꝦꝨꝪꝬꝮꝹꝻꝽꝾꞀꞂꞄꞆꞋꞍꞐꞒꞖꞘꞚꞜꞞꞠꞢꞤꞦꞨꞪꞫꞬꞭꞮꞰꞱꞲꞳꞴꞶꞸꞺꞼꞾꟀꟂꟄꟅꟆꟇꟉꟐꟖꟘꟵ𠁞𠗣𡃕𡅏𡑍𡑭𡓾𡔖𡞵𡠹𡢃𡮉𡮣𡳳𡻕𡾱𢣚𢶫𢹿𣈶𣙎𣞻𣠩𣠲𣯶𣾷𤁣𤅶𤓩𤪺𤫩𤳸𥊝𥌃𥕥𥖅𥗽𥢢𥸠𥼽𦘧𦣎𦪙𧜗𧜵𧝞𧟀𧩙𧵳𧶧𨊰𨊸𨋢𨤻𨦫𨧀𨧜𨨏𨭆𨭎𨯅𩞯𩠴𩣑𩶘𰻞]'::text;
CREATE FUNCTION public.fw_fold_map() RETURNS jsonb
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN '{"A": "a", "B": "b", "C": "c", "D": "d", "E": "e", "F": "f", "G": "g", "H": "h", "I": "i", "J": "j", "K": "k", "L": "l", "M": "m", "N": "n", "O": "o", "P": "p", "Q": "q", "R": "r", "S": "s", "T": "t", "U": "u", "V": "v", "W": "w", "X": "x", "Y": "y", "Z": "z", "À": "à", "Á": "á", "Â": "â", "Ã": "ã", "Ä": "ä", "Å": "å", "Æ": "æ", "Ç": "ç", "È": "è", "É": "é", "Ê": "ê", "Ë": "ë", "Ì": "ì", "Í": "í", "Î": "î", "Ï": "ï", "Ð": "ð", "Ñ": "ñ", "Ò": "ò", "Ó": "ó", "Ô": "ô", "Õ": "õ", "Ö": "ö", "Ø": "ø", "Ù": "ù", "Ú": "ú", "Û": "û", "Ü": "ü", "Ý": "ý", "Þ": "þ", "Ā": "ā", "Ă": "ă", "Ą": "ą", "Ć": "ć", "Ĉ": "ĉ", "Ċ": "ċ", "Č": "č", "Ď": "ď", "Đ": "đ", "Ē": "ē", "Ĕ": "ĕ", "Ė": "ė", "Ę": "ę", "Ě": "ě", "Ĝ": "ĝ", "Ğ": "ğ", "Ġ": "ġ", "Ģ": "ģ", "Ĥ": "ĥ", "Ħ": "ħ", "Ĩ": "ĩ", "Ī": "ī", "Ĭ": "ĭ", "Į": "į", "Ĵ": "ĵ", "Ķ": "ķ", "Ĺ": "ĺ", "Ļ": "ļ", "Ľ": "ľ", "Ł": "ł", "Ń": "ń", "Ņ": "ņ", "Ň": "ň", "Ŋ": "ŋ", "Ō": "ō", "Ŏ": "ŏ", "Ő": "ő", "Œ": "œ", "Ŕ": "ŕ", "Ŗ": "ŗ", "Ř": "ř", "Ś": "ś", "Ŝ": "ŝ", "Ş": "ş", "Š": "š", "Ţ": "ţ", "Ť": "ť", "Ŧ": "ŧ", "Ũ": "ũ", "Ū": "ū", "Ŭ": "ŭ", "Ů": "ů", "Ű": "ű", "Ų": "ų", "Ŵ": "ŵ", "Ŷ": "ŷ", "Ÿ": "ÿ", "Ź": "ź", "Ż": "ż", "Ž": "ž", "Ɓ": "ɓ", "Ƃ": "ƃ", "Ƅ": "ƅ", "Ɔ": "ɔ", "Ƈ": "ƈ", "Ɖ": "ɖ", "Ɗ": "ɗ", "Ƌ": "ƌ", "Ǝ": "ǝ", "Ə": "ə", "Ɛ": "ɛ", "Ƒ": "ƒ", "Ɠ": "ɠ", "Ɣ": "ɣ", "Ɩ": "ɩ", "Ɨ": "ɨ", "Ƙ": "ƙ", "Ɯ": "ɯ", "Ɲ": "ɲ", "Ɵ": "ɵ", "Ơ": "ơ", "Ƣ": "ƣ", "Ƥ": "ƥ", "Ʀ": "ʀ", "Ƨ": "ƨ", "Ʃ": "ʃ", "Ƭ": "ƭ", "Ʈ": "ʈ", "Ư": "ư", "Ʊ": "ʊ", "Ʋ": "ʋ", "Ƴ": "ƴ", "Ƶ": "ƶ", "Ʒ": "ʒ", "Ƹ": "ƹ", "Ƽ": "ƽ", "Ǎ": "ǎ", "Ǐ": "ǐ", "Ǒ": "ǒ", "Ǔ": "ǔ", "Ǖ": "ǖ", "Ǘ": "ǘ", "Ǚ": "ǚ", "Ǜ": "ǜ", "Ǟ": "ǟ", "Ǡ": "ǡ", "Ǣ": "ǣ", "Ǥ": "ǥ", "Ǧ": "ǧ", "Ǩ": "ǩ", "Ǫ": "ǫ", "Ǭ": "ǭ", "Ǯ": "ǯ", "Ǵ": "ǵ", "Ƕ": "ƕ", "Ƿ": "ƿ", "Ǹ": "ǹ", "Ǻ": "ǻ", "Ǽ": "ǽ", "Ǿ": "ǿ", "Ȁ": "ȁ", "Ȃ": "ȃ", "Ȅ": "ȅ", "Ȇ": "ȇ", "Ȉ": "ȉ", "Ȋ": "ȋ", "Ȍ": "ȍ", "Ȏ": "ȏ", "Ȑ": "ȑ", "Ȓ": "ȓ", "Ȕ": "ȕ", "Ȗ": "ȗ", "Ș": "ș", "Ț": "ț", "Ȝ": "ȝ", "Ȟ": "ȟ", "Ƞ": "ƞ", "Ȣ": "ȣ", "Ȥ": "ȥ", "Ȧ": "ȧ", "Ȩ": "ȩ", "Ȫ": "ȫ", "Ȭ": "ȭ", "Ȯ": "ȯ", "Ȱ": "ȱ", "Ȳ": "ȳ", "Ⱥ": "ⱥ", "Ȼ": "ȼ", "Ƚ": "ƚ", "Ⱦ": "ⱦ", "Ɂ": "ɂ", "Ƀ": "ƀ", "Ʉ": "ʉ", "Ʌ": "ʌ", "Ɇ": "ɇ", "Ɉ": "ɉ", "Ɋ": "ɋ", "Ɍ": "ɍ", "Ɏ": "ɏ", "Ͱ": "ͱ", "Ͳ": "ͳ", "Ͷ": "ͷ", "Ϳ": "ϳ", "Ά": "ά", "Έ": "έ", "Ή": "ή", "Ί": "ί", "Ό": "ό", "Ύ": "ύ", "Ώ": "ώ", "Α": "α", "Β": "β", "Γ": "γ", "Δ": "δ", "Ε": "ε", "Ζ": "ζ", "Η": "η", "Θ": "θ", "Ι": "ι", "Κ": "κ", "Λ": "λ", "Μ": "μ", "Ν": "ν", "Ξ": "ξ", "Ο": "ο", "Π": "π", "Ρ": "ρ", "Σ": "σ", "Τ": "τ", "Υ": "υ", "Φ": "φ", "Χ": "χ", "Ψ": "ψ", "Ω": "ω", "Ϊ": "ϊ", "Ϋ": "ϋ", "Ϗ": "ϗ", "Ϙ": "ϙ", "Ϛ": "ϛ", "Ϝ": "ϝ", "Ϟ": "ϟ", "Ϡ": "ϡ", "Ϣ": "ϣ", "Ϥ": "ϥ", "Ϧ": "ϧ", "Ϩ": "ϩ", "Ϫ": "ϫ", "Ϭ": "ϭ", "Ϯ": "ϯ", "Ϸ": "ϸ", "Ϻ": "ϻ", "Ͻ": "ͻ", "Ͼ": "ͼ", "Ͽ": "ͽ", "Ѐ": "ѐ", "Ё": "ё", "Ђ": "ђ", "Ѓ": "ѓ", "Є": "є", "Ѕ": "ѕ", "І": "і", "Ї": "ї", "Ј": "ј", "Љ": "љ", "Њ": "њ", "Ћ": "ћ", "Ќ": "ќ", "Ѝ": "ѝ", "Ў": "ў", "Џ": "џ", "А": "а", "Б": "б", "В": "в", "Г": "г", "Д": "д", "Е": "е", "Ж": "ж", "З": "з", "И": "и", "Й": "й", "К": "к", "Л": "л", "М": "м", "Н": "н", "О": "о", "П": "п", "Р": "р", "С": "с", "Т": "т", "У": "у", "Ф": "ф", "Х": "х", "Ц": "ц", "Ч": "ч", "Ш": "ш", "Щ": "щ", "Ъ": "ъ", "Ы": "ы", "Ь": "ь", "Э": "э", "Ю": "ю", "Я": "я", "Ѡ": "ѡ", "Ѣ": "ѣ", "Ѥ": "ѥ", "Ѧ": "ѧ", "Ѩ": "ѩ", "Ѫ": "ѫ", "Ѭ": "ѭ", "Ѯ": "ѯ", "Ѱ": "ѱ", "Ѳ": "ѳ", "Ѵ": "ѵ", "Ѷ": "ѷ", "Ѹ": "ѹ", "Ѻ": "ѻ", "Ѽ": "ѽ", "Ѿ": "ѿ", "Ҁ": "ҁ", "Ҋ": "ҋ", "Ҍ": "ҍ", "Ҏ": "ҏ", "Ґ": "ґ", "Ғ": "ғ", "Ҕ": "ҕ", "Җ": "җ", "Ҙ": "ҙ", "Қ": "қ", "Ҝ": "ҝ", "Ҟ": "ҟ", "Ҡ": "ҡ", "Ң": "ң", "Ҥ": "ҥ", "Ҧ": "ҧ", "Ҩ": "ҩ", "Ҫ": "ҫ", "Ҭ": "ҭ", "Ү": "ү", "Ұ": "ұ", "Ҳ": "ҳ", "Ҵ": "ҵ", "Ҷ": "ҷ", "Ҹ": "ҹ", "Һ": "һ", "Ҽ": "ҽ", "Ҿ": "ҿ", "Ӏ": "ӏ", "Ӂ": "ӂ", "Ӄ": "ӄ", "Ӆ": "ӆ", "Ӈ": "ӈ", "Ӊ": "ӊ", "Ӌ": "ӌ", "Ӎ": "ӎ", "Ӑ": "ӑ", "Ӓ": "ӓ", "Ӕ": "ӕ", "Ӗ": "ӗ", "Ә": "ә", "Ӛ": "ӛ", "Ӝ": "ӝ", "Ӟ": "ӟ", "Ӡ": "ӡ", "Ӣ": "ӣ", "Ӥ": "ӥ", "Ӧ": "ӧ", "Ө": "ө", "Ӫ": "ӫ", "Ӭ": "ӭ", "Ӯ": "ӯ", "Ӱ": "ӱ", "Ӳ": "ӳ", "Ӵ": "ӵ", "Ӷ": "ӷ", "Ӹ": "ӹ", "Ӻ": "ӻ", "Ӽ": "ӽ", "Ӿ": "ӿ", "Ԁ": "ԁ", "Ԃ": "ԃ", "Ԅ": "ԅ", "Ԇ": "ԇ", "Ԉ": "ԉ", "Ԋ": "ԋ", "Ԍ": "ԍ", "Ԏ": "ԏ", "Ԑ": "ԑ", "Ԓ": "ԓ", "Ԕ": "ԕ", "Ԗ": "ԗ", "Ԙ": "ԙ", "Ԛ": "ԛ", "Ԝ": "ԝ", "Ԟ": "ԟ", "Ԡ": "ԡ", "Ԣ": "ԣ", "Ԥ": "ԥ", "Ԧ": "ԧ", "Ԩ": "ԩ", "Ԫ": "ԫ", "Ԭ": "ԭ", "Ԯ": "ԯ", "Ա": "ա", "Բ": "բ", "Գ": "գ", "Դ": "դ", "Ե": "ե", "Զ": "զ", "Է": "է", "Ը": "ը", "Թ": "թ", "Ժ": "ժ", "Ի": "ի", "Լ": "լ", "Խ": "խ", "Ծ": "ծ", "Կ": "կ", "Հ": "հ", "Ձ": "ձ", "Ղ": "ղ", "Ճ": "ճ", "Մ": "մ", "Յ": "յ", "Ն": "ն", "Շ": "շ", "Ո": "ո", "Չ": "չ", "Պ": "պ", "Ջ": "ջ", "Ռ": "ռ", "Ս": "ս", "Վ": "վ", "Տ": "տ", "Ր": "ր", "Ց": "ց", "Ւ": "ւ", "Փ": "փ", "Ք": "ք", "Օ": "օ", "Ֆ": "ֆ", "Ⴀ": "ⴀ", "Ⴁ": "ⴁ", "Ⴂ": "ⴂ", "Ⴃ": "ⴃ", "Ⴄ": "ⴄ", "Ⴅ": "ⴅ", "Ⴆ": "ⴆ", "Ⴇ": "ⴇ", "Ⴈ": "ⴈ", "Ⴉ": "ⴉ", "Ⴊ": "ⴊ", "Ⴋ": "ⴋ", "Ⴌ": "ⴌ", "Ⴍ": "ⴍ", "Ⴎ": "ⴎ", "Ⴏ": "ⴏ", "Ⴐ": "ⴐ", "Ⴑ": "ⴑ", "Ⴒ": "ⴒ", "Ⴓ": "ⴓ", "Ⴔ": "ⴔ", "Ⴕ": "ⴕ", "Ⴖ": "ⴖ", "Ⴗ": "ⴗ", "Ⴘ": "ⴘ", "Ⴙ": "ⴙ", "Ⴚ": "ⴚ", "Ⴛ": "ⴛ", "Ⴜ": "ⴜ", "Ⴝ": "ⴝ", "Ⴞ": "ⴞ", "Ⴟ": "ⴟ", "Ⴠ": "ⴠ", "Ⴡ": "ⴡ", "Ⴢ": "ⴢ", "Ⴣ": "ⴣ", "Ⴤ": "ⴤ", "Ⴥ": "ⴥ", "Ⴧ": "ⴧ", "Ⴭ": "ⴭ", "Ꭰ": "ꭰ", "Ꭱ": "ꭱ", "Ꭲ": "ꭲ", "Ꭳ": "ꭳ", "Ꭴ": "ꭴ", "Ꭵ": "ꭵ", "Ꭶ": "ꭶ", "Ꭷ": "ꭷ", "Ꭸ": "ꭸ", "Ꭹ": "ꭹ", "Ꭺ": "ꭺ", "Ꭻ": "ꭻ", "Ꭼ": "ꭼ", "Ꭽ": "ꭽ", "Ꭾ": "ꭾ", "Ꭿ": "ꭿ", "Ꮀ": "ꮀ", "Ꮁ": "ꮁ", "Ꮂ": "ꮂ", "Ꮃ": "ꮃ", "Ꮄ": "ꮄ", "Ꮅ": "ꮅ", "Ꮆ": "ꮆ", "Ꮇ": "ꮇ", "Ꮈ": "ꮈ", "Ꮉ": "ꮉ", "Ꮊ": "ꮊ", "Ꮋ": "ꮋ", "Ꮌ": "ꮌ", "Ꮍ": "ꮍ", "Ꮎ": "ꮎ", "Ꮏ": "ꮏ", "Ꮐ": "ꮐ", "Ꮑ": "ꮑ", "Ꮒ": "ꮒ", "Ꮓ": "ꮓ", "Ꮔ": "ꮔ", "Ꮕ": "ꮕ", "Ꮖ": "ꮖ", "Ꮗ": "ꮗ", "Ꮘ": "ꮘ", "Ꮙ": "ꮙ", "Ꮚ": "ꮚ", "Ꮛ": "ꮛ", "Ꮜ": "ꮜ", "Ꮝ": "ꮝ", "Ꮞ": "ꮞ", "Ꮟ": "ꮟ", "Ꮠ": "ꮠ", "Ꮡ": "ꮡ", "Ꮢ": "ꮢ", "Ꮣ": "ꮣ", "Ꮤ": "ꮤ", "Ꮥ": "ꮥ", "Ꮦ": "ꮦ", "Ꮧ": "ꮧ", "Ꮨ": "ꮨ", "Ꮩ": "ꮩ", "Ꮪ": "ꮪ", "Ꮫ": "ꮫ", "Ꮬ": "ꮬ", "Ꮭ": "ꮭ", "Ꮮ": "ꮮ", "Ꮯ": "ꮯ", "Ꮰ": "ꮰ", "Ꮱ": "ꮱ", "Ꮲ": "ꮲ", "Ꮳ": "ꮳ", "Ꮴ": "ꮴ", "Ꮵ": "ꮵ", "Ꮶ": "ꮶ", "Ꮷ": "ꮷ", "Ꮸ": "ꮸ", "Ꮹ": "ꮹ", "Ꮺ": "ꮺ", "Ꮻ": "ꮻ", "Ꮼ": "ꮼ", "Ꮽ": "ꮽ", "Ꮾ": "ꮾ", "Ꮿ": "ꮿ", "Ᏸ": "ᏸ", "Ᏹ": "ᏹ", "Ᏺ": "ᏺ", "Ᏻ": "ᏻ", "Ᏼ": "ᏼ", "Ᏽ": "ᏽ", "Ა": "ა", "Ბ": "ბ", "Გ": "გ", "Დ": "დ", "Ე": "ე", "Ვ": "ვ", "Ზ": "ზ", "Თ": "თ", "Ი": "ი", "Კ": "კ", "Ლ": "ლ", "Მ": "მ", "Ნ": "ნ", "Ო": "ო", "Პ": "პ", "Ჟ": "ჟ", "Რ": "რ", "Ს": "ს", "Ტ": "ტ", "Უ": "უ", "Ფ": "ფ", "Ქ": "ქ", "Ღ": "ღ", "Ყ": "ყ", "Შ": "შ", "Ჩ": "ჩ", "Ც": "ც", "Ძ": "ძ", "Წ": "წ", "Ჭ": "ჭ", "Ხ": "ხ", "Ჯ": "ჯ", "Ჰ": "ჰ", "Ჱ": "ჱ", "Ჲ": "ჲ", "Ჳ": "ჳ", "Ჴ": "ჴ", "Ჵ": "ჵ", "Ჶ": "ჶ", "Ჷ": "ჷ", "Ჸ": "ჸ", "Ჹ": "ჹ", "Ჺ": "ჺ", "Ჽ": "ჽ", "Ჾ": "ჾ", "Ჿ": "ჿ", "Ḁ": "ḁ", "Ḃ": "ḃ", "Ḅ": "ḅ", "Ḇ": "ḇ", "Ḉ": "ḉ", "Ḋ": "ḋ", "Ḍ": "ḍ", "Ḏ": "ḏ", "Ḑ": "ḑ", "Ḓ": "ḓ", "Ḕ": "ḕ", "Ḗ": "ḗ", "Ḙ": "ḙ", "Ḛ": "ḛ", "Ḝ": "ḝ", "Ḟ": "ḟ", "Ḡ": "ḡ", "Ḣ": "ḣ", "Ḥ": "ḥ", "Ḧ": "ḧ", "Ḩ": "ḩ", "Ḫ": "ḫ", "Ḭ": "ḭ", "Ḯ": "ḯ", "Ḱ": "ḱ", "Ḳ": "ḳ", "Ḵ": "ḵ", "Ḷ": "ḷ", "Ḹ": "ḹ", "Ḻ": "ḻ", "Ḽ": "ḽ", "Ḿ": "ḿ", "Ṁ": "ṁ", "Ṃ": "ṃ", "Ṅ": "ṅ", "Ṇ": "ṇ", "Ṉ": "ṉ", "Ṋ": "ṋ", "Ṍ": "ṍ", "Ṏ": "ṏ", "Ṑ": "ṑ", "Ṓ": "ṓ", "Ṕ": "ṕ", "Ṗ": "ṗ", "Ṙ": "ṙ", "Ṛ": "ṛ", "Ṝ": "ṝ", "Ṟ": "ṟ", "Ṡ": "ṡ", "Ṣ": "ṣ", "Ṥ": "ṥ", "Ṧ": "ṧ", "Ṩ": "ṩ", "Ṫ": "ṫ", "Ṭ": "ṭ", "Ṯ": "ṯ", "Ṱ": "ṱ", "Ṳ": "ṳ", "Ṵ": "ṵ", "Ṷ": "ṷ", "Ṹ": "ṹ", "Ṻ": "ṻ", "Ṽ": "ṽ", "Ṿ": "ṿ", "Ẁ": "ẁ", "Ẃ": "ẃ", "Ẅ": "ẅ", "Ẇ": "ẇ", "Ẉ": "ẉ", "Ẋ": "ẋ", "Ẍ": "ẍ", "Ẏ": "ẏ", "Ẑ": "ẑ", "Ẓ": "ẓ", "Ẕ": "ẕ", "ẞ": "ß", "Ạ": "ạ", "Ả": "ả", "Ấ": "ấ", "Ầ": "ầ", "Ẩ": "ẩ", "Ẫ": "ẫ", "Ậ": "ậ", "Ắ": "ắ", "Ằ": "ằ", "Ẳ": "ẳ", "Ẵ": "ẵ", "Ặ": "ặ", "Ẹ": "ẹ", "Ẻ": "ẻ", "Ẽ": "ẽ", "Ế": "ế", "Ề": "ề", "Ể": "ể", "Ễ": "ễ", "Ệ": "ệ", "Ỉ": "ỉ", "Ị": "ị", "Ọ": "ọ", "Ỏ": "ỏ", "Ố": "ố", "Ồ": "ồ", "Ổ": "ổ", "Ỗ": "ỗ", "Ộ": "ộ", "Ớ": "ớ", "Ờ": "ờ", "Ở": "ở", "Ỡ": "ỡ", "Ợ": "ợ", "Ụ": "ụ", "Ủ": "ủ", "Ứ": "ứ", "Ừ": "ừ", "Ử": "ử", "Ữ": "ữ", "Ự": "ự", "Ỳ": "ỳ", "Ỵ": "ỵ", "Ỷ": "ỷ", "Ỹ": "ỹ", "Ỻ": "ỻ", "Ỽ": "ỽ", "Ỿ": "ỿ", "Ἀ": "ἀ", "Ἁ": "ἁ", "Ἂ": "ἂ", "Ἃ": "ἃ", "Ἄ": "ἄ", "Ἅ": "ἅ", "Ἆ": "ἆ", "Ἇ": "ἇ", "Ἐ": "ἐ", "Ἑ": "ἑ", "Ἒ": "ἒ", "Ἓ": "ἓ", "Ἔ": "ἔ", "Ἕ": "ἕ", "Ἠ": "ἠ", "Ἡ": "ἡ", "Ἢ": "ἢ", "Ἣ": "ἣ", "Ἤ": "ἤ", "Ἥ": "ἥ", "Ἦ": "ἦ", "Ἧ": "ἧ", "Ἰ": "ἰ", "Ἱ": "ἱ", "Ἲ": "ἲ", "Ἳ": "ἳ", "Ἴ": "ἴ", "Ἵ": "ἵ", "Ἶ": "ἶ", "Ἷ": "ἷ", "Ὀ": "ὀ", "Ὁ": "ὁ", "Ὂ": "ὂ", "Ὃ": "ὃ", "Ὄ": "ὄ", "Ὅ": "ὅ", "Ὑ": "ὑ", "Ὓ": "ὓ", "Ὕ": "ὕ", "Ὗ": "ὗ", "Ὠ": "ὠ", "Ὡ": "ὡ", "Ὢ": "ὢ", "Ὣ": "ὣ", "Ὤ": "ὤ", "Ὥ": "ὥ", "Ὦ": "ὦ", "Ὧ": "ὧ", "ᾈ": "ᾀ", "ᾉ": "ᾁ", "ᾊ": "ᾂ", "ᾋ": "ᾃ", "ᾌ": "ᾄ", "ᾍ": "ᾅ", "ᾎ": "ᾆ", "ᾏ": "ᾇ", "ᾘ": "ᾐ", "ᾙ": "ᾑ", "ᾚ": "ᾒ", "ᾛ": "ᾓ", "ᾜ": "ᾔ", "ᾝ": "ᾕ", "ᾞ": "ᾖ", "ᾟ": "ᾗ", "ᾨ": "ᾠ", "ᾩ": "ᾡ", "ᾪ": "ᾢ", "ᾫ": "ᾣ", "ᾬ": "ᾤ", "ᾭ": "ᾥ", "ᾮ": "ᾦ", "ᾯ": "ᾧ", "Ᾰ": "ᾰ", "Ᾱ": "ᾱ", "Ὰ": "ὰ", "ᾼ": "ᾳ", "Ὲ": "ὲ", "Ὴ": "ὴ", "ῌ": "ῃ", "Ῐ": "ῐ", "Ῑ": "ῑ", "Ὶ": "ὶ", "Ῠ": "ῠ", "Ῡ": "ῡ", "Ὺ": "ὺ", "Ῥ": "ῥ", "Ὸ": "ὸ", "Ὼ": "ὼ", "ῼ": "ῳ", "Ⅎ": "ⅎ", "Ↄ": "ↄ", "Ⰰ": "ⰰ", "Ⰱ": "ⰱ", "Ⰲ": "ⰲ", "Ⰳ": "ⰳ", "Ⰴ": "ⰴ", "Ⰵ": "ⰵ", "Ⰶ": "ⰶ", "Ⰷ": "ⰷ", "Ⰸ": "ⰸ", "Ⰹ": "ⰹ", "Ⰺ": "ⰺ", "Ⰻ": "ⰻ", "Ⰼ": "ⰼ", "Ⰽ": "ⰽ", "Ⰾ": "ⰾ", "Ⰿ": "ⰿ", "Ⱀ": "ⱀ", "Ⱁ": "ⱁ", "Ⱂ": "ⱂ", "Ⱃ": "ⱃ", "Ⱄ": "ⱄ", "Ⱅ": "ⱅ", "Ⱆ": "ⱆ", "Ⱇ": "ⱇ", "Ⱈ": "ⱈ", "Ⱉ": "ⱉ", "Ⱊ": "ⱊ", "Ⱋ": "ⱋ", "Ⱌ": "ⱌ", "Ⱍ": "ⱍ", "Ⱎ": "ⱎ", "Ⱏ": "ⱏ", "Ⱐ": "ⱐ", "Ⱑ": "ⱑ", "Ⱒ": "ⱒ", "Ⱓ": "ⱓ", "Ⱔ": "ⱔ", "Ⱕ": "ⱕ", "Ⱖ": "ⱖ", "Ⱗ": "ⱗ", "Ⱘ": "ⱘ", "Ⱙ": "ⱙ", "Ⱚ": "ⱚ", "Ⱛ": "ⱛ", "Ⱜ": "ⱜ", "Ⱝ": "ⱝ", "Ⱞ": "ⱞ", "Ⱟ": "ⱟ", "Ⱡ": "ⱡ", "Ɫ": "ɫ", "Ᵽ": "ᵽ", "Ɽ": "ɽ", "Ⱨ": "ⱨ", "Ⱪ": "ⱪ", "Ⱬ": "ⱬ", "Ɑ": "ɑ", "Ɱ": "ɱ", "Ɐ": "ɐ", "Ɒ": "ɒ", "Ⱳ": "ⱳ", "Ⱶ": "ⱶ", "Ȿ": "ȿ", "Ɀ": "ɀ", "Ⲁ": "ⲁ", "Ⲃ": "ⲃ", "Ⲅ": "ⲅ", "Ⲇ": "ⲇ", "Ⲉ": "ⲉ", "Ⲋ": "ⲋ", "Ⲍ": "ⲍ", "Ⲏ": "ⲏ", "Ⲑ": "ⲑ", "Ⲓ": "ⲓ", "Ⲕ": "ⲕ", "Ⲗ": "ⲗ", "Ⲙ": "ⲙ", "Ⲛ": "ⲛ", "Ⲝ": "ⲝ", "Ⲟ": "ⲟ", "Ⲡ": "ⲡ", "Ⲣ": "ⲣ", "Ⲥ": "ⲥ", "Ⲧ": "ⲧ", "Ⲩ": "ⲩ", "Ⲫ": "ⲫ", "Ⲭ": "ⲭ", "Ⲯ": "ⲯ", "Ⲱ": "ⲱ", "Ⲳ": "ⲳ", "Ⲵ": "ⲵ", "Ⲷ": "ⲷ", "Ⲹ": "ⲹ", "Ⲻ": "ⲻ", "Ⲽ": "ⲽ", "Ⲿ": "ⲿ", "Ⳁ": "ⳁ", "Ⳃ": "ⳃ", "Ⳅ": "ⳅ", "Ⳇ": "ⳇ", "Ⳉ": "ⳉ", "Ⳋ": "ⳋ", "Ⳍ": "ⳍ", "Ⳏ": "ⳏ", "Ⳑ": "ⳑ", "Ⳓ": "ⳓ", "Ⳕ": "ⳕ", "Ⳗ": "ⳗ", "Ⳙ": "ⳙ", "Ⳛ": "ⳛ", "Ⳝ": "ⳝ", "Ⳟ": "ⳟ", "Ⳡ": "ⳡ", "Ⳣ": "ⳣ", "Ⳬ": "ⳬ", "Ⳮ": "ⳮ", "Ⳳ": "ⳳ", "㑯": "㑔", "㑳": "㑇", "㑶": "㐹", "㓨": "刾", "㗲": "𠵾", "㘚": "㘎", "㜄": "㚯", "㜏": "㛣", "㜢": "𡞱", "㠏": "㟆", "㠣": "𫵷", "㥮": "㤘", "㩜": "㨫", "㩳": "㧐", "㩵": "擜", "㺏": "𤠋", "䁪": "𥇢", "䁻": "䀥", "䃮": "鿎", "䊷": "䌶", "䋙": "䌺", "䋚": "䌻", "䋹": "䌿", "䋻": "䌾", "䍦": "䍠", "䎱": "䎬", "䓣": "𬜯", "䙡": "䙌", "䜀": "䜧", "䝼": "䞍", "䡵": "𫟦", "䥇": "䦂", "䥑": "鿏", "䥕": "𬭯", "䥱": "䥾", "䦛": "䦶", "䦟": "䦷", "䧢": "𨸟", "䮄": "𫠊", "䯀": "䯅", "䰾": "鲃", "䱷": "䲣", "䱽": "䲝", "䲁": "鳚", "䲘": "鳤", "䴉": "鹮", "丟": "丢", "並": "并", "乾": "干", "亂": "乱", "亙": "亘", "亞": "亚", "佇": "伫", "佈": "布", "佔": "占", "併": "并", "來": "来", "侖": "仑", "侶": "侣", "侷": "局", "俁": "俣", "係": "系", "俔": "伣", "俠": "侠", "俥": "伡", "俬": "私", "倀": "伥", "倆": "俩", "倈": "俫", "倉": "仓", "個": "个", "們": "们", "倖": "幸", "倫": "伦", "倲": "㑈", "偉": "伟", "偑": "㐽", "側": "侧", "偵": "侦", "偽": "伪", "傌": "㐷", "傑": "杰", "傖": "伧", "傘": "伞", "備": "备", "傢": "家", "傭": "佣", "傯": "偬", "傳": "传", "傴": "伛", "債": "债", "傷": "伤", "傾": "倾", "僂": "偻", "僅": "仅", "僉": "佥", "僑": "侨", "僕": "仆", "僞": "伪", "僤": "𫢸", "僥": "侥", "僨": "偾", "僱": "雇", "價": "价", "儀": "仪", "儁": "俊", "儂": "侬", "億": "亿", "儈": "侩", "儉": "俭", "儎": "傤", "儐": "傧", "儔": "俦", "儕": "侪", "儘": "尽", "償": "偿", "優": "优", "儲": "储", "儷": "俪", "儸": "㑩", "儺": "傩", "儻": "傥", "儼": "俨", "兇": "凶", "兌": "兑", "兒": "儿", "兗": "兖", "內": "内", "兩": "两", "冊": "册", "冑": "胄", "冪": "幂", "凈": "净", "凍": "冻", "凜": "凛", "凱": "凯", "別": "别", "刪": "删", "剄": "刭", "則": "则", "剋": "克", "剎": "刹", "剗": "刬", "剛": "刚", "剝": "剥", "剮": "剐", "剴": "剀", "創": "创", "剷": "铲", "劃": "划", "劄": "札", "劇": "剧", "劉": "刘", "劊": "刽", "劌": "刿", "劍": "剑", "劏": "㓥", "劑": "剂", "劚": "㔉", "勁": "劲", "動": "动", "務": "务", "勛": "勋", "勝": "胜", "勞": "劳", "勢": "势", "勣": "𪟝", "勩": "勚", "勱": "劢", "勳": "勋", "勵": "励", "勸": "劝", "勻": "匀", "匭": "匦", "匯": "汇", "匱": "匮", "區": "区", "協": "协", "卹": "恤", "卻": "却", "卽": "即", "厙": "厍", "厠": "厕", "厤": "历", "厭": "厌", "厲": "厉", "厴": "厣", "參": "参", "叄": "叁", "叢": "丛", "吒": "咤", "吳": "吴", "吶": "呐", "呂": "吕", "咼": "呙", "員": "员", "唄": "呗", "唸": "念", "問": "问", "啓": "启", "啞": "哑", "啟": "启", "啢": "唡", "喎": "㖞", "喚": "唤", "喪": "丧", "喫": "吃", "喬": "乔", "單": "单", "喲": "哟", "嗆": "呛", "嗇": "啬", "嗊": "唝", "嗎": "吗", "嗚": "呜", "嗩": "唢", "嗰": "𠮶", "嗶": "哔", "嘆": "叹", "嘍": "喽", "嘓": "啯", "嘔": "呕", "嘖": "啧", "嘗": "尝", "嘜": "唛", "嘩": "哗", "嘮": "唠", "嘯": "啸", "嘰": "叽", "嘵": "哓", "嘸": "呒", "嘽": "啴", "噁": "恶", "噓": "嘘", "噚": "㖊", "噝": "咝", "噠": "哒", "噥": "哝", "噦": "哕", "噯": "嗳", "噲": "哙", "噴": "喷", "噸": "吨", "噹": "当", "嚀": "咛", "嚇": "吓", "嚌": "哜", "嚐": "尝", "嚕": "噜", "嚙": "啮", "嚥": "咽", "嚦": "呖", "嚧": "𠰷", "嚨": "咙", "嚮": "向", "嚲": "亸", "嚳": "喾", "嚴": "严", "嚶": "嘤", "囀": "啭", "囁": "嗫", "囂": "嚣", "囅": "冁", "囈": "呓", "囉": "啰", "囌": "苏", "囑": "嘱", "囪": "囱", "圇": "囵", "國": "国", "圍": "围", "園": "园", "圓": "圆", "圖": "图", "團": "团", "垻": "坝", "埡": "垭", "埨": "𫭢", "埰": "采", "執": "执", "堅": "坚", "堊": "垩", "堖": "垴", "堝": "埚", "堯": "尧", "報": "报", "場": "场", "塊": "块", "塋": "茔", "塏": "垲", "塒": "埘", "塗": "涂", "塚": "冢", "塢": "坞", "塤": "埙", "塵": "尘", "塸": "𫭟", "塹": "堑", "塿": "𪣻", "墊": "垫", "墜": "坠", "墠": "𫮃", "墮": "堕", "墰": "坛", "墳": "坟", "墶": "垯", "墻": "墙", "墾": "垦", "壇": "坛", "壋": "垱", "壎": "埙", "壓": "压", "壗": "𡋤", "壘": "垒", "壙": "圹", "壚": "垆", "壜": "坛", "壞": "坏", "壟": "垄", "壠": "垅", "壢": "坜", "壩": "坝", "壪": "塆", "壯": "壮", "壺": "壶", "壼": "壸", "壽": "寿", "夠": "够", "夢": "梦", "夥": "伙", "夾": "夹", "奐": "奂", "奧": "奥", "奩": "奁", "奪": "夺", "奬": "奖", "奮": "奋", "奼": "姹", "妝": "妆", "姍": "姗", "姦": "奸", "娙": "𫰛", "娛": "娱", "婁": "娄", "婦": "妇", "婭": "娅", "媧": "娲", "媯": "妫", "媰": "㛀", "媼": "媪", "媽": "妈", "嫋": "袅", "嫗": "妪", "嫵": "妩", "嫺": "娴", "嫻": "娴", "嫿": "婳", "嬀": "妫", "嬃": "媭", "嬈": "娆", "嬋": "婵", "嬌": "娇", "嬙": "嫱", "嬡": "嫒", "嬤": "嬷", "嬪": "嫔", "嬰": "婴", "嬸": "婶", "孃": "娘", "孋": "㛤", "孌": "娈", "孫": "孙", "學": "学", "孻": "𡥧", "孿": "孪", "宮": "宫", "寀": "采", "寢": "寝", "實": "实", "寧": "宁", "審": "审", "寫": "写", "寬": "宽", "寵": "宠", "寶": "宝", "將": "将", "專": "专", "尋": "寻", "對": "对", "導": "导", "尷": "尴", "屆": "届", "屍": "尸", "屓": "屃", "屜": "屉", "屢": "屡", "層": "层", "屨": "屦", "屬": "属", "岡": "冈", "峯": "峰", "峴": "岘", "島": "岛", "峽": "峡", "崍": "崃", "崑": "昆", "崗": "岗", "崙": "仑", "崢": "峥", "崬": "岽", "嵐": "岚", "嵗": "岁", "嵽": "𫶇", "嵾": "㟥", "嶁": "嵝", "嶄": "崭", "嶇": "岖", "嶔": "嵚", "嶗": "崂", "嶠": "峤", "嶢": "峣", "嶧": "峄", "嶨": "峃", "嶮": "崄", "嶸": "嵘", "嶺": "岭", "嶼": "屿", "嶽": "岳", "巋": "岿", "巒": "峦", "巔": "巅", "巖": "岩", "巘": "𪩘", "巰": "巯", "巹": "卺", "帥": "帅", "師": "师", "帳": "帐", "帶": "带", "幀": "帧", "幃": "帏", "幓": "㡎", "幗": "帼", "幘": "帻", "幟": "帜", "幣": "币", "幫": "帮", "幬": "帱", "幷": "并", "幹": "干", "幾": "几", "庫": "库", "廁": "厕", "廂": "厢", "廄": "厩", "廈": "厦", "廎": "庼", "廕": "荫", "廚": "厨", "廝": "厮", "廞": "𫷷", "廟": "庙", "廠": "厂", "廡": "庑", "廢": "废", "廣": "广", "廩": "廪", "廬": "庐", "廳": "厅", "弒": "弑", "弔": "吊", "弳": "弪", "張": "张", "強": "强", "彄": "𫸩", "彆": "别", "彈": "弹", "彌": "弥", "彎": "弯", "彔": "录", "彙": "汇", "彠": "彟", "彥": "彦", "彫": "雕", "彲": "彨", "彿": "佛", "後": "后", "徑": "径", "從": "从", "徠": "徕", "復": "复", "徵": "征", "徹": "彻", "恆": "恒", "恥": "耻", "悅": "悦", "悞": "悮", "悵": "怅", "悶": "闷", "悽": "凄", "惡": "恶", "惱": "恼", "惲": "恽", "惻": "恻", "愛": "爱", "愜": "惬", "愨": "悫", "愴": "怆", "愷": "恺", "愾": "忾", "慄": "栗", "態": "态", "慍": "愠", "慘": "惨", "慚": "惭", "慟": "恸", "慣": "惯", "慤": "悫", "慪": "怄", "慫": "怂", "慮": "虑", "慳": "悭", "慶": "庆", "慺": "㥪", "慼": "戚", "慾": "欲", "憂": "忧", "憊": "惫", "憐": "怜", "憑": "凭", "憒": "愦", "憖": "慭", "憚": "惮", "憤": "愤", "憫": "悯", "憮": "怃", "憲": "宪", "憶": "忆", "懇": "恳", "應": "应", "懌": "怿", "懍": "懔", "懞": "蒙", "懟": "怼", "懣": "懑", "懤": "㤽", "懨": "恹", "懲": "惩", "懶": "懒", "懷": "怀", "懸": "悬", "懺": "忏", "懼": "惧", "懾": "慑", "戀": "恋", "戇": "戆", "戔": "戋", "戧": "戗", "戩": "戬", "戰": "战", "戱": "戯", "戲": "戏", "戶": "户", "扞": "捍", "拋": "抛", "拚": "拼", "挩": "捝", "挱": "挲", "挾": "挟", "捨": "舍", "捫": "扪", "捱": "挨", "捲": "卷", "掃": "扫", "掄": "抡", "掆": "㧏", "掗": "挜", "掙": "挣", "掛": "挂", "採": "采", "揀": "拣", "揚": "扬", "換": "换", "揮": "挥", "揯": "搄", "損": "损", "搖": "摇", "搗": "捣", "搧": "扇", "搵": "揾", "搶": "抢", "摑": "掴", "摜": "掼", "摟": "搂", "摯": "挚", "摳": "抠", "摶": "抟", "摺": "折", "摻": "掺", "撈": "捞", "撏": "挦", "撐": "撑", "撓": "挠", "撝": "㧑", "撟": "挢", "撣": "掸", "撥": "拨", "撫": "抚", "撲": "扑", "撳": "揿", "撻": "挞", "撾": "挝", "撿": "捡", "擁": "拥", "擄": "掳", "擇": "择", "擊": "击", "擋": "挡", "擓": "㧟", "擔": "担", "據": "据", "擠": "挤", "擡": "抬", "擣": "捣", "擬": "拟", "擯": "摈", "擰": "拧", "擱": "搁", "擲": "掷", "擴": "扩", "擷": "撷", "擺": "摆", "擻": "擞", "擼": "撸", "擽": "㧰", "擾": "扰", "攄": "摅", "攆": "撵", "攏": "拢", "攔": "拦", "攖": "撄", "攙": "搀", "攛": "撺", "攜": "携", "攝": "摄", "攢": "攒", "攣": "挛", "攤": "摊", "攪": "搅", "攬": "揽", "敎": "教", "敓": "敚", "敗": "败", "敘": "叙", "敵": "敌", "數": "数", "斂": "敛", "斃": "毙", "斆": "敩", "斕": "斓", "斬": "斩", "斷": "断", "於": "于", "旂": "旗", "旣": "既", "昇": "升", "時": "时", "晉": "晋", "晛": "𬀪", "晝": "昼", "暈": "晕", "暉": "晖", "暐": "𬀩", "暘": "旸", "暢": "畅", "暫": "暂", "曄": "晔", "曆": "历", "曇": "昙", "曉": "晓", "曏": "向", "曖": "暧", "曠": "旷", "曥": "𣆐", "曨": "昽", "曬": "晒", "書": "书", "會": "会", "朥": "𦛨", "朧": "胧", "朮": "术", "東": "东", "枴": "拐", "柵": "栅", "柺": "拐", "査": "查", "桱": "𣐕", "桿": "杆", "梔": "栀", "梘": "枧", "梜": "𬂩", "條": "条", "梟": "枭", "梲": "棁", "棄": "弃", "棊": "棋", "棖": "枨", "棗": "枣", "棟": "栋", "棡": "㭎", "棧": "栈", "棲": "栖", "棶": "梾", "椏": "桠", "椲": "㭏", "楊": "杨", "楓": "枫", "楨": "桢", "業": "业", "極": "极", "榘": "矩", "榦": "干", "榪": "杩", "榮": "荣", "榲": "榅", "榿": "桤", "構": "构", "槍": "枪", "槓": "杠", "槤": "梿", "槧": "椠", "槨": "椁", "槮": "椮", "槳": "桨", "槶": "椢", "槼": "椝", "樁": "桩", "樂": "乐", "樅": "枞", "樑": "梁", "樓": "楼", "標": "标", "樞": "枢", "樢": "㭤", "樣": "样", "樧": "榝", "樫": "㭴", "樳": "桪", "樸": "朴", "樹": "树", "樺": "桦", "樿": "椫", "橈": "桡", "橋": "桥", "機": "机", "橢": "椭", "橫": "横", "橯": "𣓿", "檁": "檩", "檉": "柽", "檔": "档", "檜": "桧", "檟": "槚", "檢": "检", "檣": "樯", "檮": "梼", "檯": "台", "檳": "槟", "檸": "柠", "檻": "槛", "櫃": "柜", "櫍": "𬃊", "櫓": "橹", "櫚": "榈", "櫛": "栉", "櫝": "椟", "櫞": "橼", "櫟": "栎", "櫥": "橱", "櫧": "槠", "櫨": "栌", "櫪": "枥", "櫫": "橥", "櫬": "榇", "櫱": "蘖", "櫳": "栊", "櫸": "榉", "櫻": "樱", "欄": "栏", "欅": "榉", "權": "权", "欏": "椤", "欒": "栾", "欓": "𣗋", "欖": "榄", "欞": "棂", "欽": "钦", "歎": "叹", "歐": "欧", "歟": "欤", "歡": "欢", "歲": "岁", "歷": "历", "歸": "归", "歿": "殁", "殘": "残", "殞": "殒", "殤": "殇", "殨": "㱮", "殫": "殚", "殭": "僵", "殮": "殓", "殯": "殡", "殰": "㱩", "殲": "歼", "殺": "杀", "殻": "壳", "殼": "壳", "毀": "毁", "毆": "殴", "毿": "毵", "氂": "牦", "氈": "毡", "氌": "氇", "氣": "气", "氫": "氢", "氬": "氩", "氳": "氲", "氾": "泛", "汎": "泛", "汙": "污", "決": "决", "沒": "没", "沖": "冲", "況": "况", "泝": "溯", "洩": "泄", "洶": "汹", "浹": "浃", "浿": "𬇙", "涇": "泾", "涗": "涚", "涼": "凉", "淒": "凄", "淚": "泪", "淥": "渌", "淨": "净", "淩": "凌", "淪": "沦", "淵": "渊", "淶": "涞", "淺": "浅", "渙": "涣", "減": "减", "渢": "沨", "渦": "涡", "測": "测", "渾": "浑", "湊": "凑", "湋": "𣲗", "湞": "浈", "湧": "涌", "湯": "汤", "溈": "沩", "準": "准", "溝": "沟", "溫": "温", "溮": "浉", "溳": "涢", "溼": "湿", "滄": "沧", "滅": "灭", "滌": "涤", "滎": "荥", "滙": "汇", "滬": "沪", "滯": "滞", "滲": "渗", "滷": "卤", "滸": "浒", "滻": "浐", "滾": "滚", "滿": "满", "漁": "渔", "漊": "溇", "漍": "𬇹", "漚": "沤", "漢": "汉", "漣": "涟", "漬": "渍", "漲": "涨", "漵": "溆", "漸": "渐", "漿": "浆", "潁": "颍", "潑": "泼", "潔": "洁", "潕": "𣲘", "潙": "沩", "潚": "㴋", "潛": "潜", "潤": "润", "潯": "浔", "潰": "溃", "潷": "滗", "潿": "涠", "澀": "涩", "澆": "浇", "澇": "涝", "澐": "沄", "澗": "涧", "澠": "渑", "澤": "泽", "澦": "滪", "澩": "泶", "澫": "𬇕", "澮": "浍", "澱": "淀", "澾": "㳠", "濁": "浊", "濃": "浓", "濄": "㳡", "濆": "𣸣", "濕": "湿", "濘": "泞", "濚": "溁", "濛": "蒙", "濜": "浕", "濟": "济", "濤": "涛", "濧": "㳔", "濫": "滥", "濰": "潍", "濱": "滨", "濺": "溅", "濼": "泺", "濾": "滤", "瀂": "澛", "瀅": "滢", "瀆": "渎", "瀇": "㲿", "瀉": "泻", "瀋": "沈", "瀏": "浏", "瀕": "濒", "瀘": "泸", "瀝": "沥", "瀟": "潇", "瀠": "潆", "瀦": "潴", "瀧": "泷", "瀨": "濑", "瀰": "弥", "瀲": "潋", "瀾": "澜", "灃": "沣", "灄": "滠", "灑": "洒", "灒": "𪷽", "灕": "漓", "灘": "滩", "灙": "𣺼", "灝": "灏", "灡": "㳕", "灣": "湾", "灤": "滦", "灧": "滟", "灩": "滟", "災": "灾", "為": "为", "烏": "乌", "烴": "烃", "無": "无", "煉": "炼", "煒": "炜", "煙": "烟", "煢": "茕", "煥": "焕", "煩": "烦", "煬": "炀", "煱": "㶽", "熅": "煴", "熒": "荧", "熗": "炝", "熰": "𬉼", "熱": "热", "熲": "颎", "熾": "炽", "燀": "𬊤", "燁": "烨", "燈": "灯", "燉": "炖", "燒": "烧", "燖": "𬊈", "燙": "烫", "燜": "焖", "營": "营", "燦": "灿", "燬": "毁", "燭": "烛", "燴": "烩", "燶": "㶶", "燻": "熏", "燼": "烬", "燾": "焘", "爍": "烁", "爐": "炉", "爛": "烂", "爭": "争", "爲": "为", "爺": "爷", "爾": "尔", "牀": "床", "牆": "墙", "牘": "牍", "牴": "抵", "牽": "牵", "犖": "荦", "犛": "牦", "犢": "犊", "犧": "牺", "狀": "状", "狹": "狭", "狽": "狈", "猙": "狰", "猶": "犹", "猻": "狲", "獁": "犸", "獃": "呆", "獄": "狱", "獅": "狮", "獎": "奖", "獨": "独", "獪": "狯", "獫": "猃", "獮": "狝", "獰": "狞", "獱": "㺍", "獲": "获", "獵": "猎", "獷": "犷", "獸": "兽", "獺": "獭", "獻": "献", "獼": "猕", "玀": "猡", "現": "现", "琱": "雕", "琺": "珐", "琿": "珲", "瑋": "玮", "瑒": "玚", "瑣": "琐", "瑤": "瑶", "瑩": "莹", "瑪": "玛", "瑲": "玱", "璉": "琏", "璊": "𫞩", "璕": "𬍤", "璗": "𬍡", "璡": "琎", "璣": "玑", "璦": "瑷", "璫": "珰", "璯": "㻅", "環": "环", "璵": "玙", "璸": "瑸", "璽": "玺", "璿": "璇", "瓅": "𬍛", "瓊": "琼", "瓏": "珑", "瓔": "璎", "瓚": "瓒", "瓛": "𤩽", "甌": "瓯", "甕": "瓮", "產": "产", "産": "产", "畝": "亩", "畢": "毕", "畫": "画", "異": "异", "畵": "画", "當": "当", "疇": "畴", "疊": "叠", "痙": "痉", "痠": "酸", "痾": "疴", "瘂": "痖", "瘋": "疯", "瘍": "疡", "瘓": "痪", "瘞": "瘗", "瘡": "疮", "瘧": "疟", "瘮": "瘆", "瘲": "疭", "瘺": "瘘", "瘻": "瘘", "療": "疗", "癆": "痨", "癇": "痫", "癉": "瘅", "癒": "愈", "癘": "疠", "癟": "瘪", "癡": "痴", "癢": "痒", "癤": "疖", "癥": "症", "癧": "疬", "癩": "癞", "癬": "癣", "癭": "瘿", "癮": "瘾", "癰": "痈", "癱": "瘫", "癲": "癫", "發": "发", "皁": "皂", "皚": "皑", "皰": "疱", "皸": "皲", "皺": "皱", "盃": "杯", "盜": "盗", "盞": "盏", "盡": "尽", "監": "监", "盤": "盘", "盧": "卢", "盪": "荡", "眞": "真", "眥": "眦", "眾": "众", "睍": "𪾢", "睏": "困", "睜": "睁", "睞": "睐", "瞘": "眍", "瞜": "䁖", "瞞": "瞒", "瞶": "瞆", "瞼": "睑", "矇": "蒙", "矓": "眬", "矚": "瞩", "矯": "矫", "硃": "朱", "硜": "硁", "硤": "硖", "硨": "砗", "硯": "砚", "碕": "埼", "碩": "硕", "碭": "砀", "碸": "砜", "確": "确", "碼": "码", "碽": "䂵", "磑": "硙", "磚": "砖", "磠": "硵", "磣": "碜", "磧": "碛", "磯": "矶", "磽": "硗", "磾": "䃅", "礄": "硚", "礎": "础", "礐": "𬒈", "礙": "碍", "礦": "矿", "礪": "砺", "礫": "砾", "礬": "矾", "礱": "砻", "祕": "秘", "祿": "禄", "禍": "祸", "禎": "祯", "禕": "祎", "禡": "祃", "禦": "御", "禪": "禅", "禮": "礼", "禰": "祢", "禱": "祷", "禿": "秃", "秈": "籼", "稅": "税", "稈": "秆", "稏": "䅉", "稜": "棱", "稟": "禀", "種": "种", "稱": "称", "穀": "谷", "穇": "䅟", "穌": "稣", "積": "积", "穎": "颖", "穠": "秾", "穡": "穑", "穢": "秽", "穩": "稳", "穫": "获", "穭": "穞", "窩": "窝", "窪": "洼", "窮": "穷", "窯": "窑", "窵": "窎", "窶": "窭", "窺": "窥", "竄": "窜", "竅": "窍", "竇": "窦", "竈": "灶", "竊": "窃", "竪": "竖", "競": "竞", "筆": "笔", "筍": "笋", "筧": "笕", "筴": "䇲", "箇": "个", "箋": "笺", "箏": "筝", "箚": "札", "節": "节", "範": "范", "築": "筑", "篋": "箧", "篔": "筼", "篠": "筿", "篢": "𬕂", "篤": "笃", "篩": "筛", "篳": "筚", "篸": "𥮾", "簀": "箦", "簍": "篓", "簑": "蓑", "簞": "箪", "簡": "简", "簣": "篑", "簫": "箫", "簹": "筜", "簽": "签", "簾": "帘", "籃": "篮", "籅": "𥫣", "籌": "筹", "籔": "䉤", "籙": "箓", "籛": "篯", "籜": "箨", "籟": "籁", "籠": "笼", "籤": "签", "籩": "笾", "籪": "簖", "籬": "篱", "籮": "箩", "籲": "吁", "粵": "粤", "糉": "粽", "糝": "糁", "糞": "粪", "糧": "粮", "糰": "团", "糲": "粝", "糴": "籴", "糶": "粜", "糹": "纟", "糾": "纠", "紀": "纪", "紂": "纣", "紃": "𬘓", "約": "约", "紅": "红", "紆": "纡", "紇": "纥", "紈": "纨", "紉": "纫", "紋": "纹", "納": "纳", "紐": "纽", "紓": "纾", "純": "纯", "紕": "纰", "紖": "纼", "紗": "纱", "紘": "纮", "紙": "纸", "級": "级", "紛": "纷", "紜": "纭", "紝": "纴", "紞": "𬘘", "紡": "纺", "紬": "䌷", "紮": "扎", "細": "细", "紱": "绂", "紲": "绁", "紳": "绅", "紵": "纻", "紹": "绍", "紺": "绀", "紼": "绋", "紿": "绐", "絀": "绌", "終": "终", "絃": "弦", "組": "组", "絅": "䌹", "絆": "绊", "絎": "绗", "結": "结", "絕": "绝", "絛": "绦", "絝": "绔", "絞": "绞", "絡": "络", "絢": "绚", "給": "给", "絨": "绒", "絪": "𬘡", "絰": "绖", "統": "统", "絲": "丝", "絳": "绛", "絶": "绝", "絹": "绢", "絺": "𫄨", "綁": "绑", "綃": "绡", "綄": "𬘫", "綆": "绠", "綈": "绨", "綉": "绣", "綌": "绤", "綎": "𬘩", "綏": "绥", "綐": "䌼", "綑": "捆", "經": "经", "綖": "𫄧", "綜": "综", "綝": "𬘭", "綞": "缍", "綠": "绿", "綡": "𫟅", "綢": "绸", "綣": "绻", "綧": "𬘯", "綪": "𬘬", "綫": "线", "綬": "绶", "維": "维", "綯": "绹", "綰": "绾", "綱": "纲", "網": "网", "綳": "绷", "綴": "缀", "綵": "彩", "綸": "纶", "綹": "绺", "綺": "绮", "綻": "绽", "綽": "绰", "綾": "绫", "綿": "绵", "緄": "绲", "緇": "缁", "緊": "紧", "緋": "绯", "緑": "绿", "緒": "绪", "緓": "绬", "緔": "绱", "緗": "缃", "緘": "缄", "緙": "缂", "線": "线", "緝": "缉", "緞": "缎", "締": "缔", "緡": "缗", "緣": "缘", "緦": "缌", "編": "编", "緩": "缓", "緬": "缅", "緯": "纬", "緱": "缑", "緲": "缈", "練": "练", "緶": "缏", "緹": "缇", "緻": "致", "緼": "缊", "縈": "萦", "縉": "缙", "縊": "缢", "縋": "缒", "縐": "绉", "縑": "缣", "縕": "缊", "縗": "缞", "縛": "缚", "縝": "缜", "縞": "缟", "縟": "缛", "縣": "县", "縧": "绦", "縫": "缝", "縭": "缡", "縮": "缩", "縯": "𬙂", "縱": "纵", "縲": "缧", "縳": "䌸", "縴": "纤", "縵": "缦", "縶": "絷", "縷": "缕", "縹": "缥", "總": "总", "績": "绩", "繃": "绷", "繅": "缫", "繆": "缪", "繒": "缯", "織": "织", "繕": "缮", "繚": "缭", "繞": "绕", "繡": "绣", "繢": "缋", "繩": "绳", "繪": "绘", "繫": "系", "繭": "茧", "繮": "缰", "繯": "缳", "繰": "缲", "繳": "缴", "繶": "𫄷", "繸": "䍁", "繹": "绎", "繻": "𦈡", "繼": "继", "繽": "缤", "繾": "缱", "繿": "䍀", "纁": "𫄸", "纆": "𬙊", "纇": "颣", "纈": "缬", "纊": "纩", "續": "续", "纍": "累", "纏": "缠", "纓": "缨", "纔": "才", "纕": "𬙋", "纖": "纤", "纘": "缵", "纜": "缆", "缽": "钵", "罃": "䓨", "罈": "坛", "罌": "罂", "罎": "坛", "罰": "罚", "罵": "骂", "罷": "罢", "羅": "罗", "羆": "罴", "羈": "羁", "羋": "芈", "羣": "群", "羥": "羟", "羨": "羡", "義": "义", "羶": "膻", "習": "习", "翫": "玩", "翬": "翚", "翹": "翘", "翽": "翙", "耬": "耧", "耮": "耢", "聖": "圣", "聞": "闻", "聯": "联", "聰": "聪", "聲": "声", "聳": "耸", "聵": "聩", "聶": "聂", "職": "职", "聹": "聍", "聽": "听", "聾": "聋", "肅": "肃", "脅": "胁", "脈": "脉", "脛": "胫", "脣": "唇", "脩": "修", "脫": "脱", "脹": "胀", "腎": "肾", "腖": "胨", "腡": "脶", "腦": "脑", "腫": "肿", "腳": "脚", "腸": "肠", "膃": "腽", "膕": "腘", "膚": "肤", "膞": "䏝", "膠": "胶", "膢": "𦝼", "膩": "腻", "膽": "胆", "膾": "脍", "膿": "脓", "臉": "脸", "臍": "脐", "臏": "膑", "臘": "腊", "臚": "胪", "臟": "脏", "臠": "脔", "臢": "臜", "臥": "卧", "臨": "临", "臺": "台", "與": "与", "興": "兴", "舉": "举", "舊": "旧", "舖": "铺", "舘": "馆", "艙": "舱", "艤": "舣", "艦": "舰", "艫": "舻", "艱": "艰", "艷": "艳", "芻": "刍", "苧": "苎", "茲": "兹", "荊": "荆", "莊": "庄", "莖": "茎", "莢": "荚", "莧": "苋", "華": "华", "菴": "庵", "菸": "烟", "萇": "苌", "萊": "莱", "萬": "万", "萴": "荝", "萵": "莴", "葉": "叶", "葒": "荭", "葤": "荮", "葦": "苇", "葯": "药", "葷": "荤", "蒍": "𫇭", "蒐": "搜", "蒓": "莼", "蒔": "莳", "蒕": "蒀", "蒞": "莅", "蒼": "苍", "蓀": "荪", "蓆": "席", "蓋": "盖", "蓮": "莲", "蓯": "苁", "蓴": "莼", "蓽": "荜", "蔄": "𬜬", "蔔": "卜", "蔘": "参", "蔞": "蒌", "蔣": "蒋", "蔥": "葱", "蔦": "茑", "蔭": "荫", "蔯": "𫈟", "蔿": "𫇭", "蕁": "荨", "蕆": "蒇", "蕎": "荞", "蕒": "荬", "蕓": "芸", "蕕": "莸", "蕘": "荛", "蕢": "蒉", "蕩": "荡", "蕪": "芜", "蕭": "萧", "蕷": "蓣", "薀": "蕰", "薈": "荟", "薊": "蓟", "薌": "芗", "薑": "姜", "薔": "蔷", "薘": "荙", "薟": "莶", "薦": "荐", "薩": "萨", "薳": "䓕", "薴": "苎", "薵": "䓓", "薹": "苔", "薺": "荠", "藍": "蓝", "藎": "荩", "藝": "艺", "藥": "药", "藪": "薮", "藭": "䓖", "藴": "蕴", "藶": "苈", "藹": "蔼", "藺": "蔺", "蘀": "萚", "蘄": "蕲", "蘆": "芦", "蘇": "苏", "蘊": "蕴", "蘋": "苹", "蘚": "藓", "蘞": "蔹", "蘟": "𦻕", "蘢": "茏", "蘭": "兰", "蘺": "蓠", "蘿": "萝", "虆": "蔂", "虉": "𬟁", "處": "处", "虛": "虚", "虜": "虏", "號": "号", "虧": "亏", "虯": "虬", "蛺": "蛱", "蛻": "蜕", "蜆": "蚬", "蝀": "𬟽", "蝕": "蚀", "蝟": "猬", "蝦": "虾", "蝨": "虱", "蝸": "蜗", "螄": "蛳", "螞": "蚂", "螢": "萤", "螮": "䗖", "螻": "蝼", "螿": "螀", "蟄": "蛰", "蟈": "蝈", "蟎": "螨", "蟣": "虮", "蟬": "蝉", "蟯": "蛲", "蟲": "虫", "蟳": "𫊻", "蟶": "蛏", "蟻": "蚁", "蠁": "蚃", "蠅": "蝇", "蠆": "虿", "蠍": "蝎", "蠐": "蛴", "蠑": "蝾", "蠔": "蚝", "蠟": "蜡", "蠣": "蛎", "蠨": "蟏", "蠱": "蛊", "蠶": "蚕", "蠻": "蛮", "衆": "众", "衊": "蔑", "術": "术", "衕": "同", "衚": "胡", "衛": "卫", "衝": "冲", "袞": "衮", "袷": "夹", "裊": "袅", "裏": "里", "補": "补", "裝": "装", "裡": "里", "製": "制", "複": "复", "褌": "裈", "褘": "袆", "褲": "裤", "褳": "裢", "褸": "褛", "褻": "亵", "襀": "𫌀", "襇": "裥", "襉": "裥", "襏": "袯", "襖": "袄", "襝": "裣", "襠": "裆", "襤": "褴", "襪": "袜", "襬": "摆", "襯": "衬", "襲": "袭", "襴": "襕", "覈": "核", "見": "见", "覎": "觃", "規": "规", "覓": "觅", "視": "视", "覘": "觇", "覡": "觋", "覥": "觍", "覦": "觎", "親": "亲", "覬": "觊", "覯": "觏", "覲": "觐", "覷": "觑", "覺": "觉", "覽": "览", "覿": "觌", "觀": "观", "觴": "觞", "觶": "觯", "觸": "触", "訁": "讠", "訂": "订", "訃": "讣", "計": "计", "訊": "讯", "訌": "讧", "討": "讨", "訏": "𬣙", "訐": "讦", "訒": "讱", "訓": "训", "訕": "讪", "訖": "讫", "託": "托", "記": "记", "訛": "讹", "訝": "讶", "訟": "讼", "訢": "䜣", "訣": "诀", "訥": "讷", "訩": "讻", "訪": "访", "設": "设", "許": "许", "訴": "诉", "訶": "诃", "診": "诊", "註": "注", "証": "证", "詀": "𧮪", "詁": "诂", "詆": "诋", "詎": "讵", "詐": "诈", "詒": "诒", "詔": "诏", "評": "评", "詖": "诐", "詗": "诇", "詘": "诎", "詛": "诅", "詝": "𬣞", "詞": "词", "詠": "咏", "詡": "诩", "詢": "询", "詣": "诣", "試": "试", "詩": "诗", "詪": "𬣳", "詫": "诧", "詬": "诟", "詭": "诡", "詮": "诠", "詰": "诘", "話": "话", "該": "该", "詳": "详", "詵": "诜", "詷": "𫍣", "詼": "诙", "詿": "诖", "誄": "诔", "誅": "诛", "誆": "诓", "誇": "夸", "誌": "志", "認": "认", "誑": "诳", "誒": "诶", "誕": "诞", "誘": "诱", "誚": "诮", "語": "语", "誠": "诚", "誡": "诫", "誣": "诬", "誤": "误", "誥": "诰", "誦": "诵", "誨": "诲", "說": "说", "説": "说", "誰": "谁", "課": "课", "誶": "谇", "誹": "诽", "誼": "谊", "誾": "訚", "調": "调", "諂": "谄", "諄": "谆", "談": "谈", "諉": "诿", "請": "请", "諍": "诤", "諏": "诹", "諑": "诼", "諒": "谅", "諓": "𬣡", "論": "论", "諗": "谂", "諛": "谀", "諜": "谍", "諝": "谞", "諞": "谝", "諟": "𬤊", "諡": "谥", "諢": "诨", "諤": "谔", "諦": "谛", "諧": "谐", "諫": "谏", "諭": "谕", "諮": "咨", "諱": "讳", "諲": "𬤇", "諳": "谙", "諴": "𫍯", "諶": "谌", "諷": "讽", "諸": "诸", "諺": "谚", "諼": "谖", "諾": "诺", "謀": "谋", "謁": "谒", "謂": "谓", "謄": "誊", "謅": "诌", "謊": "谎", "謎": "谜", "謏": "𫍲", "謐": "谧", "謔": "谑", "謖": "谡", "謗": "谤", "謙": "谦", "謚": "谥", "講": "讲", "謝": "谢", "謠": "谣", "謡": "谣", "謨": "谟", "謫": "谪", "謬": "谬", "謭": "谫", "謳": "讴", "謹": "谨", "謾": "谩", "譁": "哗", "證": "证", "譎": "谲", "譏": "讥", "譓": "𬤝", "譖": "谮", "識": "识", "譙": "谯", "譚": "谭", "譜": "谱", "譞": "𫍽", "譟": "噪", "譫": "谵", "譭": "毁", "譯": "译", "議": "议", "譴": "谴", "護": "护", "譸": "诪", "譽": "誉", "譾": "谫", "讀": "读", "讅": "谉", "變": "变", "讋": "詟", "讌": "䜩", "讎": "雠", "讒": "谗", "讓": "让", "讕": "谰", "讖": "谶", "讚": "赞", "讜": "谠", "讞": "谳", "谿": "溪", "豈": "岂", "豎": "竖", "豐": "丰", "豔": "艳", "豬": "猪", "豶": "豮", "貍": "狸", "貓": "猫", "貙": "䝙", "貝": "贝", "貞": "贞", "貟": "贠", "負": "负", "財": "财", "貢": "贡", "貧": "贫", "貨": "货", "販": "贩", "貪": "贪", "貫": "贯", "責": "责", "貯": "贮", "貰": "贳", "貲": "赀", "貳": "贰", "貴": "贵", "貶": "贬", "買": "买", "貸": "贷", "貺": "贶", "費": "费", "貼": "贴", "貽": "贻", "貿": "贸", "賀": "贺", "賁": "贲", "賂": "赂", "賃": "赁", "賄": "贿", "賅": "赅", "資": "资", "賈": "贾", "賊": "贼", "賑": "赈", "賒": "赊", "賓": "宾", "賕": "赇", "賙": "赒", "賚": "赉", "賜": "赐", "賞": "赏", "賠": "赔", "賡": "赓", "賢": "贤", "賣": "卖", "賤": "贱", "賦": "赋", "賧": "赕", "質": "质", "賫": "赍", "賬": "账", "賭": "赌", "賰": "䞐", "賴": "赖", "賵": "赗", "賺": "赚", "賻": "赙", "購": "购", "賽": "赛", "賾": "赜", "贄": "贽", "贅": "赘", "贇": "赟", "贈": "赠", "贊": "赞", "贋": "赝", "贍": "赡", "贏": "赢", "贐": "赆", "贓": "赃", "贔": "赑", "贖": "赎", "贗": "赝", "贛": "赣", "贜": "赃", "赬": "赪", "趕": "赶", "趙": "赵", "趨": "趋", "趲": "趱", "跡": "迹", "踐": "践", "踰": "逾", "踴": "踊", "蹌": "跄", "蹕": "跸", "蹟": "迹", "蹠": "跖", "蹣": "蹒", "蹤": "踪", "蹺": "跷", "躂": "跶", "躉": "趸", "躊": "踌", "躋": "跻", "躍": "跃", "躎": "䟢", "躑": "踯", "躒": "跞", "躓": "踬", "躕": "蹰", "躚": "跹", "躡": "蹑", "躥": "蹿", "躦": "躜", "躪": "躏", "軀": "躯", "車": "车", "軋": "轧", "軌": "轨", "軍": "军", "軏": "𫐄", "軑": "轪", "軒": "轩", "軔": "轫", "軛": "轭", "軝": "𬨂", "軟": "软", "軤": "轷", "軫": "轸", "軲": "轱", "軸": "轴", "軹": "轵", "軺": "轺", "軻": "轲", "軼": "轶", "軾": "轼", "較": "较", "輄": "𨐈", "輅": "辂", "輇": "辁", "輈": "辀", "載": "载", "輊": "轾", "輋": "𪨶", "輒": "辄", "輓": "挽", "輔": "辅", "輕": "轻", "輗": "𫐐", "輛": "辆", "輜": "辎", "輝": "辉", "輞": "辋", "輟": "辍", "輥": "辊", "輦": "辇", "輩": "辈", "輪": "轮", "輬": "辌", "輮": "𫐓", "輯": "辑", "輳": "辏", "輶": "𬨎", "輸": "输", "輻": "辐", "輼": "辒", "輾": "辗", "輿": "舆", "轀": "辒", "轂": "毂", "轄": "辖", "轅": "辕", "轆": "辘", "轉": "转", "轍": "辙", "轎": "轿", "轔": "辚", "轟": "轰", "轡": "辔", "轢": "轹", "轤": "轳", "辦": "办", "辭": "辞", "辮": "辫", "辯": "辩", "農": "农", "迴": "回", "逕": "径", "這": "这", "連": "连", "週": "周", "進": "进", "遊": "游", "運": "运", "過": "过", "達": "达", "違": "违", "遙": "遥", "遜": "逊", "遞": "递", "遠": "远", "遡": "溯", "適": "适", "遲": "迟", "遶": "绕", "遷": "迁", "選": "选", "遺": "遗", "遼": "辽", "邁": "迈", "還": "还", "邇": "迩", "邊": "边", "邏": "逻", "邐": "逦", "郟": "郏", "郵": "邮", "鄆": "郓", "鄉": "乡", "鄒": "邹", "鄔": "邬", "鄖": "郧", "鄧": "邓", "鄩": "𬩽", "鄭": "郑", "鄰": "邻", "鄲": "郸", "鄳": "𫑡", "鄴": "邺", "鄶": "郐", "鄺": "邝", "酇": "酂", "酈": "郦", "醃": "腌", "醖": "酝", "醜": "丑", "醞": "酝", "醟": "蒏", "醣": "糖", "醫": "医", "醬": "酱", "醱": "酦", "醲": "𬪩", "釀": "酿", "釁": "衅", "釃": "酾", "釅": "酽", "釋": "释", "釐": "厘", "釒": "钅", "釓": "钆", "釔": "钇", "釕": "钌", "釗": "钊", "釘": "钉", "釙": "钋", "針": "针", "釣": "钓", "釤": "钐", "釦": "扣", "釧": "钏", "釩": "钒", "釴": "𬬩", "釵": "钗", "釷": "钍", "釹": "钕", "釺": "钎", "釾": "䥺", "釿": "𬬱", "鈀": "钯", "鈁": "钫", "鈃": "钘", "鈄": "钭", "鈅": "钥", "鈇": "𫓧", "鈈": "钚", "鈉": "钠", "鈍": "钝", "鈎": "钩", "鈐": "钤", "鈑": "钣", "鈒": "钑", "鈔": "钞", "鈕": "钮", "鈞": "钧", "鈡": "钟", "鈣": "钙", "鈥": "钬", "鈦": "钛", "鈧": "钪", "鈮": "铌", "鈰": "铈", "鈳": "钶", "鈴": "铃", "鈷": "钴", "鈸": "钹", "鈹": "铍", "鈺": "钰", "鈽": "钸", "鈾": "铀", "鈿": "钿", "鉀": "钾", "鉅": "巨", "鉆": "钻", "鉈": "铊", "鉉": "铉", "鉊": "𬬿", "鉋": "铇", "鉍": "铋", "鉑": "铂", "鉕": "钷", "鉗": "钳", "鉚": "铆", "鉛": "铅", "鉝": "𫟷", "鉞": "钺", "鉢": "钵", "鉤": "钩", "鉥": "𬬸", "鉦": "钲", "鉧": "𬭁", "鉬": "钼", "鉭": "钽", "鉮": "𬬹", "鉳": "锫", "鉶": "铏", "鉷": "𫟹", "鉸": "铰", "鉺": "铒", "鉻": "铬", "鉿": "铪", "銀": "银", "銃": "铳", "銅": "铜", "銈": "𫓯", "銍": "铚", "銑": "铣", "銓": "铨", "銖": "铢", "銘": "铭", "銚": "铫", "銛": "铦", "銜": "衔", "銠": "铑", "銣": "铷", "銥": "铱", "銦": "铟", "銨": "铵", "銩": "铥", "銪": "铕", "銫": "铯", "銬": "铐", "銱": "铞", "銳": "锐", "銶": "𨱇", "銷": "销", "銹": "锈", "銻": "锑", "銼": "锉", "鋁": "铝", "鋃": "锒", "鋅": "锌", "鋇": "钡", "鋌": "铤", "鋏": "铗", "鋐": "𬭎", "鋒": "锋", "鋗": "𫓶", "鋙": "铻", "鋝": "锊", "鋟": "锓", "鋣": "铘", "鋤": "锄", "鋥": "锃", "鋦": "锔", "鋨": "锇", "鋩": "铓", "鋪": "铺", "鋭": "锐", "鋮": "铖", "鋯": "锆", "鋰": "锂", "鋱": "铽", "鋶": "锍", "鋸": "锯", "鋹": "𬬮", "鋼": "钢", "錀": "𬬭", "錁": "锞", "錄": "录", "錆": "锖", "錇": "锫", "錈": "锩", "錏": "铔", "錐": "锥", "錒": "锕", "錕": "锟", "錘": "锤", "錙": "锱", "錚": "铮", "錛": "锛", "錞": "𬭚", "錟": "锬", "錠": "锭", "錡": "锜", "錢": "钱", "錤": "𫓹", "錦": "锦", "錨": "锚", "錩": "锠", "錫": "锡", "錮": "锢", "錯": "错", "録": "录", "錳": "锰", "錶": "表", "錸": "铼", "錼": "镎", "鍀": "锝", "鍁": "锨", "鍃": "锪", "鍅": "钫", "鍆": "钔", "鍇": "锴", "鍈": "锳", "鍊": "炼", "鍋": "锅", "鍍": "镀", "鍔": "锷", "鍘": "铡", "鍚": "钖", "鍛": "锻", "鍠": "锽", "鍤": "锸", "鍥": "锲", "鍩": "锘", "鍬": "锹", "鍭": "𬭤", "鍰": "锾", "鍵": "键", "鍶": "锶", "鍺": "锗", "鍼": "针", "鍾": "钟", "鎂": "镁", "鎄": "锿", "鎇": "镅", "鎊": "镑", "鎌": "镰", "鎓": "𬭩", "鎔": "镕", "鎖": "锁", "鎘": "镉", "鎚": "锤", "鎛": "镈", "鎝": "𨱏", "鎡": "镃", "鎢": "钨", "鎣": "蓥", "鎦": "镏", "鎧": "铠", "鎩": "铩", "鎪": "锼", "鎬": "镐", "鎭": "镇", "鎮": "镇", "鎰": "镒", "鎲": "镋", "鎳": "镍", "鎵": "镓", "鎶": "鿔", "鎸": "镌", "鎿": "镎", "鏃": "镞", "鏇": "旋", "鏈": "链", "鏌": "镆", "鏍": "镙", "鏏": "𬭬", "鏐": "镠", "鏑": "镝", "鏗": "铿", "鏘": "锵", "鏜": "镗", "鏝": "镘", "鏞": "镛", "鏟": "铲", "鏡": "镜", "鏢": "镖", "鏤": "镂", "鏨": "錾", "鏰": "镚", "鏵": "铧", "鏷": "镤", "鏹": "镪", "鏺": "䥽", "鏻": "𬭸", "鏽": "锈", "鐃": "铙", "鐄": "𨱑", "鐇": "𫔍", "鐋": "铴", "鐍": "𫔎", "鐏": "𨱔", "鐐": "镣", "鐒": "铹", "鐓": "镦", "鐔": "镡", "鐘": "钟", "鐙": "镫", "鐝": "镢", "鐠": "镨", "鐥": "䦅", "鐦": "锎", "鐧": "锏", "鐨": "镄", "鐩": "𬭼", "鐫": "镌", "鐮": "镰", "鐯": "䦃", "鐲": "镯", "鐳": "镭", "鐵": "铁", "鐶": "镮", "鐸": "铎", "鐺": "铛", "鐽": "𫟼", "鐿": "镱", "鑄": "铸", "鑊": "镬", "鑌": "镔", "鑑": "鉴", "鑒": "鉴", "鑔": "镲", "鑕": "锧", "鑞": "镴", "鑠": "铄", "鑣": "镳", "鑥": "镥", "鑪": "𬬻", "鑭": "镧", "鑰": "钥", "鑱": "镵", "鑲": "镶", "鑷": "镊", "鑹": "镩", "鑼": "锣", "鑽": "钻", "鑾": "銮", "鑿": "凿", "钁": "镢", "钂": "镋", "長": "长", "門": "门", "閂": "闩", "閃": "闪", "閆": "闫", "閈": "闬", "閉": "闭", "開": "开", "閌": "闶", "閎": "闳", "閏": "闰", "閑": "闲", "閒": "闲", "間": "间", "閔": "闵", "閘": "闸", "閡": "阂", "閣": "阁", "閤": "合", "閥": "阀", "閨": "闺", "閩": "闽", "閫": "阃", "閬": "阆", "閭": "闾", "閱": "阅", "閲": "阅", "閶": "阊", "閹": "阉", "閻": "阎", "閼": "阏", "閽": "阍", "閾": "阈", "閿": "阌", "闃": "阒", "闆": "板", "闇": "暗", "闈": "闱", "闉": "𬮱", "闊": "阔", "闋": "阕", "闌": "阑", "闍": "阇", "闐": "阗", "闑": "𫔶", "闒": "阘", "闓": "闿", "闔": "阖", "闕": "阙", "闖": "闯", "關": "关", "闞": "阚", "闠": "阓", "闡": "阐", "闢": "辟", "闤": "阛", "闥": "闼", "陘": "陉", "陝": "陕", "陞": "升", "陣": "阵", "陰": "阴", "陳": "陈", "陸": "陆", "陽": "阳", "隉": "陧", "隊": "队", "階": "阶", "隑": "𬮿", "隕": "陨", "際": "际", "隤": "𬯎", "隨": "随", "險": "险", "隮": "𬯀", "隯": "陦", "隱": "隐", "隴": "陇", "隸": "隶", "隻": "只", "雋": "隽", "雖": "虽", "雙": "双", "雛": "雏", "雜": "杂", "雞": "鸡", "離": "离", "難": "难", "雲": "云", "電": "电", "霑": "沾", "霢": "霡", "霧": "雾", "霽": "霁", "靂": "雳", "靄": "霭", "靆": "叇", "靈": "灵", "靉": "叆", "靚": "靓", "靜": "静", "靝": "靔", "靦": "腼", "靨": "靥", "鞏": "巩", "鞝": "绱", "鞦": "秋", "鞽": "鞒", "韁": "缰", "韃": "鞑", "韆": "千", "韉": "鞯", "韋": "韦", "韌": "韧", "韍": "韨", "韓": "韩", "韙": "韪", "韜": "韬", "韝": "鞲", "韞": "韫", "韻": "韵", "響": "响", "頁": "页", "頂": "顶", "頃": "顷", "項": "项", "順": "顺", "頇": "顸", "須": "须", "頊": "顼", "頌": "颂", "頍": "𫠆", "頎": "颀", "頏": "颃", "預": "预", "頑": "顽", "頒": "颁", "頓": "顿", "頔": "𬱖", "頗": "颇", "領": "领", "頜": "颌", "頠": "𬱟", "頡": "颉", "頤": "颐", "頦": "颏", "頫": "𫖯", "頭": "头", "頮": "颒", "頰": "颊", "頲": "颋", "頴": "颕", "頵": "𫖳", "頷": "颔", "頸": "颈", "頹": "颓", "頻": "频", "頽": "颓", "顆": "颗", "題": "题", "額": "额", "顎": "颚", "顏": "颜", "顒": "颙", "顓": "颛", "顔": "颜", "顗": "𫖮", "願": "愿", "顙": "颡", "顛": "颠", "類": "类", "顢": "颟", "顥": "颢", "顧": "顾", "顫": "颤", "顬": "颥", "顯": "显", "顰": "颦", "顱": "颅", "顳": "颞", "顴": "颧", "風": "风", "颭": "飐", "颮": "飑", "颯": "飒", "颱": "台", "颳": "刮", "颶": "飓", "颸": "飔", "颺": "飏", "颻": "飖", "颼": "飕", "飀": "飗", "飄": "飘", "飆": "飙", "飈": "飚", "飛": "飞", "飠": "饣", "飢": "饥", "飣": "饤", "飥": "饦", "飩": "饨", "飪": "饪", "飫": "饫", "飭": "饬", "飯": "饭", "飱": "飧", "飲": "饮", "飴": "饴", "飼": "饲", "飽": "饱", "飾": "饰", "飿": "饳", "餃": "饺", "餄": "饸", "餅": "饼", "餈": "糍", "餉": "饷", "養": "养", "餌": "饵", "餎": "饹", "餏": "饻", "餑": "饽", "餒": "馁", "餓": "饿", "餕": "馂", "餖": "饾", "餗": "𫗧", "餘": "余", "餚": "肴", "餛": "馄", "餜": "馃", "餞": "饯", "餡": "馅", "館": "馆", "餬": "糊", "餱": "糇", "餳": "饧", "餵": "喂", "餶": "馉", "餷": "馇", "餸": "𩠌", "餺": "馎", "餼": "饩", "餾": "馏", "餿": "馊", "饁": "馌", "饃": "馍", "饅": "馒", "饈": "馐", "饉": "馑", "饊": "馓", "饋": "馈", "饌": "馔", "饑": "饥", "饒": "饶", "饗": "飨", "饘": "𫗴", "饜": "餍", "饞": "馋", "饢": "馕", "馬": "马", "馭": "驭", "馮": "冯", "馱": "驮", "馳": "驰", "馴": "驯", "馹": "驲", "馼": "𫘜", "駁": "驳", "駃": "𫘝", "駉": "𬳶", "駐": "驻", "駑": "驽", "駒": "驹", "駓": "𬳵", "駔": "驵", "駕": "驾", "駘": "骀", "駙": "驸", "駛": "驶", "駝": "驼", "駟": "驷", "駡": "骂", "駢": "骈", "駪": "𬳽", "駭": "骇", "駰": "骃", "駱": "骆", "駸": "骎", "駼": "𬳿", "駿": "骏", "騁": "骋", "騂": "骍", "騄": "𫘧", "騅": "骓", "騊": "𫘦", "騌": "骔", "騍": "骒", "騎": "骑", "騏": "骐", "騑": "𬴂", "騖": "骛", "騙": "骗", "騞": "𬴃", "騠": "𫘨", "騤": "骙", "騧": "䯄", "騫": "骞", "騭": "骘", "騮": "骝", "騰": "腾", "騱": "𫘬", "騵": "𫘪", "騶": "驺", "騷": "骚", "騸": "骟", "騾": "骡", "驀": "蓦", "驁": "骜", "驂": "骖", "驃": "骠", "驄": "骢", "驅": "驱", "驊": "骅", "驌": "骕", "驍": "骁", "驎": "𬴊", "驏": "骣", "驕": "骄", "驗": "验", "驚": "惊", "驛": "驿", "驟": "骤", "驢": "驴", "驤": "骧", "驥": "骥", "驦": "骦", "驪": "骊", "驫": "骉", "骯": "肮", "髏": "髅", "髒": "脏", "體": "体", "髕": "髌", "髖": "髋", "髮": "发", "鬆": "松", "鬍": "胡", "鬚": "须", "鬢": "鬓", "鬥": "斗", "鬧": "闹", "鬨": "哄", "鬩": "阋", "鬮": "阄", "鬱": "郁", "鬹": "鬶", "魎": "魉", "魘": "魇", "魚": "鱼", "魛": "鱽", "魟": "𫚉", "魢": "鱾", "魨": "鲀", "魯": "鲁", "魴": "鲂", "魷": "鱿", "魺": "鲄", "鮀": "𬶍", "鮁": "鲅", "鮃": "鲆", "鮆": "𫚖", "鮈": "𬶋", "鮊": "鲌", "鮋": "鲉", "鮍": "鲏", "鮎": "鲇", "鮐": "鲐", "鮑": "鲍", "鮒": "鲋", "鮓": "鲊", "鮚": "鲒", "鮜": "鲘", "鮝": "鲞", "鮞": "鲕", "鮟": "𩽾", "鮠": "𬶏", "鮡": "𬶐", "鮣": "䲟", "鮦": "鲖", "鮪": "鲔", "鮫": "鲛", "鮭": "鲑", "鮮": "鲜", "鮳": "鲓", "鮶": "鲪", "鮸": "𩾃", "鮺": "鲝", "鯀": "鲧", "鯁": "鲠", "鯇": "鲩", "鯉": "鲤", "鯊": "鲨", "鯒": "鲬", "鯔": "鲻", "鯕": "鲯", "鯖": "鲭", "鯗": "鲞", "鯛": "鲷", "鯝": "鲴", "鯡": "鲱", "鯢": "鲵", "鯤": "鲲", "鯧": "鲳", "鯨": "鲸", "鯪": "鲮", "鯫": "鲰", "鯰": "鲶", "鯴": "鲺", "鯷": "鳀", "鯻": "𬶟", "鯽": "鲫", "鯿": "鳊", "鰁": "鳈", "鰂": "鲗", "鰃": "鳂", "鰆": "䲠", "鰈": "鲽", "鰉": "鳇", "鰊": "𬶠", "鰌": "䲡", "鰍": "鳅", "鰏": "鲾", "鰐": "鳄", "鰒": "鳆", "鰓": "鳃", "鰛": "鳁", "鰜": "鳒", "鰟": "鳑", "鰠": "鳋", "鰣": "鲥", "鰤": "𫚕", "鰥": "鳏", "鰧": "䲢", "鰨": "鳎", "鰩": "鳐", "鰭": "鳍", "鰮": "鳁", "鰱": "鲢", "鰲": "鳌", "鰳": "鳓", "鰵": "鳘", "鰶": "𬶭", "鰷": "鲦", "鰹": "鲣", "鰺": "鲹", "鰻": "鳗", "鰼": "鳛", "鰾": "鳔", "鱀": "𬶨", "鱂": "鳉", "鱅": "鳙", "鱇": "𩾌", "鱈": "鳕", "鱉": "鳖", "鱒": "鳟", "鱔": "鳝", "鱖": "鳜", "鱗": "鳞", "鱘": "鲟", "鱚": "𬶮", "鱝": "鲼", "鱟": "鲎", "鱠": "鲙", "鱣": "鳣", "鱤": "鳡", "鱧": "鳢", "鱨": "鲿", "鱭": "鲚", "鱯": "鳠", "鱲": "𫚭", "鱷": "鳄", "鱸": "鲈", "鱺": "鲡", "鳥": "鸟", "鳧": "凫", "鳩": "鸠", "鳬": "凫", "鳲": "鸤", "鳳": "凤", "鳴": "鸣", "鳶": "鸢", "鳾": "䴓", "鴆": "鸩", "鴇": "鸨", "鴉": "鸦", "鴒": "鸰", "鴕": "鸵", "鴛": "鸳", "鴝": "鸲", "鴞": "鸮", "鴟": "鸱", "鴣": "鸪", "鴦": "鸯", "鴨": "鸭", "鴯": "鸸", "鴰": "鸹", "鴴": "鸻", "鴷": "䴕", "鴻": "鸿", "鴿": "鸽", "鵁": "䴔", "鵂": "鸺", "鵃": "鸼", "鵏": "𬷕", "鵐": "鹀", "鵑": "鹃", "鵒": "鹆", "鵓": "鹁", "鵜": "鹈", "鵝": "鹅", "鵟": "𫛭", "鵠": "鹄", "鵡": "鹉", "鵪": "鹌", "鵬": "鹏", "鵮": "鹐", "鵯": "鹎", "鵰": "雕", "鵲": "鹊", "鵷": "鹓", "鵾": "鹍", "鶄": "䴖", "鶇": "鸫", "鶉": "鹑", "鶊": "鹒", "鶓": "鹋", "鶖": "鹙", "鶘": "鹕", "鶚": "鹗", "鶠": "𬸘", "鶡": "鹖", "鶥": "鹛", "鶩": "鹜", "鶪": "䴗", "鶬": "鸧", "鶯": "莺", "鶱": "𬸣", "鶲": "鹟", "鶴": "鹤", "鶹": "鹠", "鶺": "鹡", "鶻": "鹘", "鶼": "鹣", "鶿": "鹚", "鷀": "鹚", "鷁": "鹢", "鷂": "鹞", "鷄": "鸡", "鷉": "䴘", "鷊": "鹝", "鷓": "鹧", "鷖": "鹥", "鷗": "鸥", "鷙": "鸷", "鷚": "鹨", "鷟": "𬸦", "鷥": "鸶", "鷦": "鹪", "鷫": "鹔", "鷭": "𬸪", "鷯": "鹩", "鷲": "鹫", "鷳": "鹇", "鷴": "鹇", "鷸": "鹬", "鷹": "鹰", "鷺": "鹭", "鷽": "鸴", "鸂": "㶉", "鸇": "鹯", "鸊": "䴙", "鸌": "鹱", "鸏": "鹲", "鸑": "𬸚", "鸕": "鸬", "鸘": "鹴", "鸚": "鹦", "鸛": "鹳", "鸝": "鹂", "鸞": "鸾", "鹵": "卤", "鹹": "咸", "鹺": "鹾", "鹼": "碱", "鹽": "盐", "麗": "丽", "麥": "麦", "麩": "麸", "麪": "面", "麫": "面", "麬": "𤿲", "麯": "曲", "麳": "𪎌", "麴": "曲", "麵": "面", "麼": "么", "麽": "么", "黃": "黄", "黌": "黉", "點": "点", "黨": "党", "黲": "黪", "黴": "霉", "黶": "黡", "黷": "黩", "黽": "黾", "黿": "鼋", "鼂": "鼌", "鼉": "鼍", "鼕": "冬", "鼴": "鼹", "齊": "齐", "齋": "斋", "齎": "赍", "齏": "齑", "齒": "齿", "齔": "龀", "齕": "龁", "齗": "龂", "齘": "𬹼", "齙": "龅", "齜": "龇", "齟": "龃", "齠": "龆", "齡": "龄", "齣": "出", "齦": "龈", "齧": "啮", "齪": "龊", "齬": "龉", "齮": "𬺈", "齯": "𫠜", "齲": "龋", "齶": "腭", "齷": "龌", "齼": "𬺓", "龍": "龙", "龎": "厐", "龐": "庞", "龑": "䶮", "龔": "龚", "龕": "龛", "龜": "龟", "鿁": "䜤", "鿓": "鿒", "Ꙁ": "ꙁ", "Ꙃ": "ꙃ", "Ꙅ": "ꙅ", "Ꙇ": "ꙇ", "Ꙉ": "ꙉ", "Ꙋ": "ꙋ", "Ꙍ": "ꙍ", "Ꙏ": "ꙏ", "Ꙑ": "ꙑ", "Ꙓ": "ꙓ", "Ꙕ": "ꙕ", "Ꙗ": "ꙗ", "Ꙙ": "ꙙ", "Ꙛ": "ꙛ", "Ꙝ": "ꙝ", "Ꙟ": "ꙟ", "Ꙡ": "ꙡ", "Ꙣ": "ꙣ", "Ꙥ": "ꙥ", "Ꙧ": "ꙧ", "Ꙩ": "ꙩ", "Ꙫ": "ꙫ", "Ꙭ": "ꙭ", "Ꚁ": "ꚁ", "Ꚃ": "ꚃ", "Ꚅ": "ꚅ", "Ꚇ": "ꚇ", "Ꚉ": "ꚉ", "Ꚋ": "ꚋ", "Ꚍ": "ꚍ", "Ꚏ": "ꚏ", "Ꚑ": "ꚑ", "Ꚓ": "ꚓ", "Ꚕ": "ꚕ", "Ꚗ": "ꚗ", "Ꚙ": "ꚙ", "Ꚛ": "ꚛ", "Ꜣ": "ꜣ", "Ꜥ": "ꜥ", "Ꜧ": "ꜧ", "Ꜩ": "ꜩ", "Ꜫ": "ꜫ", "Ꜭ": "ꜭ", "Ꜯ": "ꜯ", "Ꜳ": "ꜳ", "Ꜵ": "ꜵ", "Ꜷ": "ꜷ", "Ꜹ": "ꜹ", "Ꜻ": "ꜻ", "Ꜽ": "ꜽ", "Ꜿ": "ꜿ", "Ꝁ": "ꝁ", "Ꝃ": "ꝃ", "Ꝅ": "ꝅ", "Ꝇ": "ꝇ", "Ꝉ": "ꝉ", "Ꝋ": "ꝋ", "Ꝍ": "ꝍ", "Ꝏ": "ꝏ", "Ꝑ": "ꝑ", "Ꝓ": "ꝓ", "Ꝕ": "ꝕ", "Ꝗ": "ꝗ", "Ꝙ": "ꝙ", "Ꝛ": "ꝛ", "Ꝝ": "ꝝ", "Ꝟ": "ꝟ", "Ꝡ": "ꝡ", "Ꝣ": "ꝣ", "Ꝥ": "ꝥ", "Ꝧ": "ꝧ", "Ꝩ": "ꝩ", "Ꝫ": "ꝫ", "Ꝭ": "ꝭ", "Ꝯ": "ꝯ", "Ꝺ": "ꝺ", "Ꝼ": "ꝼ", "Ᵹ": "ᵹ", "Ꝿ": "ꝿ", "Ꞁ": "ꞁ", "Ꞃ": "ꞃ", "Ꞅ": "ꞅ", "Ꞇ": "ꞇ", "Ꞌ": "ꞌ", "Ɥ": "ɥ", "Ꞑ": "ꞑ", "Ꞓ": "ꞓ", "Ꞗ": "ꞗ", "Ꞙ": "ꞙ", "Ꞛ": "ꞛ", "Ꞝ": "ꞝ", "Ꞟ": "ꞟ", "Ꞡ": "ꞡ", "Ꞣ": "ꞣ", "Ꞥ": "ꞥ", "Ꞧ": "ꞧ", "Ꞩ": "ꞩ", "Ɦ": "ɦ", "Ɜ": "ɜ", "Ɡ": "ɡ", "Ɬ": "ɬ", "Ɪ": "ɪ", "Ʞ": "ʞ", "Ʇ": "ʇ", "Ʝ": "ʝ", "Ꭓ": "ꭓ", "Ꞵ": "ꞵ", "Ꞷ": "ꞷ", "Ꞹ": "ꞹ", "Ꞻ": "ꞻ", "Ꞽ": "ꞽ", "Ꞿ": "ꞿ", "Ꟁ": "ꟁ", "Ꟃ": "ꟃ", "Ꞔ": "ꞔ", "Ʂ": "ʂ", "Ᶎ": "ᶎ", "Ꟈ": "ꟈ", "Ꟊ": "ꟊ", "Ꟑ": "ꟑ", "Ꟗ": "ꟗ", "Ꟙ": "ꟙ", "Ꟶ": "ꟶ", "𠁞": "𠀾", "𠗣": "㓆", "𡃕": "𠴛", "𡅏": "𠲥", "𡑍": "𫭼", "𡑭": "𡋗", "𡓾": "𡋀", "𡔖": "𡍣", "𡞵": "㛟", "𡠹": "㛿", "𡢃": "㛠", "𡮉": "𡭜", "𡮣": "𡭬", "𡳳": "𡳃", "𡻕": "岁", "𡾱": "㟜", "𢣚": "𢘝", "𢶫": "𢫞", "𢹿": "𢬦", "𣈶": "暅", "𣙎": "㭣", "𣞻": "𣘓", "𣠩": "𣞎", "𣠲": "𣑶", "𣯶": "毶", "𣾷": "㳢", "𤁣": "𣺽", "𤅶": "𣷷", "𤓩": "𤊰", "𤪺": "㻘", "𤫩": "㻏", "𤳸": "𤳄", "𥊝": "𥅿", "𥌃": "𥅘", "𥕥": "𥐰", "𥖅": "𥐯", "𥗽": "𬒗", "𥢢": "䅪", "𥸠": "𥮋", "𥼽": "𥹥", "𦘧": "𡳒", "𦣎": "𦟗", "𦪙": "䑽", "𧜗": "䘞", "𧜵": "䙊", "𧝞": "䘛", "𧟀": "𧝧", "𧩙": "䜥", "𧵳": "䞌", "𧶧": "䞎", "𨊰": "䢀", "𨊸": "䢁", "𨋢": "䢂", "𨤻": "𨤰", "𨦫": "䦀", "𨧀": "𬭊", "𨧜": "䦁", "𨨏": "𬭛", "𨭆": "𬭶", "𨭎": "𬭳", "𨯅": "䥿", "𩞯": "䭪", "𩠴": "𩠠", "𩣑": "䯃", "𩶘": "䲞", "𰻞": "𰻝"}'::jsonb;
CREATE FUNCTION public.fw_fold_short(x text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$
    SELECT CASE WHEN x ~ '[ABCDEFGHIJKLMNOPQRSTUVWXYZÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮĴĶĹĻĽŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽƁƂƄƆƇƉƊƋƎƏƐƑƓƔƖƗƘƜƝƟƠƢƤƦƧƩƬƮƯƱƲƳƵƷƸƼǍǏǑǓǕǗǙǛǞǠǢǤǦǨǪǬǮǴǶǷǸǺǼǾȀȂȄȆȈȊȌȎȐȒȔȖȘȚȜȞȠȢȤȦȨȪȬȮȰȲȺȻȽȾɁɃɄɅɆɈɊɌɎͰͲͶͿΆΈΉΊΌΎΏΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩΪΫϏϘϚϜϞϠϢϤϦϨϪϬϮϷϺϽϾϿЀЁЂЃЄЅІЇЈЉЊЋЌЍЎЏАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯѠѢѤѦѨѪѬѮѰѲѴѶѸѺѼѾҀҊҌҎҐҒҔҖҘҚҜҞҠҢҤҦҨҪҬҮҰҲҴҶҸҺҼҾӀӁӃӅӇӉӋӍӐӒӔӖӘӚӜӞӠӢӤӦӨӪӬӮӰӲӴӶӸӺӼӾԀԂԄԆԈԊԌԎԐԒԔԖԘԚԜԞԠԢԤԦԨԪԬԮԱԲԳԴԵԶԷԸԹԺԻԼԽԾԿՀՁՂՃՄՅՆՇՈՉՊՋՌՍՎՏՐՑՒՓՔՕՖႠႡႢႣႤႥႦႧႨႩႪႫႬႭႮႯႰႱႲႳႴႵႶႷႸႹႺႻႼႽႾႿჀჁჂჃჄჅჇჍᎠᎡᎢᎣᎤᎥᎦᎧᎨᎩᎪᎫᎬᎭᎮᎯᎰᎱᎲᎳᎴᎵᎶᎷᎸᎹᎺᎻᎼᎽᎾᎿᏀᏁᏂᏃᏄᏅᏆᏇᏈᏉᏊᏋᏌᏍᏎᏏᏐᏑᏒᏓᏔᏕᏖᏗᏘᏙᏚᏛᏜᏝᏞᏟᏠᏡᏢᏣᏤᏥᏦᏧᏨᏩᏪᏫᏬᏭᏮᏯᏰᏱᏲᏳᏴᏵᲐᲑᲒᲓᲔᲕᲖᲗᲘᲙᲚᲛᲜᲝᲞᲟᲠᲡᲢᲣᲤᲥᲦᲧᲨᲩᲪᲫᲬᲭᲮᲯᲰᲱᲲᲳᲴᲵᲶᲷᲸᲹᲺᲽᲾᲿḀḂḄḆḈḊḌḎḐḒḔḖḘḚḜḞḠḢḤḦḨḪḬḮḰḲḴḶḸḺḼḾṀṂṄṆṈṊṌṎṐṒṔṖṘṚṜṞṠṢṤṦṨṪṬṮṰṲṴṶṸṺṼṾẀẂẄẆẈẊẌẎẐẒẔẞẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸỺỼỾἈἉἊἋἌἍἎἏἘἙἚἛἜἝἨἩἪἫἬἭἮἯἸἹἺἻἼἽἾἿὈὉὊὋὌὍὙὛὝὟὨὩὪὫὬὭὮὯᾈᾉᾊᾋᾌᾍᾎᾏᾘᾙᾚᾛᾜᾝᾞᾟᾨᾩᾪᾫᾬᾭᾮᾯᾸᾹᾺᾼῈῊῌῘῙῚῨῩῪῬῸῺῼℲↃⰀⰁⰂⰃⰄⰅⰆⰇⰈⰉⰊⰋⰌⰍⰎⰏⰐⰑⰒⰓⰔⰕⰖⰗⰘⰙⰚⰛⰜⰝⰞⰟⰠⰡⰢⰣⰤⰥⰦⰧⰨⰩⰪⰫⰬⰭⰮⰯⱠⱢⱣⱤⱧⱩⱫⱭⱮⱯⱰⱲⱵⱾⱿⲀⲂⲄⲆⲈⲊⲌⲎⲐⲒⲔⲖⲘⲚⲜⲞⲠⲢⲤⲦⲨⲪⲬⲮⲰⲲⲴⲶⲸⲺⲼⲾⳀⳂⳄⳆⳈⳊⳌⳎⳐⳒⳔⳖⳘⳚⳜⳞⳠⳢⳫⳭⳲ㑯㑳㑶㓨㗲㘚㜄㜏㜢㠏㠣㥮㩜㩳㩵㺏䁪䁻䃮䊷䋙䋚䋹䋻䍦䎱䓣䙡䜀䝼䡵䥇䥑䥕䥱䦛䦟䧢䮄䯀䰾䱷䱽䲁䲘䴉丟並乾亂亙亞佇佈佔併來侖侶侷俁係俔俠俥俬倀倆倈倉個們倖倫倲偉偑側偵偽傌傑傖傘備傢傭傯傳傴債傷傾僂僅僉僑僕僞僤僥僨僱價儀儁儂億儈儉儎儐儔儕儘償優儲儷儸儺儻儼兇兌兒兗內兩冊冑冪凈凍凜凱別刪剄則剋剎剗剛剝剮剴創剷劃劄劇劉劊劌劍劏劑劚勁動務勛勝勞勢勣勩勱勳勵勸勻匭匯匱區協卹卻卽厙厠厤厭厲厴參叄叢吒吳吶呂咼員唄唸問啓啞啟啢喎喚喪喫喬單喲嗆嗇嗊嗎嗚嗩嗰嗶嘆嘍嘓嘔嘖嘗嘜嘩嘮嘯嘰嘵嘸嘽噁噓噚噝噠噥噦噯噲噴噸噹嚀嚇嚌嚐嚕嚙嚥嚦嚧嚨嚮嚲嚳嚴嚶囀囁囂囅囈囉囌囑囪圇國圍園圓圖團垻埡埨埰執堅堊堖堝堯報場塊塋塏塒塗塚塢塤塵塸塹塿墊墜墠墮墰墳墶墻墾壇壋壎壓壗壘壙壚壜壞壟壠壢壩壪壯壺壼壽夠夢夥夾奐奧奩奪奬奮奼妝姍姦娙娛婁婦婭媧媯媰媼媽嫋嫗嫵嫺嫻嫿嬀嬃嬈嬋嬌嬙嬡嬤嬪嬰嬸孃孋孌孫學孻孿宮寀寢實寧審寫寬寵寶將專尋對導尷屆屍屓屜屢層屨屬岡峯峴島峽崍崑崗崙崢崬嵐嵗嵽嵾嶁嶄嶇嶔嶗嶠嶢嶧嶨嶮嶸嶺嶼嶽巋巒巔巖巘巰巹帥師帳帶幀幃幓幗幘幟幣幫幬幷幹幾庫廁廂廄廈廎廕廚廝廞廟廠廡廢廣廩廬廳弒弔弳張強彄彆彈彌彎彔彙彠彥彫彲彿後徑從徠復徵徹恆恥悅悞悵悶悽惡惱惲惻愛愜愨愴愷愾慄態慍慘慚慟慣慤慪慫慮慳慶慺慼慾憂憊憐憑憒憖憚憤憫憮憲憶懇應懌懍懞懟懣懤懨懲懶懷懸懺懼懾戀戇戔戧戩戰戱戲戶扞拋拚挩挱挾捨捫捱捲掃掄掆掗掙掛採揀揚換揮揯損搖搗搧搵搶摑摜摟摯摳摶摺摻撈撏撐撓撝撟撣撥撫撲撳撻撾撿擁擄擇擊擋擓擔據擠擡擣擬擯擰擱擲擴擷擺擻擼擽擾攄攆攏攔攖攙攛攜攝攢攣攤攪攬敎敓敗敘敵數斂斃斆斕斬斷於旂旣昇時晉晛晝暈暉暐暘暢暫曄曆曇曉曏曖曠曥曨曬書會朥朧朮東枴柵柺査桱桿梔梘梜條梟梲棄棊棖棗棟棡棧棲棶椏椲楊楓楨業極榘榦榪榮榲榿構槍槓槤槧槨槮槳槶槼樁樂樅樑樓標樞樢樣樧樫樳樸樹樺樿橈橋機橢橫橯檁檉檔檜檟檢檣檮檯檳檸檻櫃櫍櫓櫚櫛櫝櫞櫟櫥櫧櫨櫪櫫櫬櫱櫳櫸櫻欄欅權欏欒欓欖欞欽歎歐歟歡歲歷歸歿殘殞殤殨殫殭殮殯殰殲殺殻殼毀毆毿氂氈氌氣氫氬氳氾汎汙決沒沖況泝洩洶浹浿涇涗涼淒淚淥淨淩淪淵淶淺渙減渢渦測渾湊湋湞湧湯溈準溝溫溮溳溼滄滅滌滎滙滬滯滲滷滸滻滾滿漁漊漍漚漢漣漬漲漵漸漿潁潑潔潕潙潚潛潤潯潰潷潿澀澆澇澐澗澠澤澦澩澫澮澱澾濁濃濄濆濕濘濚濛濜濟濤濧濫濰濱濺濼濾瀂瀅瀆瀇瀉瀋瀏瀕瀘瀝瀟瀠瀦瀧瀨瀰瀲瀾灃灄灑灒灕灘灙灝灡灣灤灧灩災為烏烴無煉煒煙煢煥煩煬煱熅熒熗熰熱熲熾燀燁燈燉燒燖燙燜營燦燬燭燴燶燻燼燾爍爐爛爭爲爺爾牀牆牘牴牽犖犛犢犧狀狹狽猙猶猻獁獃獄獅獎獨獪獫獮獰獱獲獵獷獸獺獻獼玀現琱琺琿瑋瑒瑣瑤瑩瑪瑲璉璊璕璗璡璣璦璫璯環璵璸璽璿瓅瓊瓏瓔瓚瓛甌甕產産畝畢畫異畵當疇疊痙痠痾瘂瘋瘍瘓瘞瘡瘧瘮瘲瘺瘻療癆癇癉癒癘癟癡癢癤癥癧癩癬癭癮癰癱癲發皁皚皰皸皺盃盜盞盡監盤盧盪眞眥眾睍睏睜睞瞘瞜瞞瞶瞼矇矓矚矯硃硜硤硨硯碕碩碭碸確碼碽磑磚磠磣磧磯磽磾礄礎礐礙礦礪礫礬礱祕祿禍禎禕禡禦禪禮禰禱禿秈稅稈稏稜稟種稱穀穇穌積穎穠穡穢穩穫穭窩窪窮窯窵窶窺竄竅竇竈竊竪競筆筍筧筴箇箋箏箚節範築篋篔篠篢篤篩篳篸簀簍簑簞簡簣簫簹簽簾籃籅籌籔籙籛籜籟籠籤籩籪籬籮籲粵糉糝糞糧糰糲糴糶糹糾紀紂紃約紅紆紇紈紉紋納紐紓純紕紖紗紘紙級紛紜紝紞紡紬紮細紱紲紳紵紹紺紼紿絀終絃組絅絆絎結絕絛絝絞絡絢給絨絪絰統絲絳絶絹絺綁綃綄綆綈綉綌綎綏綐綑經綖綜綝綞綠綡綢綣綧綪綫綬維綯綰綱網綳綴綵綸綹綺綻綽綾綿緄緇緊緋緑緒緓緔緗緘緙線緝緞締緡緣緦編緩緬緯緱緲練緶緹緻緼縈縉縊縋縐縑縕縗縛縝縞縟縣縧縫縭縮縯縱縲縳縴縵縶縷縹總績繃繅繆繒織繕繚繞繡繢繩繪繫繭繮繯繰繳繶繸繹繻繼繽繾繿纁纆纇纈纊續纍纏纓纔纕纖纘纜缽罃罈罌罎罰罵罷羅羆羈羋羣羥羨義羶習翫翬翹翽耬耮聖聞聯聰聲聳聵聶職聹聽聾肅脅脈脛脣脩脫脹腎腖腡腦腫腳腸膃膕膚膞膠膢膩膽膾膿臉臍臏臘臚臟臠臢臥臨臺與興舉舊舖舘艙艤艦艫艱艷芻苧茲荊莊莖莢莧華菴菸萇萊萬萴萵葉葒葤葦葯葷蒍蒐蒓蒔蒕蒞蒼蓀蓆蓋蓮蓯蓴蓽蔄蔔蔘蔞蔣蔥蔦蔭蔯蔿蕁蕆蕎蕒蕓蕕蕘蕢蕩蕪蕭蕷薀薈薊薌薑薔薘薟薦薩薳薴薵薹薺藍藎藝藥藪藭藴藶藹藺蘀蘄蘆蘇蘊蘋蘚蘞蘟蘢蘭蘺蘿虆虉處虛虜號虧虯蛺蛻蜆蝀蝕蝟蝦蝨蝸螄螞螢螮螻螿蟄蟈蟎蟣蟬蟯蟲蟳蟶蟻蠁蠅蠆蠍蠐蠑蠔蠟蠣蠨蠱蠶蠻衆衊術衕衚衛衝袞袷裊裏補裝裡製複褌褘褲褳褸褻襀襇襉襏襖襝襠襤襪襬襯襲襴覈見覎規覓視覘覡覥覦親覬覯覲覷覺覽覿觀觴觶觸訁訂訃計訊訌討訏訐訒訓訕訖託記訛訝訟訢訣訥訩訪設許訴訶診註証詀詁詆詎詐詒詔評詖詗詘詛詝詞詠詡詢詣試詩詪詫詬詭詮詰話該詳詵詷詼詿誄誅誆誇誌認誑誒誕誘誚語誠誡誣誤誥誦誨說説誰課誶誹誼誾調諂諄談諉請諍諏諑諒諓論諗諛諜諝諞諟諡諢諤諦諧諫諭諮諱諲諳諴諶諷諸諺諼諾謀謁謂謄謅謊謎謏謐謔謖謗謙謚講謝謠謡謨謫謬謭謳謹謾譁證譎譏譓譖識譙譚譜譞譟譫譭譯議譴護譸譽譾讀讅變讋讌讎讒讓讕讖讚讜讞谿豈豎豐豔豬豶貍貓貙貝貞貟負財貢貧貨販貪貫責貯貰貲貳貴貶買貸貺費貼貽貿賀賁賂賃賄賅資賈賊賑賒賓賕賙賚賜賞賠賡賢賣賤賦賧質賫賬賭賰賴賵賺賻購賽賾贄贅贇贈贊贋贍贏贐贓贔贖贗贛贜赬趕趙趨趲跡踐踰踴蹌蹕蹟蹠蹣蹤蹺躂躉躊躋躍躎躑躒躓躕躚躡躥躦躪軀車軋軌軍軏軑軒軔軛軝軟軤軫軲軸軹軺軻軼軾較輄輅輇輈載輊輋輒輓輔輕輗輛輜輝輞輟輥輦輩輪輬輮輯輳輶輸輻輼輾輿轀轂轄轅轆轉轍轎轔轟轡轢轤辦辭辮辯農迴逕這連週進遊運過達違遙遜遞遠遡適遲遶遷選遺遼邁還邇邊邏邐郟郵鄆鄉鄒鄔鄖鄧鄩鄭鄰鄲鄳鄴鄶鄺酇酈醃醖醜醞醟醣醫醬醱醲釀釁釃釅釋釐釒釓釔釕釗釘釙針釣釤釦釧釩釴釵釷釹釺釾釿鈀鈁鈃鈄鈅鈇鈈鈉鈍鈎鈐鈑鈒鈔鈕鈞鈡鈣鈥鈦鈧鈮鈰鈳鈴鈷鈸鈹鈺鈽鈾鈿鉀鉅鉆鉈鉉鉊鉋鉍鉑鉕鉗鉚鉛鉝鉞鉢鉤鉥鉦鉧鉬鉭鉮鉳鉶鉷鉸鉺鉻鉿銀銃銅銈銍銑銓銖銘銚銛銜銠銣銥銦銨銩銪銫銬銱銳銶銷銹銻銼鋁鋃鋅鋇鋌鋏鋐鋒鋗鋙鋝鋟鋣鋤鋥鋦鋨鋩鋪鋭鋮鋯鋰鋱鋶鋸鋹鋼錀錁錄錆錇錈錏錐錒錕錘錙錚錛錞錟錠錡錢錤錦錨錩錫錮錯録錳錶錸錼鍀鍁鍃鍅鍆鍇鍈鍊鍋鍍鍔鍘鍚鍛鍠鍤鍥鍩鍬鍭鍰鍵鍶鍺鍼鍾鎂鎄鎇鎊鎌鎓鎔鎖鎘鎚鎛鎝鎡鎢鎣鎦鎧鎩鎪鎬鎭鎮鎰鎲鎳鎵鎶鎸鎿鏃鏇鏈鏌鏍鏏鏐鏑鏗鏘鏜鏝鏞鏟鏡鏢鏤鏨鏰鏵鏷鏹鏺鏻鏽鐃鐄鐇鐋鐍鐏鐐鐒鐓鐔鐘鐙鐝鐠鐥鐦鐧鐨鐩鐫鐮鐯鐲鐳鐵鐶鐸鐺鐽鐿鑄鑊鑌鑑鑒鑔鑕鑞鑠鑣鑥鑪鑭鑰鑱鑲鑷鑹鑼鑽鑾鑿钁钂長門閂閃閆閈閉開閌閎閏閑閒間閔閘閡閣閤閥閨閩閫閬閭閱閲閶閹閻閼閽閾閿闃闆闇闈闉闊闋闌闍闐闑闒闓闔闕闖關闞闠闡闢闤闥陘陝陞陣陰陳陸陽隉隊階隑隕際隤隨險隮隯隱隴隸隻雋雖雙雛雜雞離難雲電霑霢霧霽靂靄靆靈靉靚靜靝靦靨鞏鞝鞦鞽韁韃韆韉韋韌韍韓韙韜韝韞韻響頁頂頃項順頇須頊頌頍頎頏預頑頒頓頔頗領頜頠頡頤頦頫頭頮頰頲頴頵頷頸頹頻頽顆題額顎顏顒顓顔顗願顙顛類顢顥顧顫顬顯顰顱顳顴風颭颮颯颱颳颶颸颺颻颼飀飄飆飈飛飠飢飣飥飩飪飫飭飯飱飲飴飼飽飾飿餃餄餅餈餉養餌餎餏餑餒餓餕餖餗餘餚餛餜餞餡館餬餱餳餵餶餷餸餺餼餾餿饁饃饅饈饉饊饋饌饑饒饗饘饜饞饢馬馭馮馱馳馴馹馼駁駃駉駐駑駒駓駔駕駘駙駛駝駟駡駢駪駭駰駱駸駼駿騁騂騄騅騊騌騍騎騏騑騖騙騞騠騤騧騫騭騮騰騱騵騶騷騸騾驀驁驂驃驄驅驊驌驍驎驏驕驗驚驛驟驢驤驥驦驪驫骯髏髒體髕髖髮鬆鬍鬚鬢鬥鬧鬨鬩鬮鬱鬹魎魘魚魛魟魢魨魯魴魷魺鮀鮁鮃鮆鮈鮊鮋鮍鮎鮐鮑鮒鮓鮚鮜鮝鮞鮟鮠鮡鮣鮦鮪鮫鮭鮮鮳鮶鮸鮺鯀鯁鯇鯉鯊鯒鯔鯕鯖鯗鯛鯝鯡鯢鯤鯧鯨鯪鯫鯰鯴鯷鯻鯽鯿鰁鰂鰃鰆鰈鰉鰊鰌鰍鰏鰐鰒鰓鰛鰜鰟鰠鰣鰤鰥鰧鰨鰩鰭鰮鰱鰲鰳鰵鰶鰷鰹鰺鰻鰼鰾鱀鱂鱅鱇鱈鱉鱒鱔鱖鱗鱘鱚鱝鱟鱠鱣鱤鱧鱨鱭鱯鱲鱷鱸鱺鳥鳧鳩鳬鳲鳳鳴鳶鳾鴆鴇鴉鴒鴕鴛鴝鴞鴟鴣鴦鴨鴯鴰鴴鴷鴻鴿鵁鵂鵃鵏鵐鵑鵒鵓鵜鵝鵟鵠鵡鵪鵬鵮鵯鵰鵲鵷鵾鶄鶇鶉鶊鶓鶖鶘鶚鶠鶡鶥鶩鶪鶬鶯鶱鶲鶴鶹鶺鶻鶼鶿鷀鷁鷂鷄鷉鷊鷓鷖鷗鷙鷚鷟鷥鷦鷫鷭鷯鷲鷳鷴鷸鷹鷺鷽鸂鸇鸊鸌鸏鸑鸕鸘鸚鸛鸝鸞鹵鹹鹺鹼鹽麗麥麩麪麫麬麯麳麴麵麼麽黃黌點黨黲黴黶黷黽黿鼂鼉鼕鼴齊齋齎齏齒齔齕齗齘齙齜齟齠齡齣齦齧齪齬齮齯齲齶齷齼龍龎龐龑龔龕龜鿁鿓ꙀꙂꙄꙆꙈꙊꙌꙎꙐꙒꙔꙖꙘꙚꙜꙞꙠꙢꙤꙦꙨꙪꙬꚀꚂꚄꚆꚈꚊꚌꚎꚐꚒꚔꚖꚘꚚꜢꜤꜦꜨꜪꜬꜮꜲꜴꜶꜸꜺꜼꜾꝀꝂꝄꝆꝈꝊꝌꝎꝐꝒꝔꝖꝘꝚꝜꝞꝠꝢꝤꝦꝨꝪꝬꝮꝹꝻꝽꝾꞀꞂꞄꞆꞋꞍꞐꞒꞖꞘꞚꞜꞞꞠꞢꞤꞦꞨꞪꞫꞬꞭꞮꞰꞱꞲꞳꞴꞶꞸꞺꞼꞾꟀꟂꟄꟅꟆꟇꟉꟐꟖꟘꟵ𠁞𠗣𡃕𡅏𡑍𡑭𡓾𡔖𡞵𡠹𡢃𡮉𡮣𡳳𡻕𡾱𢣚𢶫𢹿𣈶𣙎𣞻𣠩𣠲𣯶𣾷𤁣𤅶𤓩𤪺𤫩𤳸𥊝𥌃𥕥𥖅𥗽𥢢𥸠𥼽𦘧𦣎𦪙𧜗𧜵𧝞𧟀𧩙𧵳𧶧𨊰𨊸𨋢𨤻𨦫𨧀𨧜𨨏𨭆𨭎𨯅𩞯𩠴𩣑𩶘𰻞]' THEN (
        SELECT translate(x, string_agg(found.ch, ''),
                         string_agg(substr('abcdefghijklmnopqrstuvwxyzàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþāăąćĉċčďđēĕėęěĝğġģĥħĩīĭįĵķĺļľłńņňŋōŏőœŕŗřśŝşšţťŧũūŭůűųŵŷÿźżžɓƃƅɔƈɖɗƌǝəɛƒɠɣɩɨƙɯɲɵơƣƥʀƨʃƭʈưʊʋƴƶʒƹƽǎǐǒǔǖǘǚǜǟǡǣǥǧǩǫǭǯǵƕƿǹǻǽǿȁȃȅȇȉȋȍȏȑȓȕȗșțȝȟƞȣȥȧȩȫȭȯȱȳⱥȼƚⱦɂƀʉʌɇɉɋɍɏͱͳͷϳάέήίόύώαβγδεζηθικλμνξοπρστυφχψωϊϋϗϙϛϝϟϡϣϥϧϩϫϭϯϸϻͻͼͽѐёђѓєѕіїјљњћќѝўџабвгдежзийклмнопрстуфхцчшщъыьэюяѡѣѥѧѩѫѭѯѱѳѵѷѹѻѽѿҁҋҍҏґғҕҗҙқҝҟҡңҥҧҩҫҭүұҳҵҷҹһҽҿӏӂӄӆӈӊӌӎӑӓӕӗәӛӝӟӡӣӥӧөӫӭӯӱӳӵӷӹӻӽӿԁԃԅԇԉԋԍԏԑԓԕԗԙԛԝԟԡԣԥԧԩԫԭԯաբգդեզէըթժիլխծկհձղճմյնշոչպջռսվտրցւփքօֆⴀⴁⴂⴃⴄⴅⴆⴇⴈⴉⴊⴋⴌⴍⴎⴏⴐⴑⴒⴓⴔⴕⴖⴗⴘⴙⴚⴛⴜⴝⴞⴟⴠⴡⴢⴣⴤⴥⴧⴭꭰꭱꭲꭳꭴꭵꭶꭷꭸꭹꭺꭻꭼꭽꭾꭿꮀꮁꮂꮃꮄꮅꮆꮇꮈꮉꮊꮋꮌꮍꮎꮏꮐꮑꮒꮓꮔꮕꮖꮗꮘꮙꮚꮛꮜꮝꮞꮟꮠꮡꮢꮣꮤꮥꮦꮧꮨꮩꮪꮫꮬꮭꮮꮯꮰꮱꮲꮳꮴꮵꮶꮷꮸꮹꮺꮻꮼꮽꮾꮿᏸᏹᏺᏻᏼᏽაბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰჱჲჳჴჵჶჷჸჹჺჽჾჿḁḃḅḇḉḋḍḏḑḓḕḗḙḛḝḟḡḣḥḧḩḫḭḯḱḳḵḷḹḻḽḿṁṃṅṇṉṋṍṏṑṓṕṗṙṛṝṟṡṣṥṧṩṫṭṯṱṳṵṷṹṻṽṿẁẃẅẇẉẋẍẏẑẓẕßạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹỻỽỿἀἁἂἃἄἅἆἇἐἑἒἓἔἕἠἡἢἣἤἥἦἧἰἱἲἳἴἵἶἷὀὁὂὃὄὅὑὓὕὗὠὡὢὣὤὥὦὧᾀᾁᾂᾃᾄᾅᾆᾇᾐᾑᾒᾓᾔᾕᾖᾗᾠᾡᾢᾣᾤᾥᾦᾧᾰᾱὰᾳὲὴῃῐῑὶῠῡὺῥὸὼῳⅎↄⰰⰱⰲⰳⰴⰵⰶⰷⰸⰹⰺⰻⰼⰽⰾⰿⱀⱁⱂⱃⱄⱅⱆⱇⱈⱉⱊⱋⱌⱍⱎⱏⱐⱑⱒⱓⱔⱕⱖⱗⱘⱙⱚⱛⱜⱝⱞⱟⱡɫᵽɽⱨⱪⱬɑɱɐɒⱳⱶȿɀⲁⲃⲅⲇⲉⲋⲍⲏⲑⲓⲕⲗⲙⲛⲝⲟⲡⲣⲥⲧⲩⲫⲭⲯⲱⲳⲵⲷⲹⲻⲽⲿⳁⳃⳅⳇⳉⳋⳍⳏⳑⳓⳕⳗⳙⳛⳝⳟⳡⳣⳬⳮⳳ㑔㑇㐹刾𠵾㘎㚯㛣𡞱㟆𫵷㤘㨫㧐擜𤠋𥇢䀥鿎䌶䌺䌻䌿䌾䍠䎬𬜯䙌䜧䞍𫟦䦂鿏𬭯䥾䦶䦷𨸟𫠊䯅鲃䲣䲝鳚鳤鹮丢并干乱亘亚伫布占并来仑侣局俣系伣侠伡私伥俩俫仓个们幸伦㑈伟㐽侧侦伪㐷杰伧伞备家佣偬传伛债伤倾偻仅佥侨仆伪𫢸侥偾雇价仪俊侬亿侩俭傤傧俦侪尽偿优储俪㑩傩傥俨凶兑儿兖内两册胄幂净冻凛凯别删刭则克刹刬刚剥剐剀创铲划札剧刘刽刿剑㓥剂㔉劲动务勋胜劳势𪟝勚劢勋励劝匀匦汇匮区协恤却即厍厕历厌厉厣参叁丛咤吴呐吕呙员呗念问启哑启唡㖞唤丧吃乔单哟呛啬唝吗呜唢𠮶哔叹喽啯呕啧尝唛哗唠啸叽哓呒啴恶嘘㖊咝哒哝哕嗳哙喷吨当咛吓哜尝噜啮咽呖𠰷咙向亸喾严嘤啭嗫嚣冁呓啰苏嘱囱囵国围园圆图团坝垭𫭢采执坚垩垴埚尧报场块茔垲埘涂冢坞埙尘𫭟堑𪣻垫坠𫮃堕坛坟垯墙垦坛垱埙压𡋤垒圹垆坛坏垄垅坜坝塆壮壶壸寿够梦伙夹奂奥奁夺奖奋姹妆姗奸𫰛娱娄妇娅娲妫㛀媪妈袅妪妩娴娴婳妫媭娆婵娇嫱嫒嬷嫔婴婶娘㛤娈孙学𡥧孪宫采寝实宁审写宽宠宝将专寻对导尴届尸屃屉屡层屦属冈峰岘岛峡崃昆岗仑峥岽岚岁𫶇㟥嵝崭岖嵚崂峤峣峄峃崄嵘岭屿岳岿峦巅岩𪩘巯卺帅师帐带帧帏㡎帼帻帜币帮帱并干几库厕厢厩厦庼荫厨厮𫷷庙厂庑废广廪庐厅弑吊弪张强𫸩别弹弥弯录汇彟彦雕彨佛后径从徕复征彻恒耻悦悮怅闷凄恶恼恽恻爱惬悫怆恺忾栗态愠惨惭恸惯悫怄怂虑悭庆㥪戚欲忧惫怜凭愦慭惮愤悯怃宪忆恳应怿懔蒙怼懑㤽恹惩懒怀悬忏惧慑恋戆戋戗戬战戯戏户捍抛拼捝挲挟舍扪挨卷扫抡㧏挜挣挂采拣扬换挥搄损摇捣扇揾抢掴掼搂挚抠抟折掺捞挦撑挠㧑挢掸拨抚扑揿挞挝捡拥掳择击挡㧟担据挤抬捣拟摈拧搁掷扩撷摆擞撸㧰扰摅撵拢拦撄搀撺携摄攒挛摊搅揽教敚败叙敌数敛毙敩斓斩断于旗既升时晋𬀪昼晕晖𬀩旸畅暂晔历昙晓向暧旷𣆐昽晒书会𦛨胧术东拐栅拐查𣐕杆栀枧𬂩条枭棁弃棋枨枣栋㭎栈栖梾桠㭏杨枫桢业极矩干杩荣榅桤构枪杠梿椠椁椮桨椢椝桩乐枞梁楼标枢㭤样榝㭴桪朴树桦椫桡桥机椭横𣓿檩柽档桧槚检樯梼台槟柠槛柜𬃊橹榈栉椟橼栎橱槠栌枥橥榇蘖栊榉樱栏榉权椤栾𣗋榄棂钦叹欧欤欢岁历归殁残殒殇㱮殚僵殓殡㱩歼杀壳壳毁殴毵牦毡氇气氢氩氲泛泛污决没冲况溯泄汹浃𬇙泾涚凉凄泪渌净凌沦渊涞浅涣减沨涡测浑凑𣲗浈涌汤沩准沟温浉涢湿沧灭涤荥汇沪滞渗卤浒浐滚满渔溇𬇹沤汉涟渍涨溆渐浆颍泼洁𣲘沩㴋潜润浔溃滗涠涩浇涝沄涧渑泽滪泶𬇕浍淀㳠浊浓㳡𣸣湿泞溁蒙浕济涛㳔滥潍滨溅泺滤澛滢渎㲿泻沈浏濒泸沥潇潆潴泷濑弥潋澜沣滠洒𪷽漓滩𣺼灏㳕湾滦滟滟灾为乌烃无炼炜烟茕焕烦炀㶽煴荧炝𬉼热颎炽𬊤烨灯炖烧𬊈烫焖营灿毁烛烩㶶熏烬焘烁炉烂争为爷尔床墙牍抵牵荦牦犊牺状狭狈狰犹狲犸呆狱狮奖独狯猃狝狞㺍获猎犷兽獭献猕猡现雕珐珲玮玚琐瑶莹玛玱琏𫞩𬍤𬍡琎玑瑷珰㻅环玙瑸玺璇𬍛琼珑璎瓒𤩽瓯瓮产产亩毕画异画当畴叠痉酸疴痖疯疡痪瘗疮疟瘆疭瘘瘘疗痨痫瘅愈疠瘪痴痒疖症疬癞癣瘿瘾痈瘫癫发皂皑疱皲皱杯盗盏尽监盘卢荡真眦众𪾢困睁睐眍䁖瞒瞆睑蒙眬瞩矫朱硁硖砗砚埼硕砀砜确码䂵硙砖硵碜碛矶硗䃅硚础𬒈碍矿砺砾矾砻秘禄祸祯祎祃御禅礼祢祷秃籼税秆䅉棱禀种称谷䅟稣积颖秾穑秽稳获穞窝洼穷窑窎窭窥窜窍窦灶窃竖竞笔笋笕䇲个笺筝札节范筑箧筼筿𬕂笃筛筚𥮾箦篓蓑箪简篑箫筜签帘篮𥫣筹䉤箓篯箨籁笼签笾簖篱箩吁粤粽糁粪粮团粝籴粜纟纠纪纣𬘓约红纡纥纨纫纹纳纽纾纯纰纼纱纮纸级纷纭纴𬘘纺䌷扎细绂绁绅纻绍绀绋绐绌终弦组䌹绊绗结绝绦绔绞络绚给绒𬘡绖统丝绛绝绢𫄨绑绡𬘫绠绨绣绤𬘩绥䌼捆经𫄧综𬘭缍绿𫟅绸绻𬘯𬘬线绶维绹绾纲网绷缀彩纶绺绮绽绰绫绵绲缁紧绯绿绪绬绱缃缄缂线缉缎缔缗缘缌编缓缅纬缑缈练缏缇致缊萦缙缢缒绉缣缊缞缚缜缟缛县绦缝缡缩𬙂纵缧䌸纤缦絷缕缥总绩绷缫缪缯织缮缭绕绣缋绳绘系茧缰缳缲缴𫄷䍁绎𦈡继缤缱䍀𫄸𬙊颣缬纩续累缠缨才𬙋纤缵缆钵䓨坛罂坛罚骂罢罗罴羁芈群羟羡义膻习玩翚翘翙耧耢圣闻联聪声耸聩聂职聍听聋肃胁脉胫唇修脱胀肾胨脶脑肿脚肠腽腘肤䏝胶𦝼腻胆脍脓脸脐膑腊胪脏脔臜卧临台与兴举旧铺馆舱舣舰舻艰艳刍苎兹荆庄茎荚苋华庵烟苌莱万荝莴叶荭荮苇药荤𫇭搜莼莳蒀莅苍荪席盖莲苁莼荜𬜬卜参蒌蒋葱茑荫𫈟𫇭荨蒇荞荬芸莸荛蒉荡芜萧蓣蕰荟蓟芗姜蔷荙莶荐萨䓕苎䓓苔荠蓝荩艺药薮䓖蕴苈蔼蔺萚蕲芦苏蕴苹藓蔹𦻕茏兰蓠萝蔂𬟁处虚虏号亏虬蛱蜕蚬𬟽蚀猬虾虱蜗蛳蚂萤䗖蝼螀蛰蝈螨虮蝉蛲虫𫊻蛏蚁蚃蝇虿蝎蛴蝾蚝蜡蛎蟏蛊蚕蛮众蔑术同胡卫冲衮夹袅里补装里制复裈袆裤裢褛亵𫌀裥裥袯袄裣裆褴袜摆衬袭襕核见觃规觅视觇觋觍觎亲觊觏觐觑觉览觌观觞觯触讠订讣计讯讧讨𬣙讦讱训讪讫托记讹讶讼䜣诀讷讻访设许诉诃诊注证𧮪诂诋讵诈诒诏评诐诇诎诅𬣞词咏诩询诣试诗𬣳诧诟诡诠诘话该详诜𫍣诙诖诔诛诓夸志认诳诶诞诱诮语诚诫诬误诰诵诲说说谁课谇诽谊訚调谄谆谈诿请诤诹诼谅𬣡论谂谀谍谞谝𬤊谥诨谔谛谐谏谕咨讳𬤇谙𫍯谌讽诸谚谖诺谋谒谓誊诌谎谜𫍲谧谑谡谤谦谥讲谢谣谣谟谪谬谫讴谨谩哗证谲讥𬤝谮识谯谭谱𫍽噪谵毁译议谴护诪誉谫读谉变詟䜩雠谗让谰谶赞谠谳溪岂竖丰艳猪豮狸猫䝙贝贞贠负财贡贫货贩贪贯责贮贳赀贰贵贬买贷贶费贴贻贸贺贲赂赁贿赅资贾贼赈赊宾赇赒赉赐赏赔赓贤卖贱赋赕质赍账赌䞐赖赗赚赙购赛赜贽赘赟赠赞赝赡赢赆赃赑赎赝赣赃赪赶赵趋趱迹践逾踊跄跸迹跖蹒踪跷跶趸踌跻跃䟢踯跞踬蹰跹蹑蹿躜躏躯车轧轨军𫐄轪轩轫轭𬨂软轷轸轱轴轵轺轲轶轼较𨐈辂辁辀载轾𪨶辄挽辅轻𫐐辆辎辉辋辍辊辇辈轮辌𫐓辑辏𬨎输辐辒辗舆辒毂辖辕辘转辙轿辚轰辔轹轳办辞辫辩农回径这连周进游运过达违遥逊递远溯适迟绕迁选遗辽迈还迩边逻逦郏邮郓乡邹邬郧邓𬩽郑邻郸𫑡邺郐邝酂郦腌酝丑酝蒏糖医酱酦𬪩酿衅酾酽释厘钅钆钇钌钊钉钋针钓钐扣钏钒𬬩钗钍钕钎䥺𬬱钯钫钘钭钥𫓧钚钠钝钩钤钣钑钞钮钧钟钙钬钛钪铌铈钶铃钴钹铍钰钸铀钿钾巨钻铊铉𬬿铇铋铂钷钳铆铅𫟷钺钵钩𬬸钲𬭁钼钽𬬹锫铏𫟹铰铒铬铪银铳铜𫓯铚铣铨铢铭铫铦衔铑铷铱铟铵铥铕铯铐铞锐𨱇销锈锑锉铝锒锌钡铤铗𬭎锋𫓶铻锊锓铘锄锃锔锇铓铺锐铖锆锂铽锍锯𬬮钢𬬭锞录锖锫锩铔锥锕锟锤锱铮锛𬭚锬锭锜钱𫓹锦锚锠锡锢错录锰表铼镎锝锨锪钫钔锴锳炼锅镀锷铡钖锻锽锸锲锘锹𬭤锾键锶锗针钟镁锿镅镑镰𬭩镕锁镉锤镈𨱏镃钨蓥镏铠铩锼镐镇镇镒镋镍镓鿔镌镎镞旋链镆镙𬭬镠镝铿锵镗镘镛铲镜镖镂錾镚铧镤镪䥽𬭸锈铙𨱑𫔍铴𫔎𨱔镣铹镦镡钟镫镢镨䦅锎锏镄𬭼镌镰䦃镯镭铁镮铎铛𫟼镱铸镬镔鉴鉴镲锧镴铄镳镥𬬻镧钥镵镶镊镩锣钻銮凿镢镋长门闩闪闫闬闭开闶闳闰闲闲间闵闸阂阁合阀闺闽阃阆闾阅阅阊阉阎阏阍阈阌阒板暗闱𬮱阔阕阑阇阗𫔶阘闿阖阙闯关阚阓阐辟阛闼陉陕升阵阴陈陆阳陧队阶𬮿陨际𬯎随险𬯀陦隐陇隶只隽虽双雏杂鸡离难云电沾霡雾霁雳霭叇灵叆靓静靔腼靥巩绱秋鞒缰鞑千鞯韦韧韨韩韪韬鞲韫韵响页顶顷项顺顸须顼颂𫠆颀颃预顽颁顿𬱖颇领颌𬱟颉颐颏𫖯头颒颊颋颕𫖳颔颈颓频颓颗题额颚颜颙颛颜𫖮愿颡颠类颟颢顾颤颥显颦颅颞颧风飐飑飒台刮飓飔飏飖飕飗飘飙飚飞饣饥饤饦饨饪饫饬饭飧饮饴饲饱饰饳饺饸饼糍饷养饵饹饻饽馁饿馂饾𫗧余肴馄馃饯馅馆糊糇饧喂馉馇𩠌馎饩馏馊馌馍馒馐馑馓馈馔饥饶飨𫗴餍馋馕马驭冯驮驰驯驲𫘜驳𫘝𬳶驻驽驹𬳵驵驾骀驸驶驼驷骂骈𬳽骇骃骆骎𬳿骏骋骍𫘧骓𫘦骔骒骑骐𬴂骛骗𬴃𫘨骙䯄骞骘骝腾𫘬𫘪驺骚骟骡蓦骜骖骠骢驱骅骕骁𬴊骣骄验惊驿骤驴骧骥骦骊骉肮髅脏体髌髋发松胡须鬓斗闹哄阋阄郁鬶魉魇鱼鱽𫚉鱾鲀鲁鲂鱿鲄𬶍鲅鲆𫚖𬶋鲌鲉鲏鲇鲐鲍鲋鲊鲒鲘鲞鲕𩽾𬶏𬶐䲟鲖鲔鲛鲑鲜鲓鲪𩾃鲝鲧鲠鲩鲤鲨鲬鲻鲯鲭鲞鲷鲴鲱鲵鲲鲳鲸鲮鲰鲶鲺鳀𬶟鲫鳊鳈鲗鳂䲠鲽鳇𬶠䲡鳅鲾鳄鳆鳃鳁鳒鳑鳋鲥𫚕鳏䲢鳎鳐鳍鳁鲢鳌鳓鳘𬶭鲦鲣鲹鳗鳛鳔𬶨鳉鳙𩾌鳕鳖鳟鳝鳜鳞鲟𬶮鲼鲎鲙鳣鳡鳢鲿鲚鳠𫚭鳄鲈鲡鸟凫鸠凫鸤凤鸣鸢䴓鸩鸨鸦鸰鸵鸳鸲鸮鸱鸪鸯鸭鸸鸹鸻䴕鸿鸽䴔鸺鸼𬷕鹀鹃鹆鹁鹈鹅𫛭鹄鹉鹌鹏鹐鹎雕鹊鹓鹍䴖鸫鹑鹒鹋鹙鹕鹗𬸘鹖鹛鹜䴗鸧莺𬸣鹟鹤鹠鹡鹘鹣鹚鹚鹢鹞鸡䴘鹝鹧鹥鸥鸷鹨𬸦鸶鹪鹔𬸪鹩鹫鹇鹇鹬鹰鹭鸴㶉鹯䴙鹱鹲𬸚鸬鹴鹦鹳鹂鸾卤咸鹾碱盐丽麦麸面面𤿲曲𪎌曲面么么黄黉点党黪霉黡黩黾鼋鼌鼍冬鼹齐斋赍齑齿龀龁龂𬹼龅龇龃龆龄出龈啮龊龉𬺈𫠜龋腭龌𬺓龙厐庞䶮龚龛龟䜤鿒ꙁꙃꙅꙇꙉꙋꙍꙏꙑꙓꙕꙗꙙꙛꙝꙟꙡꙣꙥꙧꙩꙫꙭꚁꚃꚅꚇꚉꚋꚍꚏꚑꚓꚕꚗꚙꚛꜣꜥꜧꜩꜫꜭꜯꜳꜵꜷꜹꜻꜽꜿꝁꝃꝅꝇꝉꝋꝍꝏꝑꝓꝕꝗꝙꝛꝝꝟꝡꝣꝥꝧꝩꝫꝭꝯꝺꝼᵹꝿꞁꞃꞅꞇꞌɥꞑꞓꞗꞙꞛꞝꞟꞡꞣꞥꞧꞩɦɜɡɬɪʞʇʝꭓꞵꞷꞹꞻꞽꞿꟁꟃꞔʂᶎꟈꟊꟑꟗꟙꟶ𠀾㓆𠴛𠲥𫭼𡋗𡋀𡍣㛟㛿㛠𡭜𡭬𡳃岁㟜𢘝𢫞𢬦暅㭣𣘓𣞎𣑶毶㳢𣺽𣷷𤊰㻘㻏𤳄𥅿𥅘𥐰𥐯𬒗䅪𥮋𥹥𡳒𦟗䑽䘞䙊䘛𧝧䜥䞌䞎䢀䢁䢂𨤰䦀𬭊䦁𬭛𬭶𬭳䥿䭪𩠠䯃䲞𰻝', strpos('ABCDEFGHIJKLMNOPQRSTUVWXYZÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮĴĶĹĻĽŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽƁƂƄƆƇƉƊƋƎƏƐƑƓƔƖƗƘƜƝƟƠƢƤƦƧƩƬƮƯƱƲƳƵƷƸƼǍǏǑǓǕǗǙǛǞǠǢǤǦǨǪǬǮǴǶǷǸǺǼǾȀȂȄȆȈȊȌȎȐȒȔȖȘȚȜȞȠȢȤȦȨȪȬȮȰȲȺȻȽȾɁɃɄɅɆɈɊɌɎͰͲͶͿΆΈΉΊΌΎΏΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩΪΫϏϘϚϜϞϠϢϤϦϨϪϬϮϷϺϽϾϿЀЁЂЃЄЅІЇЈЉЊЋЌЍЎЏАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯѠѢѤѦѨѪѬѮѰѲѴѶѸѺѼѾҀҊҌҎҐҒҔҖҘҚҜҞҠҢҤҦҨҪҬҮҰҲҴҶҸҺҼҾӀӁӃӅӇӉӋӍӐӒӔӖӘӚӜӞӠӢӤӦӨӪӬӮӰӲӴӶӸӺӼӾԀԂԄԆԈԊԌԎԐԒԔԖԘԚԜԞԠԢԤԦԨԪԬԮԱԲԳԴԵԶԷԸԹԺԻԼԽԾԿՀՁՂՃՄՅՆՇՈՉՊՋՌՍՎՏՐՑՒՓՔՕՖႠႡႢႣႤႥႦႧႨႩႪႫႬႭႮႯႰႱႲႳႴႵႶႷႸႹႺႻႼႽႾႿჀჁჂჃჄჅჇჍᎠᎡᎢᎣᎤᎥᎦᎧᎨᎩᎪᎫᎬᎭᎮᎯᎰᎱᎲᎳᎴᎵᎶᎷᎸᎹᎺᎻᎼᎽᎾᎿᏀᏁᏂᏃᏄᏅᏆᏇᏈᏉᏊᏋᏌᏍᏎᏏᏐᏑᏒᏓᏔᏕᏖᏗᏘᏙᏚᏛᏜᏝᏞᏟᏠᏡᏢᏣᏤᏥᏦᏧᏨᏩᏪᏫᏬᏭᏮᏯᏰᏱᏲᏳᏴᏵᲐᲑᲒᲓᲔᲕᲖᲗᲘᲙᲚᲛᲜᲝᲞᲟᲠᲡᲢᲣᲤᲥᲦᲧᲨᲩᲪᲫᲬᲭᲮᲯᲰᲱᲲᲳᲴᲵᲶᲷᲸᲹᲺᲽᲾᲿḀḂḄḆḈḊḌḎḐḒḔḖḘḚḜḞḠḢḤḦḨḪḬḮḰḲḴḶḸḺḼḾṀṂṄṆṈṊṌṎṐṒṔṖṘṚṜṞṠṢṤṦṨṪṬṮṰṲṴṶṸṺṼṾẀẂẄẆẈẊẌẎẐẒẔẞẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸỺỼỾἈἉἊἋἌἍἎἏἘἙἚἛἜἝἨἩἪἫἬἭἮἯἸἹἺἻἼἽἾἿὈὉὊὋὌὍὙὛὝὟὨὩὪὫὬὭὮὯᾈᾉᾊᾋᾌᾍᾎᾏᾘᾙᾚᾛᾜᾝᾞᾟᾨᾩᾪᾫᾬᾭᾮᾯᾸᾹᾺᾼῈῊῌῘῙῚῨῩῪῬῸῺῼℲↃⰀⰁⰂⰃⰄⰅⰆⰇⰈⰉⰊⰋⰌⰍⰎⰏⰐⰑⰒⰓⰔⰕⰖⰗⰘⰙⰚⰛⰜⰝⰞⰟⰠⰡⰢⰣⰤⰥⰦⰧⰨⰩⰪⰫⰬⰭⰮⰯⱠⱢⱣⱤⱧⱩⱫⱭⱮⱯⱰⱲⱵⱾⱿⲀⲂⲄⲆⲈⲊⲌⲎⲐⲒⲔⲖⲘⲚⲜⲞⲠⲢⲤⲦⲨⲪⲬⲮⲰⲲⲴⲶⲸⲺⲼⲾⳀⳂⳄⳆⳈⳊⳌⳎⳐⳒⳔⳖⳘⳚⳜⳞⳠⳢⳫⳭⳲ㑯㑳㑶㓨㗲㘚㜄㜏㜢㠏㠣㥮㩜㩳㩵㺏䁪䁻䃮䊷䋙䋚䋹䋻䍦䎱䓣䙡䜀䝼䡵䥇䥑䥕䥱䦛䦟䧢䮄䯀䰾䱷䱽䲁䲘䴉丟並乾亂亙亞佇佈佔併來侖侶侷俁係俔俠俥俬倀倆倈倉個們倖倫倲偉偑側偵偽傌傑傖傘備傢傭傯傳傴債傷傾僂僅僉僑僕僞僤僥僨僱價儀儁儂億儈儉儎儐儔儕儘償優儲儷儸儺儻儼兇兌兒兗內兩冊冑冪凈凍凜凱別刪剄則剋剎剗剛剝剮剴創剷劃劄劇劉劊劌劍劏劑劚勁動務勛勝勞勢勣勩勱勳勵勸勻匭匯匱區協卹卻卽厙厠厤厭厲厴參叄叢吒吳吶呂咼員唄唸問啓啞啟啢喎喚喪喫喬單喲嗆嗇嗊嗎嗚嗩嗰嗶嘆嘍嘓嘔嘖嘗嘜嘩嘮嘯嘰嘵嘸嘽噁噓噚噝噠噥噦噯噲噴噸噹嚀嚇嚌嚐嚕嚙嚥嚦嚧嚨嚮嚲嚳嚴嚶囀囁囂囅囈囉囌囑囪圇國圍園圓圖團垻埡埨埰執堅堊堖堝堯報場塊塋塏塒塗塚塢塤塵塸塹塿墊墜墠墮墰墳墶墻墾壇壋壎壓壗壘壙壚壜壞壟壠壢壩壪壯壺壼壽夠夢夥夾奐奧奩奪奬奮奼妝姍姦娙娛婁婦婭媧媯媰媼媽嫋嫗嫵嫺嫻嫿嬀嬃嬈嬋嬌嬙嬡嬤嬪嬰嬸孃孋孌孫學孻孿宮寀寢實寧審寫寬寵寶將專尋對導尷屆屍屓屜屢層屨屬岡峯峴島峽崍崑崗崙崢崬嵐嵗嵽嵾嶁嶄嶇嶔嶗嶠嶢嶧嶨嶮嶸嶺嶼嶽巋巒巔巖巘巰巹帥師帳帶幀幃幓幗幘幟幣幫幬幷幹幾庫廁廂廄廈廎廕廚廝廞廟廠廡廢廣廩廬廳弒弔弳張強彄彆彈彌彎彔彙彠彥彫彲彿後徑從徠復徵徹恆恥悅悞悵悶悽惡惱惲惻愛愜愨愴愷愾慄態慍慘慚慟慣慤慪慫慮慳慶慺慼慾憂憊憐憑憒憖憚憤憫憮憲憶懇應懌懍懞懟懣懤懨懲懶懷懸懺懼懾戀戇戔戧戩戰戱戲戶扞拋拚挩挱挾捨捫捱捲掃掄掆掗掙掛採揀揚換揮揯損搖搗搧搵搶摑摜摟摯摳摶摺摻撈撏撐撓撝撟撣撥撫撲撳撻撾撿擁擄擇擊擋擓擔據擠擡擣擬擯擰擱擲擴擷擺擻擼擽擾攄攆攏攔攖攙攛攜攝攢攣攤攪攬敎敓敗敘敵數斂斃斆斕斬斷於旂旣昇時晉晛晝暈暉暐暘暢暫曄曆曇曉曏曖曠曥曨曬書會朥朧朮東枴柵柺査桱桿梔梘梜條梟梲棄棊棖棗棟棡棧棲棶椏椲楊楓楨業極榘榦榪榮榲榿構槍槓槤槧槨槮槳槶槼樁樂樅樑樓標樞樢樣樧樫樳樸樹樺樿橈橋機橢橫橯檁檉檔檜檟檢檣檮檯檳檸檻櫃櫍櫓櫚櫛櫝櫞櫟櫥櫧櫨櫪櫫櫬櫱櫳櫸櫻欄欅權欏欒欓欖欞欽歎歐歟歡歲歷歸歿殘殞殤殨殫殭殮殯殰殲殺殻殼毀毆毿氂氈氌氣氫氬氳氾汎汙決沒沖況泝洩洶浹浿涇涗涼淒淚淥淨淩淪淵淶淺渙減渢渦測渾湊湋湞湧湯溈準溝溫溮溳溼滄滅滌滎滙滬滯滲滷滸滻滾滿漁漊漍漚漢漣漬漲漵漸漿潁潑潔潕潙潚潛潤潯潰潷潿澀澆澇澐澗澠澤澦澩澫澮澱澾濁濃濄濆濕濘濚濛濜濟濤濧濫濰濱濺濼濾瀂瀅瀆瀇瀉瀋瀏瀕瀘瀝瀟瀠瀦瀧瀨瀰瀲瀾灃灄灑灒灕灘灙灝灡灣灤灧灩災為烏烴無煉煒煙煢煥煩煬煱熅熒熗熰熱熲熾燀燁燈燉燒燖燙燜營燦燬燭燴燶燻燼燾爍爐爛爭爲爺爾牀牆牘牴牽犖犛犢犧狀狹狽猙猶猻獁獃獄獅獎獨獪獫獮獰獱獲獵獷獸獺獻獼玀現琱琺琿瑋瑒瑣瑤瑩瑪瑲璉璊璕璗璡璣璦璫璯環璵璸璽璿瓅瓊瓏瓔瓚瓛甌甕產産畝畢畫異畵當疇疊痙痠痾瘂瘋瘍瘓瘞瘡瘧瘮瘲瘺瘻療癆癇癉癒癘癟癡癢癤癥癧癩癬癭癮癰癱癲發皁皚皰皸皺盃盜盞盡監盤盧盪眞眥眾睍睏睜睞瞘瞜瞞瞶瞼矇矓矚矯硃硜硤硨硯碕碩碭碸確碼碽磑磚磠磣磧磯磽磾礄礎礐礙礦礪礫礬礱祕祿禍禎禕禡禦禪禮禰禱禿秈稅稈稏稜稟種稱穀穇穌積穎穠穡穢穩穫穭窩窪窮窯窵窶窺竄竅竇竈竊竪競筆筍筧筴箇箋箏箚節範築篋篔篠篢篤篩篳篸簀簍簑簞簡簣簫簹簽簾籃籅籌籔籙籛籜籟籠籤籩籪籬籮籲粵糉糝糞糧糰糲糴糶糹糾紀紂紃約紅紆紇紈紉紋納紐紓純紕紖紗紘紙級紛紜紝紞紡紬紮細紱紲紳紵紹紺紼紿絀終絃組絅絆絎結絕絛絝絞絡絢給絨絪絰統絲絳絶絹絺綁綃綄綆綈綉綌綎綏綐綑經綖綜綝綞綠綡綢綣綧綪綫綬維綯綰綱網綳綴綵綸綹綺綻綽綾綿緄緇緊緋緑緒緓緔緗緘緙線緝緞締緡緣緦編緩緬緯緱緲練緶緹緻緼縈縉縊縋縐縑縕縗縛縝縞縟縣縧縫縭縮縯縱縲縳縴縵縶縷縹總績繃繅繆繒織繕繚繞繡繢繩繪繫繭繮繯繰繳繶繸繹繻繼繽繾繿纁纆纇纈纊續纍纏纓纔纕纖纘纜缽罃罈罌罎罰罵罷羅羆羈羋羣羥羨義羶習翫翬翹翽耬耮聖聞聯聰聲聳聵聶職聹聽聾肅脅脈脛脣脩脫脹腎腖腡腦腫腳腸膃膕膚膞膠膢膩膽膾膿臉臍臏臘臚臟臠臢臥臨臺與興舉舊舖舘艙艤艦艫艱艷芻苧茲荊莊莖莢莧華菴菸萇萊萬萴萵葉葒葤葦葯葷蒍蒐蒓蒔蒕蒞蒼蓀蓆蓋蓮蓯蓴蓽蔄蔔蔘蔞蔣蔥蔦蔭蔯蔿蕁蕆蕎蕒蕓蕕蕘蕢蕩蕪蕭蕷薀薈薊薌薑薔薘薟薦薩薳薴薵薹薺藍藎藝藥藪藭藴藶藹藺蘀蘄蘆蘇蘊蘋蘚蘞蘟蘢蘭蘺蘿虆虉處虛虜號虧虯蛺蛻蜆蝀蝕蝟蝦蝨蝸螄螞螢螮螻螿蟄蟈蟎蟣蟬蟯蟲蟳蟶蟻蠁蠅蠆蠍蠐蠑蠔蠟蠣蠨蠱蠶蠻衆衊術衕衚衛衝袞袷裊裏補裝裡製複褌褘褲褳褸褻襀襇襉襏襖襝襠襤襪襬襯襲襴覈見覎規覓視覘覡覥覦親覬覯覲覷覺覽覿觀觴觶觸訁訂訃計訊訌討訏訐訒訓訕訖託記訛訝訟訢訣訥訩訪設許訴訶診註証詀詁詆詎詐詒詔評詖詗詘詛詝詞詠詡詢詣試詩詪詫詬詭詮詰話該詳詵詷詼詿誄誅誆誇誌認誑誒誕誘誚語誠誡誣誤誥誦誨說説誰課誶誹誼誾調諂諄談諉請諍諏諑諒諓論諗諛諜諝諞諟諡諢諤諦諧諫諭諮諱諲諳諴諶諷諸諺諼諾謀謁謂謄謅謊謎謏謐謔謖謗謙謚講謝謠謡謨謫謬謭謳謹謾譁證譎譏譓譖識譙譚譜譞譟譫譭譯議譴護譸譽譾讀讅變讋讌讎讒讓讕讖讚讜讞谿豈豎豐豔豬豶貍貓貙貝貞貟負財貢貧貨販貪貫責貯貰貲貳貴貶買貸貺費貼貽貿賀賁賂賃賄賅資賈賊賑賒賓賕賙賚賜賞賠賡賢賣賤賦賧質賫賬賭賰賴賵賺賻購賽賾贄贅贇贈贊贋贍贏贐贓贔贖贗贛贜赬趕趙趨趲跡踐踰踴蹌蹕蹟蹠蹣蹤蹺躂躉躊躋躍躎躑躒躓躕躚躡躥躦躪軀車軋軌軍軏軑軒軔軛軝軟軤軫軲軸軹軺軻軼軾較輄輅輇輈載輊輋輒輓輔輕輗輛輜輝輞輟輥輦輩輪輬輮輯輳輶輸輻輼輾輿轀轂轄轅轆轉轍轎轔轟轡轢轤辦辭辮辯農迴逕這連週進遊運過達違遙遜遞遠遡適遲遶遷選遺遼邁還邇邊邏邐郟郵鄆鄉鄒鄔鄖鄧鄩鄭鄰鄲鄳鄴鄶鄺酇酈醃醖醜醞醟醣醫醬醱醲釀釁釃釅釋釐釒釓釔釕釗釘釙針釣釤釦釧釩釴釵釷釹釺釾釿鈀鈁鈃鈄鈅鈇鈈鈉鈍鈎鈐鈑鈒鈔鈕鈞鈡鈣鈥鈦鈧鈮鈰鈳鈴鈷鈸鈹鈺鈽鈾鈿鉀鉅鉆鉈鉉鉊鉋鉍鉑鉕鉗鉚鉛鉝鉞鉢鉤鉥鉦鉧鉬鉭鉮鉳鉶鉷鉸鉺鉻鉿銀銃銅銈銍銑銓銖銘銚銛銜銠銣銥銦銨銩銪銫銬銱銳銶銷銹銻銼鋁鋃鋅鋇鋌鋏鋐鋒鋗鋙鋝鋟鋣鋤鋥鋦鋨鋩鋪鋭鋮鋯鋰鋱鋶鋸鋹鋼錀錁錄錆錇錈錏錐錒錕錘錙錚錛錞錟錠錡錢錤錦錨錩錫錮錯録錳錶錸錼鍀鍁鍃鍅鍆鍇鍈鍊鍋鍍鍔鍘鍚鍛鍠鍤鍥鍩鍬鍭鍰鍵鍶鍺鍼鍾鎂鎄鎇鎊鎌鎓鎔鎖鎘鎚鎛鎝鎡鎢鎣鎦鎧鎩鎪鎬鎭鎮鎰鎲鎳鎵鎶鎸鎿鏃鏇鏈鏌鏍鏏鏐鏑鏗鏘鏜鏝鏞鏟鏡鏢鏤鏨鏰鏵鏷鏹鏺鏻鏽鐃鐄鐇鐋鐍鐏鐐鐒鐓鐔鐘鐙鐝鐠鐥鐦鐧鐨鐩鐫鐮鐯鐲鐳鐵鐶鐸鐺鐽鐿鑄鑊鑌鑑鑒鑔鑕鑞鑠鑣鑥鑪鑭鑰鑱鑲鑷鑹鑼鑽鑾鑿钁钂長門閂閃閆閈閉開閌閎閏閑閒間閔閘閡閣閤閥閨閩閫閬閭閱閲閶閹閻閼閽閾閿闃闆闇闈闉闊闋闌闍闐闑闒闓闔闕闖關闞闠闡闢闤闥陘陝陞陣陰陳陸陽隉隊階隑隕際隤隨險隮隯隱隴隸隻雋雖雙雛雜雞離難雲電霑霢霧霽靂靄靆靈靉靚靜靝靦靨鞏鞝鞦鞽韁韃韆韉韋韌韍韓韙韜韝韞韻響頁頂頃項順頇須頊頌頍頎頏預頑頒頓頔頗領頜頠頡頤頦頫頭頮頰頲頴頵頷頸頹頻頽顆題額顎顏顒顓顔顗願顙顛類顢顥顧顫顬顯顰顱顳顴風颭颮颯颱颳颶颸颺颻颼飀飄飆飈飛飠飢飣飥飩飪飫飭飯飱飲飴飼飽飾飿餃餄餅餈餉養餌餎餏餑餒餓餕餖餗餘餚餛餜餞餡館餬餱餳餵餶餷餸餺餼餾餿饁饃饅饈饉饊饋饌饑饒饗饘饜饞饢馬馭馮馱馳馴馹馼駁駃駉駐駑駒駓駔駕駘駙駛駝駟駡駢駪駭駰駱駸駼駿騁騂騄騅騊騌騍騎騏騑騖騙騞騠騤騧騫騭騮騰騱騵騶騷騸騾驀驁驂驃驄驅驊驌驍驎驏驕驗驚驛驟驢驤驥驦驪驫骯髏髒體髕髖髮鬆鬍鬚鬢鬥鬧鬨鬩鬮鬱鬹魎魘魚魛魟魢魨魯魴魷魺鮀鮁鮃鮆鮈鮊鮋鮍鮎鮐鮑鮒鮓鮚鮜鮝鮞鮟鮠鮡鮣鮦鮪鮫鮭鮮鮳鮶鮸鮺鯀鯁鯇鯉鯊鯒鯔鯕鯖鯗鯛鯝鯡鯢鯤鯧鯨鯪鯫鯰鯴鯷鯻鯽鯿鰁鰂鰃鰆鰈鰉鰊鰌鰍鰏鰐鰒鰓鰛鰜鰟鰠鰣鰤鰥鰧鰨鰩鰭鰮鰱鰲鰳鰵鰶鰷鰹鰺鰻鰼鰾鱀鱂鱅鱇鱈鱉鱒鱔鱖鱗鱘鱚鱝鱟鱠鱣鱤鱧鱨鱭鱯鱲鱷鱸鱺鳥鳧鳩鳬鳲鳳鳴鳶鳾鴆鴇鴉鴒鴕鴛鴝鴞鴟鴣鴦鴨鴯鴰鴴鴷鴻鴿鵁鵂鵃鵏鵐鵑鵒鵓鵜鵝鵟鵠鵡鵪鵬鵮鵯鵰鵲鵷鵾鶄鶇鶉鶊鶓鶖鶘鶚鶠鶡鶥鶩鶪鶬鶯鶱鶲鶴鶹鶺鶻鶼鶿鷀鷁鷂鷄鷉鷊鷓鷖鷗鷙鷚鷟鷥鷦鷫鷭鷯鷲鷳鷴鷸鷹鷺鷽鸂鸇鸊鸌鸏鸑鸕鸘鸚鸛鸝鸞鹵鹹鹺鹼鹽麗麥麩麪麫麬麯麳麴麵麼麽黃黌點黨黲黴黶黷黽黿鼂鼉鼕鼴齊齋齎齏齒齔齕齗齘齙齜齟齠齡齣齦齧齪齬齮齯齲齶齷齼龍龎龐龑龔龕龜鿁鿓ꙀꙂꙄꙆꙈꙊꙌꙎꙐꙒꙔꙖꙘꙚꙜꙞꙠꙢꙤꙦꙨꙪꙬꚀꚂꚄꚆꚈꚊꚌꚎꚐꚒꚔꚖꚘꚚꜢꜤꜦꜨꜪꜬꜮꜲꜴꜶꜸꜺꜼꜾꝀꝂꝄꝆꝈꝊꝌꝎꝐꝒꝔꝖꝘꝚꝜꝞꝠꝢꝤꝦꝨꝪꝬꝮꝹꝻꝽꝾꞀꞂꞄꞆꞋꞍꞐꞒꞖꞘꞚꞜꞞꞠꞢꞤꞦꞨꞪꞫꞬꞭꞮꞰꞱꞲꞳꞴꞶꞸꞺꞼꞾꟀꟂꟄꟅꟆꟇꟉꟐꟖꟘꟵ𠁞𠗣𡃕𡅏𡑍𡑭𡓾𡔖𡞵𡠹𡢃𡮉𡮣𡳳𡻕𡾱𢣚𢶫𢹿𣈶𣙎𣞻𣠩𣠲𣯶𣾷𤁣𤅶𤓩𤪺𤫩𤳸𥊝𥌃𥕥𥖅𥗽𥢢𥸠𥼽𦘧𦣎𦪙𧜗𧜵𧝞𧟀𧩙𧵳𧶧𨊰𨊸𨋢𨤻𨦫𨧀𨧜𨨏𨭆𨭎𨯅𩞯𩠴𩣑𩶘𰻞', found.ch), 1), ''))
        FROM (SELECT DISTINCT m[1] AS ch FROM regexp_matches(x, '[ABCDEFGHIJKLMNOPQRSTUVWXYZÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮĴĶĹĻĽŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽƁƂƄƆƇƉƊƋƎƏƐƑƓƔƖƗƘƜƝƟƠƢƤƦƧƩƬƮƯƱƲƳƵƷƸƼǍǏǑǓǕǗǙǛǞǠǢǤǦǨǪǬǮǴǶǷǸǺǼǾȀȂȄȆȈȊȌȎȐȒȔȖȘȚȜȞȠȢȤȦȨȪȬȮȰȲȺȻȽȾɁɃɄɅɆɈɊɌɎͰͲͶͿΆΈΉΊΌΎΏΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩΪΫϏϘϚϜϞϠϢϤϦϨϪϬϮϷϺϽϾϿЀЁЂЃЄЅІЇЈЉЊЋЌЍЎЏАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯѠѢѤѦѨѪѬѮѰѲѴѶѸѺѼѾҀҊҌҎҐҒҔҖҘҚҜҞҠҢҤҦҨҪҬҮҰҲҴҶҸҺҼҾӀӁӃӅӇӉӋӍӐӒӔӖӘӚӜӞӠӢӤӦӨӪӬӮӰӲӴӶӸӺӼӾԀԂԄԆԈԊԌԎԐԒԔԖԘԚԜԞԠԢԤԦԨԪԬԮԱԲԳԴԵԶԷԸԹԺԻԼԽԾԿՀՁՂՃՄՅՆՇՈՉՊՋՌՍՎՏՐՑՒՓՔՕՖႠႡႢႣႤႥႦႧႨႩႪႫႬႭႮႯႰႱႲႳႴႵႶႷႸႹႺႻႼႽႾႿჀჁჂჃჄჅჇჍᎠᎡᎢᎣᎤᎥᎦᎧᎨᎩᎪᎫᎬᎭᎮᎯᎰᎱᎲᎳᎴᎵᎶᎷᎸᎹᎺᎻᎼᎽᎾᎿᏀᏁᏂᏃᏄᏅᏆᏇᏈᏉᏊᏋᏌᏍᏎᏏᏐᏑᏒᏓᏔᏕᏖᏗᏘᏙᏚᏛᏜᏝᏞᏟᏠᏡᏢᏣᏤᏥᏦᏧᏨᏩᏪᏫᏬᏭᏮᏯᏰᏱᏲᏳᏴᏵᲐᲑᲒᲓᲔᲕᲖᲗᲘᲙᲚᲛᲜᲝᲞᲟᲠᲡᲢᲣᲤᲥᲦᲧᲨᲩᲪᲫᲬᲭᲮᲯᲰᲱᲲᲳᲴᲵᲶᲷᲸᲹᲺᲽᲾᲿḀḂḄḆḈḊḌḎḐḒḔḖḘḚḜḞḠḢḤḦḨḪḬḮḰḲḴḶḸḺḼḾṀṂṄṆṈṊṌṎṐṒṔṖṘṚṜṞṠṢṤṦṨṪṬṮṰṲṴṶṸṺṼṾẀẂẄẆẈẊẌẎẐẒẔẞẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸỺỼỾἈἉἊἋἌἍἎἏἘἙἚἛἜἝἨἩἪἫἬἭἮἯἸἹἺἻἼἽἾἿὈὉὊὋὌὍὙὛὝὟὨὩὪὫὬὭὮὯᾈᾉᾊᾋᾌᾍᾎᾏᾘᾙᾚᾛᾜᾝᾞᾟᾨᾩᾪᾫᾬᾭᾮᾯᾸᾹᾺᾼῈῊῌῘῙῚῨῩῪῬῸῺῼℲↃⰀⰁⰂⰃⰄⰅⰆⰇⰈⰉⰊⰋⰌⰍⰎⰏⰐⰑⰒⰓⰔⰕⰖⰗⰘⰙⰚⰛⰜⰝⰞⰟⰠⰡⰢⰣⰤⰥⰦⰧⰨⰩⰪⰫⰬⰭⰮⰯⱠⱢⱣⱤⱧⱩⱫⱭⱮⱯⱰⱲⱵⱾⱿⲀⲂⲄⲆⲈⲊⲌⲎⲐⲒⲔⲖⲘⲚⲜⲞⲠⲢⲤⲦⲨⲪⲬⲮⲰⲲⲴⲶⲸⲺⲼⲾⳀⳂⳄⳆⳈⳊⳌⳎⳐⳒⳔⳖⳘⳚⳜⳞⳠⳢⳫⳭⳲ㑯㑳㑶㓨㗲㘚㜄㜏㜢㠏㠣㥮㩜㩳㩵㺏䁪䁻䃮䊷䋙䋚䋹䋻䍦䎱䓣䙡䜀䝼䡵䥇䥑䥕䥱䦛䦟䧢䮄䯀䰾䱷䱽䲁䲘䴉丟並乾亂亙亞佇佈佔併來侖侶侷俁係俔俠俥俬倀倆倈倉個們倖倫倲偉偑側偵偽傌傑傖傘備傢傭傯傳傴債傷傾僂僅僉僑僕僞僤僥僨僱價儀儁儂億儈儉儎儐儔儕儘償優儲儷儸儺儻儼兇兌兒兗內兩冊冑冪凈凍凜凱別刪剄則剋剎剗剛剝剮剴創剷劃劄劇劉劊劌劍劏劑劚勁動務勛勝勞勢勣勩勱勳勵勸勻匭匯匱區協卹卻卽厙厠厤厭厲厴參叄叢吒吳吶呂咼員唄唸問啓啞啟啢喎喚喪喫喬單喲嗆嗇嗊嗎嗚嗩嗰嗶嘆嘍嘓嘔嘖嘗嘜嘩嘮嘯嘰嘵嘸嘽噁噓噚噝噠噥噦噯噲噴噸噹嚀嚇嚌嚐嚕嚙嚥嚦嚧嚨嚮嚲嚳嚴嚶囀囁囂囅囈囉囌囑囪圇國圍園圓圖團垻埡埨埰執堅堊堖堝堯報場塊塋塏塒塗塚塢塤塵塸塹塿墊墜墠墮墰墳墶墻墾壇壋壎壓壗壘壙壚壜壞壟壠壢壩壪壯壺壼壽夠夢夥夾奐奧奩奪奬奮奼妝姍姦娙娛婁婦婭媧媯媰媼媽嫋嫗嫵嫺嫻嫿嬀嬃嬈嬋嬌嬙嬡嬤嬪嬰嬸孃孋孌孫學孻孿宮寀寢實寧審寫寬寵寶將專尋對導尷屆屍屓屜屢層屨屬岡峯峴島峽崍崑崗崙崢崬嵐嵗嵽嵾嶁嶄嶇嶔嶗嶠嶢嶧嶨嶮嶸嶺嶼嶽巋巒巔巖巘巰巹帥師帳帶幀幃幓幗幘幟幣幫幬幷幹幾庫廁廂廄廈廎廕廚廝廞廟廠廡廢廣廩廬廳弒弔弳張強彄彆彈彌彎彔彙彠彥彫彲彿後徑從徠復徵徹恆恥悅悞悵悶悽惡惱惲惻愛愜愨愴愷愾慄態慍慘慚慟慣慤慪慫慮慳慶慺慼慾憂憊憐憑憒憖憚憤憫憮憲憶懇應懌懍懞懟懣懤懨懲懶懷懸懺懼懾戀戇戔戧戩戰戱戲戶扞拋拚挩挱挾捨捫捱捲掃掄掆掗掙掛採揀揚換揮揯損搖搗搧搵搶摑摜摟摯摳摶摺摻撈撏撐撓撝撟撣撥撫撲撳撻撾撿擁擄擇擊擋擓擔據擠擡擣擬擯擰擱擲擴擷擺擻擼擽擾攄攆攏攔攖攙攛攜攝攢攣攤攪攬敎敓敗敘敵數斂斃斆斕斬斷於旂旣昇時晉晛晝暈暉暐暘暢暫曄曆曇曉曏曖曠曥曨曬書會朥朧朮東枴柵柺査桱桿梔梘梜條梟梲棄棊棖棗棟棡棧棲棶椏椲楊楓楨業極榘榦榪榮榲榿構槍槓槤槧槨槮槳槶槼樁樂樅樑樓標樞樢樣樧樫樳樸樹樺樿橈橋機橢橫橯檁檉檔檜檟檢檣檮檯檳檸檻櫃櫍櫓櫚櫛櫝櫞櫟櫥櫧櫨櫪櫫櫬櫱櫳櫸櫻欄欅權欏欒欓欖欞欽歎歐歟歡歲歷歸歿殘殞殤殨殫殭殮殯殰殲殺殻殼毀毆毿氂氈氌氣氫氬氳氾汎汙決沒沖況泝洩洶浹浿涇涗涼淒淚淥淨淩淪淵淶淺渙減渢渦測渾湊湋湞湧湯溈準溝溫溮溳溼滄滅滌滎滙滬滯滲滷滸滻滾滿漁漊漍漚漢漣漬漲漵漸漿潁潑潔潕潙潚潛潤潯潰潷潿澀澆澇澐澗澠澤澦澩澫澮澱澾濁濃濄濆濕濘濚濛濜濟濤濧濫濰濱濺濼濾瀂瀅瀆瀇瀉瀋瀏瀕瀘瀝瀟瀠瀦瀧瀨瀰瀲瀾灃灄灑灒灕灘灙灝灡灣灤灧灩災為烏烴無煉煒煙煢煥煩煬煱熅熒熗熰熱熲熾燀燁燈燉燒燖燙燜營燦燬燭燴燶燻燼燾爍爐爛爭爲爺爾牀牆牘牴牽犖犛犢犧狀狹狽猙猶猻獁獃獄獅獎獨獪獫獮獰獱獲獵獷獸獺獻獼玀現琱琺琿瑋瑒瑣瑤瑩瑪瑲璉璊璕璗璡璣璦璫璯環璵璸璽璿瓅瓊瓏瓔瓚瓛甌甕產産畝畢畫異畵當疇疊痙痠痾瘂瘋瘍瘓瘞瘡瘧瘮瘲瘺瘻療癆癇癉癒癘癟癡癢癤癥癧癩癬癭癮癰癱癲發皁皚皰皸皺盃盜盞盡監盤盧盪眞眥眾睍睏睜睞瞘瞜瞞瞶瞼矇矓矚矯硃硜硤硨硯碕碩碭碸確碼碽磑磚磠磣磧磯磽磾礄礎礐礙礦礪礫礬礱祕祿禍禎禕禡禦禪禮禰禱禿秈稅稈稏稜稟種稱穀穇穌積穎穠穡穢穩穫穭窩窪窮窯窵窶窺竄竅竇竈竊竪競筆筍筧筴箇箋箏箚節範築篋篔篠篢篤篩篳篸簀簍簑簞簡簣簫簹簽簾籃籅籌籔籙籛籜籟籠籤籩籪籬籮籲粵糉糝糞糧糰糲糴糶糹糾紀紂紃約紅紆紇紈紉紋納紐紓純紕紖紗紘紙級紛紜紝紞紡紬紮細紱紲紳紵紹紺紼紿絀終絃組絅絆絎結絕絛絝絞絡絢給絨絪絰統絲絳絶絹絺綁綃綄綆綈綉綌綎綏綐綑經綖綜綝綞綠綡綢綣綧綪綫綬維綯綰綱網綳綴綵綸綹綺綻綽綾綿緄緇緊緋緑緒緓緔緗緘緙線緝緞締緡緣緦編緩緬緯緱緲練緶緹緻緼縈縉縊縋縐縑縕縗縛縝縞縟縣縧縫縭縮縯縱縲縳縴縵縶縷縹總績繃繅繆繒織繕繚繞繡繢繩繪繫繭繮繯繰繳繶繸繹繻繼繽繾繿纁纆纇纈纊續纍纏纓纔纕纖纘纜缽罃罈罌罎罰罵罷羅羆羈羋羣羥羨義羶習翫翬翹翽耬耮聖聞聯聰聲聳聵聶職聹聽聾肅脅脈脛脣脩脫脹腎腖腡腦腫腳腸膃膕膚膞膠膢膩膽膾膿臉臍臏臘臚臟臠臢臥臨臺與興舉舊舖舘艙艤艦艫艱艷芻苧茲荊莊莖莢莧華菴菸萇萊萬萴萵葉葒葤葦葯葷蒍蒐蒓蒔蒕蒞蒼蓀蓆蓋蓮蓯蓴蓽蔄蔔蔘蔞蔣蔥蔦蔭蔯蔿蕁蕆蕎蕒蕓蕕蕘蕢蕩蕪蕭蕷薀薈薊薌薑薔薘薟薦薩薳薴薵薹薺藍藎藝藥藪藭藴藶藹藺蘀蘄蘆蘇蘊蘋蘚蘞蘟蘢蘭蘺蘿虆虉處虛虜號虧虯蛺蛻蜆蝀蝕蝟蝦蝨蝸螄螞螢螮螻螿蟄蟈蟎蟣蟬蟯蟲蟳蟶蟻蠁蠅蠆蠍蠐蠑蠔蠟蠣蠨蠱蠶蠻衆衊術衕衚衛衝袞袷裊裏補裝裡製複褌褘褲褳褸褻襀襇襉襏襖襝襠襤襪襬襯襲襴覈見覎規覓視覘覡覥覦親覬覯覲覷覺覽覿觀觴觶觸訁訂訃計訊訌討訏訐訒訓訕訖託記訛訝訟訢訣訥訩訪設許訴訶診註証詀詁詆詎詐詒詔評詖詗詘詛詝詞詠詡詢詣試詩詪詫詬詭詮詰話該詳詵詷詼詿誄誅誆誇誌認誑誒誕誘誚語誠誡誣誤誥誦誨說説誰課誶誹誼誾調諂諄談諉請諍諏諑諒諓論諗諛諜諝諞諟諡諢諤諦諧諫諭諮諱諲諳諴諶諷諸諺諼諾謀謁謂謄謅謊謎謏謐謔謖謗謙謚講謝謠謡謨謫謬謭謳謹謾譁證譎譏譓譖識譙譚譜譞譟譫譭譯議譴護譸譽譾讀讅變讋讌讎讒讓讕讖讚讜讞谿豈豎豐豔豬豶貍貓貙貝貞貟負財貢貧貨販貪貫責貯貰貲貳貴貶買貸貺費貼貽貿賀賁賂賃賄賅資賈賊賑賒賓賕賙賚賜賞賠賡賢賣賤賦賧質賫賬賭賰賴賵賺賻購賽賾贄贅贇贈贊贋贍贏贐贓贔贖贗贛贜赬趕趙趨趲跡踐踰踴蹌蹕蹟蹠蹣蹤蹺躂躉躊躋躍躎躑躒躓躕躚躡躥躦躪軀車軋軌軍軏軑軒軔軛軝軟軤軫軲軸軹軺軻軼軾較輄輅輇輈載輊輋輒輓輔輕輗輛輜輝輞輟輥輦輩輪輬輮輯輳輶輸輻輼輾輿轀轂轄轅轆轉轍轎轔轟轡轢轤辦辭辮辯農迴逕這連週進遊運過達違遙遜遞遠遡適遲遶遷選遺遼邁還邇邊邏邐郟郵鄆鄉鄒鄔鄖鄧鄩鄭鄰鄲鄳鄴鄶鄺酇酈醃醖醜醞醟醣醫醬醱醲釀釁釃釅釋釐釒釓釔釕釗釘釙針釣釤釦釧釩釴釵釷釹釺釾釿鈀鈁鈃鈄鈅鈇鈈鈉鈍鈎鈐鈑鈒鈔鈕鈞鈡鈣鈥鈦鈧鈮鈰鈳鈴鈷鈸鈹鈺鈽鈾鈿鉀鉅鉆鉈鉉鉊鉋鉍鉑鉕鉗鉚鉛鉝鉞鉢鉤鉥鉦鉧鉬鉭鉮鉳鉶鉷鉸鉺鉻鉿銀銃銅銈銍銑銓銖銘銚銛銜銠銣銥銦銨銩銪銫銬銱銳銶銷銹銻銼鋁鋃鋅鋇鋌鋏鋐鋒鋗鋙鋝鋟鋣鋤鋥鋦鋨鋩鋪鋭鋮鋯鋰鋱鋶鋸鋹鋼錀錁錄錆錇錈錏錐錒錕錘錙錚錛錞錟錠錡錢錤錦錨錩錫錮錯録錳錶錸錼鍀鍁鍃鍅鍆鍇鍈鍊鍋鍍鍔鍘鍚鍛鍠鍤鍥鍩鍬鍭鍰鍵鍶鍺鍼鍾鎂鎄鎇鎊鎌鎓鎔鎖鎘鎚鎛鎝鎡鎢鎣鎦鎧鎩鎪鎬鎭鎮鎰鎲鎳鎵鎶鎸鎿鏃鏇鏈鏌鏍鏏鏐鏑鏗鏘鏜鏝鏞鏟鏡鏢鏤鏨鏰鏵鏷鏹鏺鏻鏽鐃鐄鐇鐋鐍鐏鐐鐒鐓鐔鐘鐙鐝鐠鐥鐦鐧鐨鐩鐫鐮鐯鐲鐳鐵鐶鐸鐺鐽鐿鑄鑊鑌鑑鑒鑔鑕鑞鑠鑣鑥鑪鑭鑰鑱鑲鑷鑹鑼鑽鑾鑿钁钂長門閂閃閆閈閉開閌閎閏閑閒間閔閘閡閣閤閥閨閩閫閬閭閱閲閶閹閻閼閽閾閿闃闆闇闈闉闊闋闌闍闐闑闒闓闔闕闖關闞闠闡闢闤闥陘陝陞陣陰陳陸陽隉隊階隑隕際隤隨險隮隯隱隴隸隻雋雖雙雛雜雞離難雲電霑霢霧霽靂靄靆靈靉靚靜靝靦靨鞏鞝鞦鞽韁韃韆韉韋韌韍韓韙韜韝韞韻響頁頂頃項順頇須頊頌頍頎頏預頑頒頓頔頗領頜頠頡頤頦頫頭頮頰頲頴頵頷頸頹頻頽顆題額顎顏顒顓顔顗願顙顛類顢顥顧顫顬顯顰顱顳顴風颭颮颯颱颳颶颸颺颻颼飀飄飆飈飛飠飢飣飥飩飪飫飭飯飱飲飴飼飽飾飿餃餄餅餈餉養餌餎餏餑餒餓餕餖餗餘餚餛餜餞餡館餬餱餳餵餶餷餸餺餼餾餿饁饃饅饈饉饊饋饌饑饒饗饘饜饞饢馬馭馮馱馳馴馹馼駁駃駉駐駑駒駓駔駕駘駙駛駝駟駡駢駪駭駰駱駸駼駿騁騂騄騅騊騌騍騎騏騑騖騙騞騠騤騧騫騭騮騰騱騵騶騷騸騾驀驁驂驃驄驅驊驌驍驎驏驕驗驚驛驟驢驤驥驦驪驫骯髏髒體髕髖髮鬆鬍鬚鬢鬥鬧鬨鬩鬮鬱鬹魎魘魚魛魟魢魨魯魴魷魺鮀鮁鮃鮆鮈鮊鮋鮍鮎鮐鮑鮒鮓鮚鮜鮝鮞鮟鮠鮡鮣鮦鮪鮫鮭鮮鮳鮶鮸鮺鯀鯁鯇鯉鯊鯒鯔鯕鯖鯗鯛鯝鯡鯢鯤鯧鯨鯪鯫鯰鯴鯷鯻鯽鯿鰁鰂鰃鰆鰈鰉鰊鰌鰍鰏鰐鰒鰓鰛鰜鰟鰠鰣鰤鰥鰧鰨鰩鰭鰮鰱鰲鰳鰵鰶鰷鰹鰺鰻鰼鰾鱀鱂鱅鱇鱈鱉鱒鱔鱖鱗鱘鱚鱝鱟鱠鱣鱤鱧鱨鱭鱯鱲鱷鱸鱺鳥鳧鳩鳬鳲鳳鳴鳶鳾鴆鴇鴉鴒鴕鴛鴝鴞鴟鴣鴦鴨鴯鴰鴴鴷鴻鴿鵁鵂鵃鵏鵐鵑鵒鵓鵜鵝鵟鵠鵡鵪鵬鵮鵯鵰鵲鵷鵾鶄鶇鶉鶊鶓鶖鶘鶚鶠鶡鶥鶩鶪鶬鶯鶱鶲鶴鶹鶺鶻鶼鶿鷀鷁鷂鷄鷉鷊鷓鷖鷗鷙鷚鷟鷥鷦鷫鷭鷯鷲鷳鷴鷸鷹鷺鷽鸂鸇鸊鸌鸏鸑鸕鸘鸚鸛鸝鸞鹵鹹鹺鹼鹽麗麥麩麪麫麬麯麳麴麵麼麽黃黌點黨黲黴黶黷黽黿鼂鼉鼕鼴齊齋齎齏齒齔齕齗齘齙齜齟齠齡齣齦齧齪齬齮齯齲齶齷齼龍龎龐龑龔龕龜鿁鿓ꙀꙂꙄꙆꙈꙊꙌꙎꙐꙒꙔꙖꙘꙚꙜꙞꙠꙢꙤꙦꙨꙪꙬꚀꚂꚄꚆꚈꚊꚌꚎꚐꚒꚔꚖꚘꚚꜢꜤꜦꜨꜪꜬꜮꜲꜴꜶꜸꜺꜼꜾꝀꝂꝄꝆꝈꝊꝌꝎꝐꝒꝔꝖꝘꝚꝜꝞꝠꝢꝤꝦꝨꝪꝬꝮꝹꝻꝽꝾꞀꞂꞄꞆꞋꞍꞐꞒꞖꞘꞚꞜꞞꞠꞢꞤꞦꞨꞪꞫꞬꞭꞮꞰꞱꞲꞳꞴꞶꞸꞺꞼꞾꟀꟂꟄꟅꟆꟇꟉꟐꟖꟘꟵ𠁞𠗣𡃕𡅏𡑍𡑭𡓾𡔖𡞵𡠹𡢃𡮉𡮣𡳳𡻕𡾱𢣚𢶫𢹿𣈶𣙎𣞻𣠩𣠲𣯶𣾷𤁣𤅶𤓩𤪺𤫩𤳸𥊝𥌃𥕥𥖅𥗽𥢢𥸠𥼽𦘧𦣎𦪙𧜗𧜵𧝞𧟀𧩙𧵳𧶧𨊰𨊸𨋢𨤻𨦫𨧀𨧜𨨏𨭆𨭎𨯅𩞯𩠴𩣑𩶘𰻞]', 'g') AS m) AS found
    ) ELSE x END
$$;
CREATE FUNCTION public.fw_fold_term(x text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
    AS $$BEGIN RETURN (
    SELECT CASE WHEN x ~ '[ABCDEFGHIJKLMNOPQRSTUVWXYZÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮĴĶĹĻĽŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽƁƂƄƆƇƉƊƋƎƏƐƑƓƔƖƗƘƜƝƟƠƢƤƦƧƩƬƮƯƱƲƳƵƷƸƼǍǏǑǓǕǗǙǛǞǠǢǤǦǨǪǬǮǴǶǷǸǺǼǾȀȂȄȆȈȊȌȎȐȒȔȖȘȚȜȞȠȢȤȦȨȪȬȮȰȲȺȻȽȾɁɃɄɅɆɈɊɌɎͰͲͶͿΆΈΉΊΌΎΏΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩΪΫϏϘϚϜϞϠϢϤϦϨϪϬϮϷϺϽϾϿЀЁЂЃЄЅІЇЈЉЊЋЌЍЎЏАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯѠѢѤѦѨѪѬѮѰѲѴѶѸѺѼѾҀҊҌҎҐҒҔҖҘҚҜҞҠҢҤҦҨҪҬҮҰҲҴҶҸҺҼҾӀӁӃӅӇӉӋӍӐӒӔӖӘӚӜӞӠӢӤӦӨӪӬӮӰӲӴӶӸӺӼӾԀԂԄԆԈԊԌԎԐԒԔԖԘԚԜԞԠԢԤԦԨԪԬԮԱԲԳԴԵԶԷԸԹԺԻԼԽԾԿՀՁՂՃՄՅՆՇՈՉՊՋՌՍՎՏՐՑՒՓՔՕՖႠႡႢႣႤႥႦႧႨႩႪႫႬႭႮႯႰႱႲႳႴႵႶႷႸႹႺႻႼႽႾႿჀჁჂჃჄჅჇჍᎠᎡᎢᎣᎤᎥᎦᎧᎨᎩᎪᎫᎬᎭᎮᎯᎰᎱᎲᎳᎴᎵᎶᎷᎸᎹᎺᎻᎼᎽᎾᎿᏀᏁᏂᏃᏄᏅᏆᏇᏈᏉᏊᏋᏌᏍᏎᏏᏐᏑᏒᏓᏔᏕᏖᏗᏘᏙᏚᏛᏜᏝᏞᏟᏠᏡᏢᏣᏤᏥᏦᏧᏨᏩᏪᏫᏬᏭᏮᏯᏰᏱᏲᏳᏴᏵᲐᲑᲒᲓᲔᲕᲖᲗᲘᲙᲚᲛᲜᲝᲞᲟᲠᲡᲢᲣᲤᲥᲦᲧᲨᲩᲪᲫᲬᲭᲮᲯᲰᲱᲲᲳᲴᲵᲶᲷᲸᲹᲺᲽᲾᲿḀḂḄḆḈḊḌḎḐḒḔḖḘḚḜḞḠḢḤḦḨḪḬḮḰḲḴḶḸḺḼḾṀṂṄṆṈṊṌṎṐṒṔṖṘṚṜṞṠṢṤṦṨṪṬṮṰṲṴṶṸṺṼṾẀẂẄẆẈẊẌẎẐẒẔẞẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸỺỼỾἈἉἊἋἌἍἎἏἘἙἚἛἜἝἨἩἪἫἬἭἮἯἸἹἺἻἼἽἾἿὈὉὊὋὌὍὙὛὝὟὨὩὪὫὬὭὮὯᾈᾉᾊᾋᾌᾍᾎᾏᾘᾙᾚᾛᾜᾝᾞᾟᾨᾩᾪᾫᾬᾭᾮᾯᾸᾹᾺᾼῈῊῌῘῙῚῨῩῪῬῸῺῼℲↃⰀⰁⰂⰃⰄⰅⰆⰇⰈⰉⰊⰋⰌⰍⰎⰏⰐⰑⰒⰓⰔⰕⰖⰗⰘⰙⰚⰛⰜⰝⰞⰟⰠⰡⰢⰣⰤⰥⰦⰧⰨⰩⰪⰫⰬⰭⰮⰯⱠⱢⱣⱤⱧⱩⱫⱭⱮⱯⱰⱲⱵⱾⱿⲀⲂⲄⲆⲈⲊⲌⲎⲐⲒⲔⲖⲘⲚⲜⲞⲠⲢⲤⲦⲨⲪⲬⲮⲰⲲⲴⲶⲸⲺⲼⲾⳀⳂⳄⳆⳈⳊⳌⳎⳐⳒⳔⳖⳘⳚⳜⳞⳠⳢⳫⳭⳲ㑯㑳㑶㓨㗲㘚㜄㜏㜢㠏㠣㥮㩜㩳㩵㺏䁪䁻䃮䊷䋙䋚䋹䋻䍦䎱䓣䙡䜀䝼䡵䥇䥑䥕䥱䦛䦟䧢䮄䯀䰾䱷䱽䲁䲘䴉丟並乾亂亙亞佇佈佔併來侖侶侷俁係俔俠俥俬倀倆倈倉個們倖倫倲偉偑側偵偽傌傑傖傘備傢傭傯傳傴債傷傾僂僅僉僑僕僞僤僥僨僱價儀儁儂億儈儉儎儐儔儕儘償優儲儷儸儺儻儼兇兌兒兗內兩冊冑冪凈凍凜凱別刪剄則剋剎剗剛剝剮剴創剷劃劄劇劉劊劌劍劏劑劚勁動務勛勝勞勢勣勩勱勳勵勸勻匭匯匱區協卹卻卽厙厠厤厭厲厴參叄叢吒吳吶呂咼員唄唸問啓啞啟啢喎喚喪喫喬單喲嗆嗇嗊嗎嗚嗩嗰嗶嘆嘍嘓嘔嘖嘗嘜嘩嘮嘯嘰嘵嘸嘽噁噓噚噝噠噥噦噯噲噴噸噹嚀嚇嚌嚐嚕嚙嚥嚦嚧嚨嚮嚲嚳嚴嚶囀囁囂囅囈囉囌囑囪圇國圍園圓圖團垻埡埨埰執堅堊堖堝堯報場塊塋塏塒塗塚塢塤塵塸塹塿墊墜墠墮墰墳墶墻墾壇壋壎壓壗壘壙壚壜壞壟壠壢壩壪壯壺壼壽夠夢夥夾奐奧奩奪奬奮奼妝姍姦娙娛婁婦婭媧媯媰媼媽嫋嫗嫵嫺嫻嫿嬀嬃嬈嬋嬌嬙嬡嬤嬪嬰嬸孃孋孌孫學孻孿宮寀寢實寧審寫寬寵寶將專尋對導尷屆屍屓屜屢層屨屬岡峯峴島峽崍崑崗崙崢崬嵐嵗嵽嵾嶁嶄嶇嶔嶗嶠嶢嶧嶨嶮嶸嶺嶼嶽巋巒巔巖巘巰巹帥師帳帶幀幃幓幗幘幟幣幫幬幷幹幾庫廁廂廄廈廎廕廚廝廞廟廠廡廢廣廩廬廳弒弔弳張強彄彆彈彌彎彔彙彠彥彫彲彿後徑從徠復徵徹恆恥悅悞悵悶悽惡惱惲惻愛愜愨愴愷愾慄態慍慘慚慟慣慤慪慫慮慳慶慺慼慾憂憊憐憑憒憖憚憤憫憮憲憶懇應懌懍懞懟懣懤懨懲懶懷懸懺懼懾戀戇戔戧戩戰戱戲戶扞拋拚挩挱挾捨捫捱捲掃掄掆掗掙掛採揀揚換揮揯損搖搗搧搵搶摑摜摟摯摳摶摺摻撈撏撐撓撝撟撣撥撫撲撳撻撾撿擁擄擇擊擋擓擔據擠擡擣擬擯擰擱擲擴擷擺擻擼擽擾攄攆攏攔攖攙攛攜攝攢攣攤攪攬敎敓敗敘敵數斂斃斆斕斬斷於旂旣昇時晉晛晝暈暉暐暘暢暫曄曆曇曉曏曖曠曥曨曬書會朥朧朮東枴柵柺査桱桿梔梘梜條梟梲棄棊棖棗棟棡棧棲棶椏椲楊楓楨業極榘榦榪榮榲榿構槍槓槤槧槨槮槳槶槼樁樂樅樑樓標樞樢樣樧樫樳樸樹樺樿橈橋機橢橫橯檁檉檔檜檟檢檣檮檯檳檸檻櫃櫍櫓櫚櫛櫝櫞櫟櫥櫧櫨櫪櫫櫬櫱櫳櫸櫻欄欅權欏欒欓欖欞欽歎歐歟歡歲歷歸歿殘殞殤殨殫殭殮殯殰殲殺殻殼毀毆毿氂氈氌氣氫氬氳氾汎汙決沒沖況泝洩洶浹浿涇涗涼淒淚淥淨淩淪淵淶淺渙減渢渦測渾湊湋湞湧湯溈準溝溫溮溳溼滄滅滌滎滙滬滯滲滷滸滻滾滿漁漊漍漚漢漣漬漲漵漸漿潁潑潔潕潙潚潛潤潯潰潷潿澀澆澇澐澗澠澤澦澩澫澮澱澾濁濃濄濆濕濘濚濛濜濟濤濧濫濰濱濺濼濾瀂瀅瀆瀇瀉瀋瀏瀕瀘瀝瀟瀠瀦瀧瀨瀰瀲瀾灃灄灑灒灕灘灙灝灡灣灤灧灩災為烏烴無煉煒煙煢煥煩煬煱熅熒熗熰熱熲熾燀燁燈燉燒燖燙燜營燦燬燭燴燶燻燼燾爍爐爛爭爲爺爾牀牆牘牴牽犖犛犢犧狀狹狽猙猶猻獁獃獄獅獎獨獪獫獮獰獱獲獵獷獸獺獻獼玀現琱琺琿瑋瑒瑣瑤瑩瑪瑲璉璊璕璗璡璣璦璫璯環璵璸璽璿瓅瓊瓏瓔瓚瓛甌甕產産畝畢畫異畵當疇疊痙痠痾瘂瘋瘍瘓瘞瘡瘧瘮瘲瘺瘻療癆癇癉癒癘癟癡癢癤癥癧癩癬癭癮癰癱癲發皁皚皰皸皺盃盜盞盡監盤盧盪眞眥眾睍睏睜睞瞘瞜瞞瞶瞼矇矓矚矯硃硜硤硨硯碕碩碭碸確碼碽磑磚磠磣磧磯磽磾礄礎礐礙礦礪礫礬礱祕祿禍禎禕禡禦禪禮禰禱禿秈稅稈稏稜稟種稱穀穇穌積穎穠穡穢穩穫穭窩窪窮窯窵窶窺竄竅竇竈竊竪競筆筍筧筴箇箋箏箚節範築篋篔篠篢篤篩篳篸簀簍簑簞簡簣簫簹簽簾籃籅籌籔籙籛籜籟籠籤籩籪籬籮籲粵糉糝糞糧糰糲糴糶糹糾紀紂紃約紅紆紇紈紉紋納紐紓純紕紖紗紘紙級紛紜紝紞紡紬紮細紱紲紳紵紹紺紼紿絀終絃組絅絆絎結絕絛絝絞絡絢給絨絪絰統絲絳絶絹絺綁綃綄綆綈綉綌綎綏綐綑經綖綜綝綞綠綡綢綣綧綪綫綬維綯綰綱網綳綴綵綸綹綺綻綽綾綿緄緇緊緋緑緒緓緔緗緘緙線緝緞締緡緣緦編緩緬緯緱緲練緶緹緻緼縈縉縊縋縐縑縕縗縛縝縞縟縣縧縫縭縮縯縱縲縳縴縵縶縷縹總績繃繅繆繒織繕繚繞繡繢繩繪繫繭繮繯繰繳繶繸繹繻繼繽繾繿纁纆纇纈纊續纍纏纓纔纕纖纘纜缽罃罈罌罎罰罵罷羅羆羈羋羣羥羨義羶習翫翬翹翽耬耮聖聞聯聰聲聳聵聶職聹聽聾肅脅脈脛脣脩脫脹腎腖腡腦腫腳腸膃膕膚膞膠膢膩膽膾膿臉臍臏臘臚臟臠臢臥臨臺與興舉舊舖舘艙艤艦艫艱艷芻苧茲荊莊莖莢莧華菴菸萇萊萬萴萵葉葒葤葦葯葷蒍蒐蒓蒔蒕蒞蒼蓀蓆蓋蓮蓯蓴蓽蔄蔔蔘蔞蔣蔥蔦蔭蔯蔿蕁蕆蕎蕒蕓蕕蕘蕢蕩蕪蕭蕷薀薈薊薌薑薔薘薟薦薩薳薴薵薹薺藍藎藝藥藪藭藴藶藹藺蘀蘄蘆蘇蘊蘋蘚蘞蘟蘢蘭蘺蘿虆虉處虛虜號虧虯蛺蛻蜆蝀蝕蝟蝦蝨蝸螄螞螢螮螻螿蟄蟈蟎蟣蟬蟯蟲蟳蟶蟻蠁蠅蠆蠍蠐蠑蠔蠟蠣蠨蠱蠶蠻衆衊術衕衚衛衝袞袷裊裏補裝裡製複褌褘褲褳褸褻襀襇襉襏襖襝襠襤襪襬襯襲襴覈見覎規覓視覘覡覥覦親覬覯覲覷覺覽覿觀觴觶觸訁訂訃計訊訌討訏訐訒訓訕訖託記訛訝訟訢訣訥訩訪設許訴訶診註証詀詁詆詎詐詒詔評詖詗詘詛詝詞詠詡詢詣試詩詪詫詬詭詮詰話該詳詵詷詼詿誄誅誆誇誌認誑誒誕誘誚語誠誡誣誤誥誦誨說説誰課誶誹誼誾調諂諄談諉請諍諏諑諒諓論諗諛諜諝諞諟諡諢諤諦諧諫諭諮諱諲諳諴諶諷諸諺諼諾謀謁謂謄謅謊謎謏謐謔謖謗謙謚講謝謠謡謨謫謬謭謳謹謾譁證譎譏譓譖識譙譚譜譞譟譫譭譯議譴護譸譽譾讀讅變讋讌讎讒讓讕讖讚讜讞谿豈豎豐豔豬豶貍貓貙貝貞貟負財貢貧貨販貪貫責貯貰貲貳貴貶買貸貺費貼貽貿賀賁賂賃賄賅資賈賊賑賒賓賕賙賚賜賞賠賡賢賣賤賦賧質賫賬賭賰賴賵賺賻購賽賾贄贅贇贈贊贋贍贏贐贓贔贖贗贛贜赬趕趙趨趲跡踐踰踴蹌蹕蹟蹠蹣蹤蹺躂躉躊躋躍躎躑躒躓躕躚躡躥躦躪軀車軋軌軍軏軑軒軔軛軝軟軤軫軲軸軹軺軻軼軾較輄輅輇輈載輊輋輒輓輔輕輗輛輜輝輞輟輥輦輩輪輬輮輯輳輶輸輻輼輾輿轀轂轄轅轆轉轍轎轔轟轡轢轤辦辭辮辯農迴逕這連週進遊運過達違遙遜遞遠遡適遲遶遷選遺遼邁還邇邊邏邐郟郵鄆鄉鄒鄔鄖鄧鄩鄭鄰鄲鄳鄴鄶鄺酇酈醃醖醜醞醟醣醫醬醱醲釀釁釃釅釋釐釒釓釔釕釗釘釙針釣釤釦釧釩釴釵釷釹釺釾釿鈀鈁鈃鈄鈅鈇鈈鈉鈍鈎鈐鈑鈒鈔鈕鈞鈡鈣鈥鈦鈧鈮鈰鈳鈴鈷鈸鈹鈺鈽鈾鈿鉀鉅鉆鉈鉉鉊鉋鉍鉑鉕鉗鉚鉛鉝鉞鉢鉤鉥鉦鉧鉬鉭鉮鉳鉶鉷鉸鉺鉻鉿銀銃銅銈銍銑銓銖銘銚銛銜銠銣銥銦銨銩銪銫銬銱銳銶銷銹銻銼鋁鋃鋅鋇鋌鋏鋐鋒鋗鋙鋝鋟鋣鋤鋥鋦鋨鋩鋪鋭鋮鋯鋰鋱鋶鋸鋹鋼錀錁錄錆錇錈錏錐錒錕錘錙錚錛錞錟錠錡錢錤錦錨錩錫錮錯録錳錶錸錼鍀鍁鍃鍅鍆鍇鍈鍊鍋鍍鍔鍘鍚鍛鍠鍤鍥鍩鍬鍭鍰鍵鍶鍺鍼鍾鎂鎄鎇鎊鎌鎓鎔鎖鎘鎚鎛鎝鎡鎢鎣鎦鎧鎩鎪鎬鎭鎮鎰鎲鎳鎵鎶鎸鎿鏃鏇鏈鏌鏍鏏鏐鏑鏗鏘鏜鏝鏞鏟鏡鏢鏤鏨鏰鏵鏷鏹鏺鏻鏽鐃鐄鐇鐋鐍鐏鐐鐒鐓鐔鐘鐙鐝鐠鐥鐦鐧鐨鐩鐫鐮鐯鐲鐳鐵鐶鐸鐺鐽鐿鑄鑊鑌鑑鑒鑔鑕鑞鑠鑣鑥鑪鑭鑰鑱鑲鑷鑹鑼鑽鑾鑿钁钂長門閂閃閆閈閉開閌閎閏閑閒間閔閘閡閣閤閥閨閩閫閬閭閱閲閶閹閻閼閽閾閿闃闆闇闈闉闊闋闌闍闐闑闒闓闔闕闖關闞闠闡闢闤闥陘陝陞陣陰陳陸陽隉隊階隑隕際隤隨險隮隯隱隴隸隻雋雖雙雛雜雞離難雲電霑霢霧霽靂靄靆靈靉靚靜靝靦靨鞏鞝鞦鞽韁韃韆韉韋韌韍韓韙韜韝韞韻響頁頂頃項順頇須頊頌頍頎頏預頑頒頓頔頗領頜頠頡頤頦頫頭頮頰頲頴頵頷頸頹頻頽顆題額顎顏顒顓顔顗願顙顛類顢顥顧顫顬顯顰顱顳顴風颭颮颯颱颳颶颸颺颻颼飀飄飆飈飛飠飢飣飥飩飪飫飭飯飱飲飴飼飽飾飿餃餄餅餈餉養餌餎餏餑餒餓餕餖餗餘餚餛餜餞餡館餬餱餳餵餶餷餸餺餼餾餿饁饃饅饈饉饊饋饌饑饒饗饘饜饞饢馬馭馮馱馳馴馹馼駁駃駉駐駑駒駓駔駕駘駙駛駝駟駡駢駪駭駰駱駸駼駿騁騂騄騅騊騌騍騎騏騑騖騙騞騠騤騧騫騭騮騰騱騵騶騷騸騾驀驁驂驃驄驅驊驌驍驎驏驕驗驚驛驟驢驤驥驦驪驫骯髏髒體髕髖髮鬆鬍鬚鬢鬥鬧鬨鬩鬮鬱鬹魎魘魚魛魟魢魨魯魴魷魺鮀鮁鮃鮆鮈鮊鮋鮍鮎鮐鮑鮒鮓鮚鮜鮝鮞鮟鮠鮡鮣鮦鮪鮫鮭鮮鮳鮶鮸鮺鯀鯁鯇鯉鯊鯒鯔鯕鯖鯗鯛鯝鯡鯢鯤鯧鯨鯪鯫鯰鯴鯷鯻鯽鯿鰁鰂鰃鰆鰈鰉鰊鰌鰍鰏鰐鰒鰓鰛鰜鰟鰠鰣鰤鰥鰧鰨鰩鰭鰮鰱鰲鰳鰵鰶鰷鰹鰺鰻鰼鰾鱀鱂鱅鱇鱈鱉鱒鱔鱖鱗鱘鱚鱝鱟鱠鱣鱤鱧鱨鱭鱯鱲鱷鱸鱺鳥鳧鳩鳬鳲鳳鳴鳶鳾鴆鴇鴉鴒鴕鴛鴝鴞鴟鴣鴦鴨鴯鴰鴴鴷鴻鴿鵁鵂鵃鵏鵐鵑鵒鵓鵜鵝鵟鵠鵡鵪鵬鵮鵯鵰鵲鵷鵾鶄鶇鶉鶊鶓鶖鶘鶚鶠鶡鶥鶩鶪鶬鶯鶱鶲鶴鶹鶺鶻鶼鶿鷀鷁鷂鷄鷉鷊鷓鷖鷗鷙鷚鷟鷥鷦鷫鷭鷯鷲鷳鷴鷸鷹鷺鷽鸂鸇鸊鸌鸏鸑鸕鸘鸚鸛鸝鸞鹵鹹鹺鹼鹽麗麥麩麪麫麬麯麳麴麵麼麽黃黌點黨黲黴黶黷黽黿鼂鼉鼕鼴齊齋齎齏齒齔齕齗齘齙齜齟齠齡齣齦齧齪齬齮齯齲齶齷齼龍龎龐龑龔龕龜鿁鿓ꙀꙂꙄꙆꙈꙊꙌꙎꙐꙒꙔꙖꙘꙚꙜꙞꙠꙢꙤꙦꙨꙪꙬꚀꚂꚄꚆꚈꚊꚌꚎꚐꚒꚔꚖꚘꚚꜢꜤꜦꜨꜪꜬꜮꜲꜴꜶꜸꜺꜼꜾꝀꝂꝄꝆꝈꝊꝌꝎꝐꝒꝔꝖꝘꝚꝜꝞꝠꝢꝤꝦꝨꝪꝬꝮꝹꝻꝽꝾꞀꞂꞄꞆꞋꞍꞐꞒꞖꞘꞚꞜꞞꞠꞢꞤꞦꞨꞪꞫꞬꞭꞮꞰꞱꞲꞳꞴꞶꞸꞺꞼꞾꟀꟂꟄꟅꟆꟇꟉꟐꟖꟘꟵ𠁞𠗣𡃕𡅏𡑍𡑭𡓾𡔖𡞵𡠹𡢃𡮉𡮣𡳳𡻕𡾱𢣚𢶫𢹿𣈶𣙎𣞻𣠩𣠲𣯶𣾷𤁣𤅶𤓩𤪺𤫩𤳸𥊝𥌃𥕥𥖅𥗽𥢢𥸠𥼽𦘧𦣎𦪙𧜗𧜵𧝞𧟀𧩙𧵳𧶧𨊰𨊸𨋢𨤻𨦫𨧀𨧜𨨏𨭆𨭎𨯅𩞯𩠴𩣑𩶘𰻞]' THEN (
        SELECT translate(x, string_agg(found.ch, ''),
                         string_agg(substr('abcdefghijklmnopqrstuvwxyzàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþāăąćĉċčďđēĕėęěĝğġģĥħĩīĭįĵķĺļľłńņňŋōŏőœŕŗřśŝşšţťŧũūŭůűųŵŷÿźżžɓƃƅɔƈɖɗƌǝəɛƒɠɣɩɨƙɯɲɵơƣƥʀƨʃƭʈưʊʋƴƶʒƹƽǎǐǒǔǖǘǚǜǟǡǣǥǧǩǫǭǯǵƕƿǹǻǽǿȁȃȅȇȉȋȍȏȑȓȕȗșțȝȟƞȣȥȧȩȫȭȯȱȳⱥȼƚⱦɂƀʉʌɇɉɋɍɏͱͳͷϳάέήίόύώαβγδεζηθικλμνξοπρστυφχψωϊϋϗϙϛϝϟϡϣϥϧϩϫϭϯϸϻͻͼͽѐёђѓєѕіїјљњћќѝўџабвгдежзийклмнопрстуфхцчшщъыьэюяѡѣѥѧѩѫѭѯѱѳѵѷѹѻѽѿҁҋҍҏґғҕҗҙқҝҟҡңҥҧҩҫҭүұҳҵҷҹһҽҿӏӂӄӆӈӊӌӎӑӓӕӗәӛӝӟӡӣӥӧөӫӭӯӱӳӵӷӹӻӽӿԁԃԅԇԉԋԍԏԑԓԕԗԙԛԝԟԡԣԥԧԩԫԭԯաբգդեզէըթժիլխծկհձղճմյնշոչպջռսվտրցւփքօֆⴀⴁⴂⴃⴄⴅⴆⴇⴈⴉⴊⴋⴌⴍⴎⴏⴐⴑⴒⴓⴔⴕⴖⴗⴘⴙⴚⴛⴜⴝⴞⴟⴠⴡⴢⴣⴤⴥⴧⴭꭰꭱꭲꭳꭴꭵꭶꭷꭸꭹꭺꭻꭼꭽꭾꭿꮀꮁꮂꮃꮄꮅꮆꮇꮈꮉꮊꮋꮌꮍꮎꮏꮐꮑꮒꮓꮔꮕꮖꮗꮘꮙꮚꮛꮜꮝꮞꮟꮠꮡꮢꮣꮤꮥꮦꮧꮨꮩꮪꮫꮬꮭꮮꮯꮰꮱꮲꮳꮴꮵꮶꮷꮸꮹꮺꮻꮼꮽꮾꮿᏸᏹᏺᏻᏼᏽაბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰჱჲჳჴჵჶჷჸჹჺჽჾჿḁḃḅḇḉḋḍḏḑḓḕḗḙḛḝḟḡḣḥḧḩḫḭḯḱḳḵḷḹḻḽḿṁṃṅṇṉṋṍṏṑṓṕṗṙṛṝṟṡṣṥṧṩṫṭṯṱṳṵṷṹṻṽṿẁẃẅẇẉẋẍẏẑẓẕßạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹỻỽỿἀἁἂἃἄἅἆἇἐἑἒἓἔἕἠἡἢἣἤἥἦἧἰἱἲἳἴἵἶἷὀὁὂὃὄὅὑὓὕὗὠὡὢὣὤὥὦὧᾀᾁᾂᾃᾄᾅᾆᾇᾐᾑᾒᾓᾔᾕᾖᾗᾠᾡᾢᾣᾤᾥᾦᾧᾰᾱὰᾳὲὴῃῐῑὶῠῡὺῥὸὼῳⅎↄⰰⰱⰲⰳⰴⰵⰶⰷⰸⰹⰺⰻⰼⰽⰾⰿⱀⱁⱂⱃⱄⱅⱆⱇⱈⱉⱊⱋⱌⱍⱎⱏⱐⱑⱒⱓⱔⱕⱖⱗⱘⱙⱚⱛⱜⱝⱞⱟⱡɫᵽɽⱨⱪⱬɑɱɐɒⱳⱶȿɀⲁⲃⲅⲇⲉⲋⲍⲏⲑⲓⲕⲗⲙⲛⲝⲟⲡⲣⲥⲧⲩⲫⲭⲯⲱⲳⲵⲷⲹⲻⲽⲿⳁⳃⳅⳇⳉⳋⳍⳏⳑⳓⳕⳗⳙⳛⳝⳟⳡⳣⳬⳮⳳ㑔㑇㐹刾𠵾㘎㚯㛣𡞱㟆𫵷㤘㨫㧐擜𤠋𥇢䀥鿎䌶䌺䌻䌿䌾䍠䎬𬜯䙌䜧䞍𫟦䦂鿏𬭯䥾䦶䦷𨸟𫠊䯅鲃䲣䲝鳚鳤鹮丢并干乱亘亚伫布占并来仑侣局俣系伣侠伡私伥俩俫仓个们幸伦㑈伟㐽侧侦伪㐷杰伧伞备家佣偬传伛债伤倾偻仅佥侨仆伪𫢸侥偾雇价仪俊侬亿侩俭傤傧俦侪尽偿优储俪㑩傩傥俨凶兑儿兖内两册胄幂净冻凛凯别删刭则克刹刬刚剥剐剀创铲划札剧刘刽刿剑㓥剂㔉劲动务勋胜劳势𪟝勚劢勋励劝匀匦汇匮区协恤却即厍厕历厌厉厣参叁丛咤吴呐吕呙员呗念问启哑启唡㖞唤丧吃乔单哟呛啬唝吗呜唢𠮶哔叹喽啯呕啧尝唛哗唠啸叽哓呒啴恶嘘㖊咝哒哝哕嗳哙喷吨当咛吓哜尝噜啮咽呖𠰷咙向亸喾严嘤啭嗫嚣冁呓啰苏嘱囱囵国围园圆图团坝垭𫭢采执坚垩垴埚尧报场块茔垲埘涂冢坞埙尘𫭟堑𪣻垫坠𫮃堕坛坟垯墙垦坛垱埙压𡋤垒圹垆坛坏垄垅坜坝塆壮壶壸寿够梦伙夹奂奥奁夺奖奋姹妆姗奸𫰛娱娄妇娅娲妫㛀媪妈袅妪妩娴娴婳妫媭娆婵娇嫱嫒嬷嫔婴婶娘㛤娈孙学𡥧孪宫采寝实宁审写宽宠宝将专寻对导尴届尸屃屉屡层屦属冈峰岘岛峡崃昆岗仑峥岽岚岁𫶇㟥嵝崭岖嵚崂峤峣峄峃崄嵘岭屿岳岿峦巅岩𪩘巯卺帅师帐带帧帏㡎帼帻帜币帮帱并干几库厕厢厩厦庼荫厨厮𫷷庙厂庑废广廪庐厅弑吊弪张强𫸩别弹弥弯录汇彟彦雕彨佛后径从徕复征彻恒耻悦悮怅闷凄恶恼恽恻爱惬悫怆恺忾栗态愠惨惭恸惯悫怄怂虑悭庆㥪戚欲忧惫怜凭愦慭惮愤悯怃宪忆恳应怿懔蒙怼懑㤽恹惩懒怀悬忏惧慑恋戆戋戗戬战戯戏户捍抛拼捝挲挟舍扪挨卷扫抡㧏挜挣挂采拣扬换挥搄损摇捣扇揾抢掴掼搂挚抠抟折掺捞挦撑挠㧑挢掸拨抚扑揿挞挝捡拥掳择击挡㧟担据挤抬捣拟摈拧搁掷扩撷摆擞撸㧰扰摅撵拢拦撄搀撺携摄攒挛摊搅揽教敚败叙敌数敛毙敩斓斩断于旗既升时晋𬀪昼晕晖𬀩旸畅暂晔历昙晓向暧旷𣆐昽晒书会𦛨胧术东拐栅拐查𣐕杆栀枧𬂩条枭棁弃棋枨枣栋㭎栈栖梾桠㭏杨枫桢业极矩干杩荣榅桤构枪杠梿椠椁椮桨椢椝桩乐枞梁楼标枢㭤样榝㭴桪朴树桦椫桡桥机椭横𣓿檩柽档桧槚检樯梼台槟柠槛柜𬃊橹榈栉椟橼栎橱槠栌枥橥榇蘖栊榉樱栏榉权椤栾𣗋榄棂钦叹欧欤欢岁历归殁残殒殇㱮殚僵殓殡㱩歼杀壳壳毁殴毵牦毡氇气氢氩氲泛泛污决没冲况溯泄汹浃𬇙泾涚凉凄泪渌净凌沦渊涞浅涣减沨涡测浑凑𣲗浈涌汤沩准沟温浉涢湿沧灭涤荥汇沪滞渗卤浒浐滚满渔溇𬇹沤汉涟渍涨溆渐浆颍泼洁𣲘沩㴋潜润浔溃滗涠涩浇涝沄涧渑泽滪泶𬇕浍淀㳠浊浓㳡𣸣湿泞溁蒙浕济涛㳔滥潍滨溅泺滤澛滢渎㲿泻沈浏濒泸沥潇潆潴泷濑弥潋澜沣滠洒𪷽漓滩𣺼灏㳕湾滦滟滟灾为乌烃无炼炜烟茕焕烦炀㶽煴荧炝𬉼热颎炽𬊤烨灯炖烧𬊈烫焖营灿毁烛烩㶶熏烬焘烁炉烂争为爷尔床墙牍抵牵荦牦犊牺状狭狈狰犹狲犸呆狱狮奖独狯猃狝狞㺍获猎犷兽獭献猕猡现雕珐珲玮玚琐瑶莹玛玱琏𫞩𬍤𬍡琎玑瑷珰㻅环玙瑸玺璇𬍛琼珑璎瓒𤩽瓯瓮产产亩毕画异画当畴叠痉酸疴痖疯疡痪瘗疮疟瘆疭瘘瘘疗痨痫瘅愈疠瘪痴痒疖症疬癞癣瘿瘾痈瘫癫发皂皑疱皲皱杯盗盏尽监盘卢荡真眦众𪾢困睁睐眍䁖瞒瞆睑蒙眬瞩矫朱硁硖砗砚埼硕砀砜确码䂵硙砖硵碜碛矶硗䃅硚础𬒈碍矿砺砾矾砻秘禄祸祯祎祃御禅礼祢祷秃籼税秆䅉棱禀种称谷䅟稣积颖秾穑秽稳获穞窝洼穷窑窎窭窥窜窍窦灶窃竖竞笔笋笕䇲个笺筝札节范筑箧筼筿𬕂笃筛筚𥮾箦篓蓑箪简篑箫筜签帘篮𥫣筹䉤箓篯箨籁笼签笾簖篱箩吁粤粽糁粪粮团粝籴粜纟纠纪纣𬘓约红纡纥纨纫纹纳纽纾纯纰纼纱纮纸级纷纭纴𬘘纺䌷扎细绂绁绅纻绍绀绋绐绌终弦组䌹绊绗结绝绦绔绞络绚给绒𬘡绖统丝绛绝绢𫄨绑绡𬘫绠绨绣绤𬘩绥䌼捆经𫄧综𬘭缍绿𫟅绸绻𬘯𬘬线绶维绹绾纲网绷缀彩纶绺绮绽绰绫绵绲缁紧绯绿绪绬绱缃缄缂线缉缎缔缗缘缌编缓缅纬缑缈练缏缇致缊萦缙缢缒绉缣缊缞缚缜缟缛县绦缝缡缩𬙂纵缧䌸纤缦絷缕缥总绩绷缫缪缯织缮缭绕绣缋绳绘系茧缰缳缲缴𫄷䍁绎𦈡继缤缱䍀𫄸𬙊颣缬纩续累缠缨才𬙋纤缵缆钵䓨坛罂坛罚骂罢罗罴羁芈群羟羡义膻习玩翚翘翙耧耢圣闻联聪声耸聩聂职聍听聋肃胁脉胫唇修脱胀肾胨脶脑肿脚肠腽腘肤䏝胶𦝼腻胆脍脓脸脐膑腊胪脏脔臜卧临台与兴举旧铺馆舱舣舰舻艰艳刍苎兹荆庄茎荚苋华庵烟苌莱万荝莴叶荭荮苇药荤𫇭搜莼莳蒀莅苍荪席盖莲苁莼荜𬜬卜参蒌蒋葱茑荫𫈟𫇭荨蒇荞荬芸莸荛蒉荡芜萧蓣蕰荟蓟芗姜蔷荙莶荐萨䓕苎䓓苔荠蓝荩艺药薮䓖蕴苈蔼蔺萚蕲芦苏蕴苹藓蔹𦻕茏兰蓠萝蔂𬟁处虚虏号亏虬蛱蜕蚬𬟽蚀猬虾虱蜗蛳蚂萤䗖蝼螀蛰蝈螨虮蝉蛲虫𫊻蛏蚁蚃蝇虿蝎蛴蝾蚝蜡蛎蟏蛊蚕蛮众蔑术同胡卫冲衮夹袅里补装里制复裈袆裤裢褛亵𫌀裥裥袯袄裣裆褴袜摆衬袭襕核见觃规觅视觇觋觍觎亲觊觏觐觑觉览觌观觞觯触讠订讣计讯讧讨𬣙讦讱训讪讫托记讹讶讼䜣诀讷讻访设许诉诃诊注证𧮪诂诋讵诈诒诏评诐诇诎诅𬣞词咏诩询诣试诗𬣳诧诟诡诠诘话该详诜𫍣诙诖诔诛诓夸志认诳诶诞诱诮语诚诫诬误诰诵诲说说谁课谇诽谊訚调谄谆谈诿请诤诹诼谅𬣡论谂谀谍谞谝𬤊谥诨谔谛谐谏谕咨讳𬤇谙𫍯谌讽诸谚谖诺谋谒谓誊诌谎谜𫍲谧谑谡谤谦谥讲谢谣谣谟谪谬谫讴谨谩哗证谲讥𬤝谮识谯谭谱𫍽噪谵毁译议谴护诪誉谫读谉变詟䜩雠谗让谰谶赞谠谳溪岂竖丰艳猪豮狸猫䝙贝贞贠负财贡贫货贩贪贯责贮贳赀贰贵贬买贷贶费贴贻贸贺贲赂赁贿赅资贾贼赈赊宾赇赒赉赐赏赔赓贤卖贱赋赕质赍账赌䞐赖赗赚赙购赛赜贽赘赟赠赞赝赡赢赆赃赑赎赝赣赃赪赶赵趋趱迹践逾踊跄跸迹跖蹒踪跷跶趸踌跻跃䟢踯跞踬蹰跹蹑蹿躜躏躯车轧轨军𫐄轪轩轫轭𬨂软轷轸轱轴轵轺轲轶轼较𨐈辂辁辀载轾𪨶辄挽辅轻𫐐辆辎辉辋辍辊辇辈轮辌𫐓辑辏𬨎输辐辒辗舆辒毂辖辕辘转辙轿辚轰辔轹轳办辞辫辩农回径这连周进游运过达违遥逊递远溯适迟绕迁选遗辽迈还迩边逻逦郏邮郓乡邹邬郧邓𬩽郑邻郸𫑡邺郐邝酂郦腌酝丑酝蒏糖医酱酦𬪩酿衅酾酽释厘钅钆钇钌钊钉钋针钓钐扣钏钒𬬩钗钍钕钎䥺𬬱钯钫钘钭钥𫓧钚钠钝钩钤钣钑钞钮钧钟钙钬钛钪铌铈钶铃钴钹铍钰钸铀钿钾巨钻铊铉𬬿铇铋铂钷钳铆铅𫟷钺钵钩𬬸钲𬭁钼钽𬬹锫铏𫟹铰铒铬铪银铳铜𫓯铚铣铨铢铭铫铦衔铑铷铱铟铵铥铕铯铐铞锐𨱇销锈锑锉铝锒锌钡铤铗𬭎锋𫓶铻锊锓铘锄锃锔锇铓铺锐铖锆锂铽锍锯𬬮钢𬬭锞录锖锫锩铔锥锕锟锤锱铮锛𬭚锬锭锜钱𫓹锦锚锠锡锢错录锰表铼镎锝锨锪钫钔锴锳炼锅镀锷铡钖锻锽锸锲锘锹𬭤锾键锶锗针钟镁锿镅镑镰𬭩镕锁镉锤镈𨱏镃钨蓥镏铠铩锼镐镇镇镒镋镍镓鿔镌镎镞旋链镆镙𬭬镠镝铿锵镗镘镛铲镜镖镂錾镚铧镤镪䥽𬭸锈铙𨱑𫔍铴𫔎𨱔镣铹镦镡钟镫镢镨䦅锎锏镄𬭼镌镰䦃镯镭铁镮铎铛𫟼镱铸镬镔鉴鉴镲锧镴铄镳镥𬬻镧钥镵镶镊镩锣钻銮凿镢镋长门闩闪闫闬闭开闶闳闰闲闲间闵闸阂阁合阀闺闽阃阆闾阅阅阊阉阎阏阍阈阌阒板暗闱𬮱阔阕阑阇阗𫔶阘闿阖阙闯关阚阓阐辟阛闼陉陕升阵阴陈陆阳陧队阶𬮿陨际𬯎随险𬯀陦隐陇隶只隽虽双雏杂鸡离难云电沾霡雾霁雳霭叇灵叆靓静靔腼靥巩绱秋鞒缰鞑千鞯韦韧韨韩韪韬鞲韫韵响页顶顷项顺顸须顼颂𫠆颀颃预顽颁顿𬱖颇领颌𬱟颉颐颏𫖯头颒颊颋颕𫖳颔颈颓频颓颗题额颚颜颙颛颜𫖮愿颡颠类颟颢顾颤颥显颦颅颞颧风飐飑飒台刮飓飔飏飖飕飗飘飙飚飞饣饥饤饦饨饪饫饬饭飧饮饴饲饱饰饳饺饸饼糍饷养饵饹饻饽馁饿馂饾𫗧余肴馄馃饯馅馆糊糇饧喂馉馇𩠌馎饩馏馊馌馍馒馐馑馓馈馔饥饶飨𫗴餍馋馕马驭冯驮驰驯驲𫘜驳𫘝𬳶驻驽驹𬳵驵驾骀驸驶驼驷骂骈𬳽骇骃骆骎𬳿骏骋骍𫘧骓𫘦骔骒骑骐𬴂骛骗𬴃𫘨骙䯄骞骘骝腾𫘬𫘪驺骚骟骡蓦骜骖骠骢驱骅骕骁𬴊骣骄验惊驿骤驴骧骥骦骊骉肮髅脏体髌髋发松胡须鬓斗闹哄阋阄郁鬶魉魇鱼鱽𫚉鱾鲀鲁鲂鱿鲄𬶍鲅鲆𫚖𬶋鲌鲉鲏鲇鲐鲍鲋鲊鲒鲘鲞鲕𩽾𬶏𬶐䲟鲖鲔鲛鲑鲜鲓鲪𩾃鲝鲧鲠鲩鲤鲨鲬鲻鲯鲭鲞鲷鲴鲱鲵鲲鲳鲸鲮鲰鲶鲺鳀𬶟鲫鳊鳈鲗鳂䲠鲽鳇𬶠䲡鳅鲾鳄鳆鳃鳁鳒鳑鳋鲥𫚕鳏䲢鳎鳐鳍鳁鲢鳌鳓鳘𬶭鲦鲣鲹鳗鳛鳔𬶨鳉鳙𩾌鳕鳖鳟鳝鳜鳞鲟𬶮鲼鲎鲙鳣鳡鳢鲿鲚鳠𫚭鳄鲈鲡鸟凫鸠凫鸤凤鸣鸢䴓鸩鸨鸦鸰鸵鸳鸲鸮鸱鸪鸯鸭鸸鸹鸻䴕鸿鸽䴔鸺鸼𬷕鹀鹃鹆鹁鹈鹅𫛭鹄鹉鹌鹏鹐鹎雕鹊鹓鹍䴖鸫鹑鹒鹋鹙鹕鹗𬸘鹖鹛鹜䴗鸧莺𬸣鹟鹤鹠鹡鹘鹣鹚鹚鹢鹞鸡䴘鹝鹧鹥鸥鸷鹨𬸦鸶鹪鹔𬸪鹩鹫鹇鹇鹬鹰鹭鸴㶉鹯䴙鹱鹲𬸚鸬鹴鹦鹳鹂鸾卤咸鹾碱盐丽麦麸面面𤿲曲𪎌曲面么么黄黉点党黪霉黡黩黾鼋鼌鼍冬鼹齐斋赍齑齿龀龁龂𬹼龅龇龃龆龄出龈啮龊龉𬺈𫠜龋腭龌𬺓龙厐庞䶮龚龛龟䜤鿒ꙁꙃꙅꙇꙉꙋꙍꙏꙑꙓꙕꙗꙙꙛꙝꙟꙡꙣꙥꙧꙩꙫꙭꚁꚃꚅꚇꚉꚋꚍꚏꚑꚓꚕꚗꚙꚛꜣꜥꜧꜩꜫꜭꜯꜳꜵꜷꜹꜻꜽꜿꝁꝃꝅꝇꝉꝋꝍꝏꝑꝓꝕꝗꝙꝛꝝꝟꝡꝣꝥꝧꝩꝫꝭꝯꝺꝼᵹꝿꞁꞃꞅꞇꞌɥꞑꞓꞗꞙꞛꞝꞟꞡꞣꞥꞧꞩɦɜɡɬɪʞʇʝꭓꞵꞷꞹꞻꞽꞿꟁꟃꞔʂᶎꟈꟊꟑꟗꟙꟶ𠀾㓆𠴛𠲥𫭼𡋗𡋀𡍣㛟㛿㛠𡭜𡭬𡳃岁㟜𢘝𢫞𢬦暅㭣𣘓𣞎𣑶毶㳢𣺽𣷷𤊰㻘㻏𤳄𥅿𥅘𥐰𥐯𬒗䅪𥮋𥹥𡳒𦟗䑽䘞䙊䘛𧝧䜥䞌䞎䢀䢁䢂𨤰䦀𬭊䦁𬭛𬭶𬭳䥿䭪𩠠䯃䲞𰻝', strpos('ABCDEFGHIJKLMNOPQRSTUVWXYZÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮĴĶĹĻĽŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽƁƂƄƆƇƉƊƋƎƏƐƑƓƔƖƗƘƜƝƟƠƢƤƦƧƩƬƮƯƱƲƳƵƷƸƼǍǏǑǓǕǗǙǛǞǠǢǤǦǨǪǬǮǴǶǷǸǺǼǾȀȂȄȆȈȊȌȎȐȒȔȖȘȚȜȞȠȢȤȦȨȪȬȮȰȲȺȻȽȾɁɃɄɅɆɈɊɌɎͰͲͶͿΆΈΉΊΌΎΏΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩΪΫϏϘϚϜϞϠϢϤϦϨϪϬϮϷϺϽϾϿЀЁЂЃЄЅІЇЈЉЊЋЌЍЎЏАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯѠѢѤѦѨѪѬѮѰѲѴѶѸѺѼѾҀҊҌҎҐҒҔҖҘҚҜҞҠҢҤҦҨҪҬҮҰҲҴҶҸҺҼҾӀӁӃӅӇӉӋӍӐӒӔӖӘӚӜӞӠӢӤӦӨӪӬӮӰӲӴӶӸӺӼӾԀԂԄԆԈԊԌԎԐԒԔԖԘԚԜԞԠԢԤԦԨԪԬԮԱԲԳԴԵԶԷԸԹԺԻԼԽԾԿՀՁՂՃՄՅՆՇՈՉՊՋՌՍՎՏՐՑՒՓՔՕՖႠႡႢႣႤႥႦႧႨႩႪႫႬႭႮႯႰႱႲႳႴႵႶႷႸႹႺႻႼႽႾႿჀჁჂჃჄჅჇჍᎠᎡᎢᎣᎤᎥᎦᎧᎨᎩᎪᎫᎬᎭᎮᎯᎰᎱᎲᎳᎴᎵᎶᎷᎸᎹᎺᎻᎼᎽᎾᎿᏀᏁᏂᏃᏄᏅᏆᏇᏈᏉᏊᏋᏌᏍᏎᏏᏐᏑᏒᏓᏔᏕᏖᏗᏘᏙᏚᏛᏜᏝᏞᏟᏠᏡᏢᏣᏤᏥᏦᏧᏨᏩᏪᏫᏬᏭᏮᏯᏰᏱᏲᏳᏴᏵᲐᲑᲒᲓᲔᲕᲖᲗᲘᲙᲚᲛᲜᲝᲞᲟᲠᲡᲢᲣᲤᲥᲦᲧᲨᲩᲪᲫᲬᲭᲮᲯᲰᲱᲲᲳᲴᲵᲶᲷᲸᲹᲺᲽᲾᲿḀḂḄḆḈḊḌḎḐḒḔḖḘḚḜḞḠḢḤḦḨḪḬḮḰḲḴḶḸḺḼḾṀṂṄṆṈṊṌṎṐṒṔṖṘṚṜṞṠṢṤṦṨṪṬṮṰṲṴṶṸṺṼṾẀẂẄẆẈẊẌẎẐẒẔẞẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸỺỼỾἈἉἊἋἌἍἎἏἘἙἚἛἜἝἨἩἪἫἬἭἮἯἸἹἺἻἼἽἾἿὈὉὊὋὌὍὙὛὝὟὨὩὪὫὬὭὮὯᾈᾉᾊᾋᾌᾍᾎᾏᾘᾙᾚᾛᾜᾝᾞᾟᾨᾩᾪᾫᾬᾭᾮᾯᾸᾹᾺᾼῈῊῌῘῙῚῨῩῪῬῸῺῼℲↃⰀⰁⰂⰃⰄⰅⰆⰇⰈⰉⰊⰋⰌⰍⰎⰏⰐⰑⰒⰓⰔⰕⰖⰗⰘⰙⰚⰛⰜⰝⰞⰟⰠⰡⰢⰣⰤⰥⰦⰧⰨⰩⰪⰫⰬⰭⰮⰯⱠⱢⱣⱤⱧⱩⱫⱭⱮⱯⱰⱲⱵⱾⱿⲀⲂⲄⲆⲈⲊⲌⲎⲐⲒⲔⲖⲘⲚⲜⲞⲠⲢⲤⲦⲨⲪⲬⲮⲰⲲⲴⲶⲸⲺⲼⲾⳀⳂⳄⳆⳈⳊⳌⳎⳐⳒⳔⳖⳘⳚⳜⳞⳠⳢⳫⳭⳲ㑯㑳㑶㓨㗲㘚㜄㜏㜢㠏㠣㥮㩜㩳㩵㺏䁪䁻䃮䊷䋙䋚䋹䋻䍦䎱䓣䙡䜀䝼䡵䥇䥑䥕䥱䦛䦟䧢䮄䯀䰾䱷䱽䲁䲘䴉丟並乾亂亙亞佇佈佔併來侖侶侷俁係俔俠俥俬倀倆倈倉個們倖倫倲偉偑側偵偽傌傑傖傘備傢傭傯傳傴債傷傾僂僅僉僑僕僞僤僥僨僱價儀儁儂億儈儉儎儐儔儕儘償優儲儷儸儺儻儼兇兌兒兗內兩冊冑冪凈凍凜凱別刪剄則剋剎剗剛剝剮剴創剷劃劄劇劉劊劌劍劏劑劚勁動務勛勝勞勢勣勩勱勳勵勸勻匭匯匱區協卹卻卽厙厠厤厭厲厴參叄叢吒吳吶呂咼員唄唸問啓啞啟啢喎喚喪喫喬單喲嗆嗇嗊嗎嗚嗩嗰嗶嘆嘍嘓嘔嘖嘗嘜嘩嘮嘯嘰嘵嘸嘽噁噓噚噝噠噥噦噯噲噴噸噹嚀嚇嚌嚐嚕嚙嚥嚦嚧嚨嚮嚲嚳嚴嚶囀囁囂囅囈囉囌囑囪圇國圍園圓圖團垻埡埨埰執堅堊堖堝堯報場塊塋塏塒塗塚塢塤塵塸塹塿墊墜墠墮墰墳墶墻墾壇壋壎壓壗壘壙壚壜壞壟壠壢壩壪壯壺壼壽夠夢夥夾奐奧奩奪奬奮奼妝姍姦娙娛婁婦婭媧媯媰媼媽嫋嫗嫵嫺嫻嫿嬀嬃嬈嬋嬌嬙嬡嬤嬪嬰嬸孃孋孌孫學孻孿宮寀寢實寧審寫寬寵寶將專尋對導尷屆屍屓屜屢層屨屬岡峯峴島峽崍崑崗崙崢崬嵐嵗嵽嵾嶁嶄嶇嶔嶗嶠嶢嶧嶨嶮嶸嶺嶼嶽巋巒巔巖巘巰巹帥師帳帶幀幃幓幗幘幟幣幫幬幷幹幾庫廁廂廄廈廎廕廚廝廞廟廠廡廢廣廩廬廳弒弔弳張強彄彆彈彌彎彔彙彠彥彫彲彿後徑從徠復徵徹恆恥悅悞悵悶悽惡惱惲惻愛愜愨愴愷愾慄態慍慘慚慟慣慤慪慫慮慳慶慺慼慾憂憊憐憑憒憖憚憤憫憮憲憶懇應懌懍懞懟懣懤懨懲懶懷懸懺懼懾戀戇戔戧戩戰戱戲戶扞拋拚挩挱挾捨捫捱捲掃掄掆掗掙掛採揀揚換揮揯損搖搗搧搵搶摑摜摟摯摳摶摺摻撈撏撐撓撝撟撣撥撫撲撳撻撾撿擁擄擇擊擋擓擔據擠擡擣擬擯擰擱擲擴擷擺擻擼擽擾攄攆攏攔攖攙攛攜攝攢攣攤攪攬敎敓敗敘敵數斂斃斆斕斬斷於旂旣昇時晉晛晝暈暉暐暘暢暫曄曆曇曉曏曖曠曥曨曬書會朥朧朮東枴柵柺査桱桿梔梘梜條梟梲棄棊棖棗棟棡棧棲棶椏椲楊楓楨業極榘榦榪榮榲榿構槍槓槤槧槨槮槳槶槼樁樂樅樑樓標樞樢樣樧樫樳樸樹樺樿橈橋機橢橫橯檁檉檔檜檟檢檣檮檯檳檸檻櫃櫍櫓櫚櫛櫝櫞櫟櫥櫧櫨櫪櫫櫬櫱櫳櫸櫻欄欅權欏欒欓欖欞欽歎歐歟歡歲歷歸歿殘殞殤殨殫殭殮殯殰殲殺殻殼毀毆毿氂氈氌氣氫氬氳氾汎汙決沒沖況泝洩洶浹浿涇涗涼淒淚淥淨淩淪淵淶淺渙減渢渦測渾湊湋湞湧湯溈準溝溫溮溳溼滄滅滌滎滙滬滯滲滷滸滻滾滿漁漊漍漚漢漣漬漲漵漸漿潁潑潔潕潙潚潛潤潯潰潷潿澀澆澇澐澗澠澤澦澩澫澮澱澾濁濃濄濆濕濘濚濛濜濟濤濧濫濰濱濺濼濾瀂瀅瀆瀇瀉瀋瀏瀕瀘瀝瀟瀠瀦瀧瀨瀰瀲瀾灃灄灑灒灕灘灙灝灡灣灤灧灩災為烏烴無煉煒煙煢煥煩煬煱熅熒熗熰熱熲熾燀燁燈燉燒燖燙燜營燦燬燭燴燶燻燼燾爍爐爛爭爲爺爾牀牆牘牴牽犖犛犢犧狀狹狽猙猶猻獁獃獄獅獎獨獪獫獮獰獱獲獵獷獸獺獻獼玀現琱琺琿瑋瑒瑣瑤瑩瑪瑲璉璊璕璗璡璣璦璫璯環璵璸璽璿瓅瓊瓏瓔瓚瓛甌甕產産畝畢畫異畵當疇疊痙痠痾瘂瘋瘍瘓瘞瘡瘧瘮瘲瘺瘻療癆癇癉癒癘癟癡癢癤癥癧癩癬癭癮癰癱癲發皁皚皰皸皺盃盜盞盡監盤盧盪眞眥眾睍睏睜睞瞘瞜瞞瞶瞼矇矓矚矯硃硜硤硨硯碕碩碭碸確碼碽磑磚磠磣磧磯磽磾礄礎礐礙礦礪礫礬礱祕祿禍禎禕禡禦禪禮禰禱禿秈稅稈稏稜稟種稱穀穇穌積穎穠穡穢穩穫穭窩窪窮窯窵窶窺竄竅竇竈竊竪競筆筍筧筴箇箋箏箚節範築篋篔篠篢篤篩篳篸簀簍簑簞簡簣簫簹簽簾籃籅籌籔籙籛籜籟籠籤籩籪籬籮籲粵糉糝糞糧糰糲糴糶糹糾紀紂紃約紅紆紇紈紉紋納紐紓純紕紖紗紘紙級紛紜紝紞紡紬紮細紱紲紳紵紹紺紼紿絀終絃組絅絆絎結絕絛絝絞絡絢給絨絪絰統絲絳絶絹絺綁綃綄綆綈綉綌綎綏綐綑經綖綜綝綞綠綡綢綣綧綪綫綬維綯綰綱網綳綴綵綸綹綺綻綽綾綿緄緇緊緋緑緒緓緔緗緘緙線緝緞締緡緣緦編緩緬緯緱緲練緶緹緻緼縈縉縊縋縐縑縕縗縛縝縞縟縣縧縫縭縮縯縱縲縳縴縵縶縷縹總績繃繅繆繒織繕繚繞繡繢繩繪繫繭繮繯繰繳繶繸繹繻繼繽繾繿纁纆纇纈纊續纍纏纓纔纕纖纘纜缽罃罈罌罎罰罵罷羅羆羈羋羣羥羨義羶習翫翬翹翽耬耮聖聞聯聰聲聳聵聶職聹聽聾肅脅脈脛脣脩脫脹腎腖腡腦腫腳腸膃膕膚膞膠膢膩膽膾膿臉臍臏臘臚臟臠臢臥臨臺與興舉舊舖舘艙艤艦艫艱艷芻苧茲荊莊莖莢莧華菴菸萇萊萬萴萵葉葒葤葦葯葷蒍蒐蒓蒔蒕蒞蒼蓀蓆蓋蓮蓯蓴蓽蔄蔔蔘蔞蔣蔥蔦蔭蔯蔿蕁蕆蕎蕒蕓蕕蕘蕢蕩蕪蕭蕷薀薈薊薌薑薔薘薟薦薩薳薴薵薹薺藍藎藝藥藪藭藴藶藹藺蘀蘄蘆蘇蘊蘋蘚蘞蘟蘢蘭蘺蘿虆虉處虛虜號虧虯蛺蛻蜆蝀蝕蝟蝦蝨蝸螄螞螢螮螻螿蟄蟈蟎蟣蟬蟯蟲蟳蟶蟻蠁蠅蠆蠍蠐蠑蠔蠟蠣蠨蠱蠶蠻衆衊術衕衚衛衝袞袷裊裏補裝裡製複褌褘褲褳褸褻襀襇襉襏襖襝襠襤襪襬襯襲襴覈見覎規覓視覘覡覥覦親覬覯覲覷覺覽覿觀觴觶觸訁訂訃計訊訌討訏訐訒訓訕訖託記訛訝訟訢訣訥訩訪設許訴訶診註証詀詁詆詎詐詒詔評詖詗詘詛詝詞詠詡詢詣試詩詪詫詬詭詮詰話該詳詵詷詼詿誄誅誆誇誌認誑誒誕誘誚語誠誡誣誤誥誦誨說説誰課誶誹誼誾調諂諄談諉請諍諏諑諒諓論諗諛諜諝諞諟諡諢諤諦諧諫諭諮諱諲諳諴諶諷諸諺諼諾謀謁謂謄謅謊謎謏謐謔謖謗謙謚講謝謠謡謨謫謬謭謳謹謾譁證譎譏譓譖識譙譚譜譞譟譫譭譯議譴護譸譽譾讀讅變讋讌讎讒讓讕讖讚讜讞谿豈豎豐豔豬豶貍貓貙貝貞貟負財貢貧貨販貪貫責貯貰貲貳貴貶買貸貺費貼貽貿賀賁賂賃賄賅資賈賊賑賒賓賕賙賚賜賞賠賡賢賣賤賦賧質賫賬賭賰賴賵賺賻購賽賾贄贅贇贈贊贋贍贏贐贓贔贖贗贛贜赬趕趙趨趲跡踐踰踴蹌蹕蹟蹠蹣蹤蹺躂躉躊躋躍躎躑躒躓躕躚躡躥躦躪軀車軋軌軍軏軑軒軔軛軝軟軤軫軲軸軹軺軻軼軾較輄輅輇輈載輊輋輒輓輔輕輗輛輜輝輞輟輥輦輩輪輬輮輯輳輶輸輻輼輾輿轀轂轄轅轆轉轍轎轔轟轡轢轤辦辭辮辯農迴逕這連週進遊運過達違遙遜遞遠遡適遲遶遷選遺遼邁還邇邊邏邐郟郵鄆鄉鄒鄔鄖鄧鄩鄭鄰鄲鄳鄴鄶鄺酇酈醃醖醜醞醟醣醫醬醱醲釀釁釃釅釋釐釒釓釔釕釗釘釙針釣釤釦釧釩釴釵釷釹釺釾釿鈀鈁鈃鈄鈅鈇鈈鈉鈍鈎鈐鈑鈒鈔鈕鈞鈡鈣鈥鈦鈧鈮鈰鈳鈴鈷鈸鈹鈺鈽鈾鈿鉀鉅鉆鉈鉉鉊鉋鉍鉑鉕鉗鉚鉛鉝鉞鉢鉤鉥鉦鉧鉬鉭鉮鉳鉶鉷鉸鉺鉻鉿銀銃銅銈銍銑銓銖銘銚銛銜銠銣銥銦銨銩銪銫銬銱銳銶銷銹銻銼鋁鋃鋅鋇鋌鋏鋐鋒鋗鋙鋝鋟鋣鋤鋥鋦鋨鋩鋪鋭鋮鋯鋰鋱鋶鋸鋹鋼錀錁錄錆錇錈錏錐錒錕錘錙錚錛錞錟錠錡錢錤錦錨錩錫錮錯録錳錶錸錼鍀鍁鍃鍅鍆鍇鍈鍊鍋鍍鍔鍘鍚鍛鍠鍤鍥鍩鍬鍭鍰鍵鍶鍺鍼鍾鎂鎄鎇鎊鎌鎓鎔鎖鎘鎚鎛鎝鎡鎢鎣鎦鎧鎩鎪鎬鎭鎮鎰鎲鎳鎵鎶鎸鎿鏃鏇鏈鏌鏍鏏鏐鏑鏗鏘鏜鏝鏞鏟鏡鏢鏤鏨鏰鏵鏷鏹鏺鏻鏽鐃鐄鐇鐋鐍鐏鐐鐒鐓鐔鐘鐙鐝鐠鐥鐦鐧鐨鐩鐫鐮鐯鐲鐳鐵鐶鐸鐺鐽鐿鑄鑊鑌鑑鑒鑔鑕鑞鑠鑣鑥鑪鑭鑰鑱鑲鑷鑹鑼鑽鑾鑿钁钂長門閂閃閆閈閉開閌閎閏閑閒間閔閘閡閣閤閥閨閩閫閬閭閱閲閶閹閻閼閽閾閿闃闆闇闈闉闊闋闌闍闐闑闒闓闔闕闖關闞闠闡闢闤闥陘陝陞陣陰陳陸陽隉隊階隑隕際隤隨險隮隯隱隴隸隻雋雖雙雛雜雞離難雲電霑霢霧霽靂靄靆靈靉靚靜靝靦靨鞏鞝鞦鞽韁韃韆韉韋韌韍韓韙韜韝韞韻響頁頂頃項順頇須頊頌頍頎頏預頑頒頓頔頗領頜頠頡頤頦頫頭頮頰頲頴頵頷頸頹頻頽顆題額顎顏顒顓顔顗願顙顛類顢顥顧顫顬顯顰顱顳顴風颭颮颯颱颳颶颸颺颻颼飀飄飆飈飛飠飢飣飥飩飪飫飭飯飱飲飴飼飽飾飿餃餄餅餈餉養餌餎餏餑餒餓餕餖餗餘餚餛餜餞餡館餬餱餳餵餶餷餸餺餼餾餿饁饃饅饈饉饊饋饌饑饒饗饘饜饞饢馬馭馮馱馳馴馹馼駁駃駉駐駑駒駓駔駕駘駙駛駝駟駡駢駪駭駰駱駸駼駿騁騂騄騅騊騌騍騎騏騑騖騙騞騠騤騧騫騭騮騰騱騵騶騷騸騾驀驁驂驃驄驅驊驌驍驎驏驕驗驚驛驟驢驤驥驦驪驫骯髏髒體髕髖髮鬆鬍鬚鬢鬥鬧鬨鬩鬮鬱鬹魎魘魚魛魟魢魨魯魴魷魺鮀鮁鮃鮆鮈鮊鮋鮍鮎鮐鮑鮒鮓鮚鮜鮝鮞鮟鮠鮡鮣鮦鮪鮫鮭鮮鮳鮶鮸鮺鯀鯁鯇鯉鯊鯒鯔鯕鯖鯗鯛鯝鯡鯢鯤鯧鯨鯪鯫鯰鯴鯷鯻鯽鯿鰁鰂鰃鰆鰈鰉鰊鰌鰍鰏鰐鰒鰓鰛鰜鰟鰠鰣鰤鰥鰧鰨鰩鰭鰮鰱鰲鰳鰵鰶鰷鰹鰺鰻鰼鰾鱀鱂鱅鱇鱈鱉鱒鱔鱖鱗鱘鱚鱝鱟鱠鱣鱤鱧鱨鱭鱯鱲鱷鱸鱺鳥鳧鳩鳬鳲鳳鳴鳶鳾鴆鴇鴉鴒鴕鴛鴝鴞鴟鴣鴦鴨鴯鴰鴴鴷鴻鴿鵁鵂鵃鵏鵐鵑鵒鵓鵜鵝鵟鵠鵡鵪鵬鵮鵯鵰鵲鵷鵾鶄鶇鶉鶊鶓鶖鶘鶚鶠鶡鶥鶩鶪鶬鶯鶱鶲鶴鶹鶺鶻鶼鶿鷀鷁鷂鷄鷉鷊鷓鷖鷗鷙鷚鷟鷥鷦鷫鷭鷯鷲鷳鷴鷸鷹鷺鷽鸂鸇鸊鸌鸏鸑鸕鸘鸚鸛鸝鸞鹵鹹鹺鹼鹽麗麥麩麪麫麬麯麳麴麵麼麽黃黌點黨黲黴黶黷黽黿鼂鼉鼕鼴齊齋齎齏齒齔齕齗齘齙齜齟齠齡齣齦齧齪齬齮齯齲齶齷齼龍龎龐龑龔龕龜鿁鿓ꙀꙂꙄꙆꙈꙊꙌꙎꙐꙒꙔꙖꙘꙚꙜꙞꙠꙢꙤꙦꙨꙪꙬꚀꚂꚄꚆꚈꚊꚌꚎꚐꚒꚔꚖꚘꚚꜢꜤꜦꜨꜪꜬꜮꜲꜴꜶꜸꜺꜼꜾꝀꝂꝄꝆꝈꝊꝌꝎꝐꝒꝔꝖꝘꝚꝜꝞꝠꝢꝤꝦꝨꝪꝬꝮꝹꝻꝽꝾꞀꞂꞄꞆꞋꞍꞐꞒꞖꞘꞚꞜꞞꞠꞢꞤꞦꞨꞪꞫꞬꞭꞮꞰꞱꞲꞳꞴꞶꞸꞺꞼꞾꟀꟂꟄꟅꟆꟇꟉꟐꟖꟘꟵ𠁞𠗣𡃕𡅏𡑍𡑭𡓾𡔖𡞵𡠹𡢃𡮉𡮣𡳳𡻕𡾱𢣚𢶫𢹿𣈶𣙎𣞻𣠩𣠲𣯶𣾷𤁣𤅶𤓩𤪺𤫩𤳸𥊝𥌃𥕥𥖅𥗽𥢢𥸠𥼽𦘧𦣎𦪙𧜗𧜵𧝞𧟀𧩙𧵳𧶧𨊰𨊸𨋢𨤻𨦫𨧀𨧜𨨏𨭆𨭎𨯅𩞯𩠴𩣑𩶘𰻞', found.ch), 1), ''))
        FROM (SELECT DISTINCT m[1] AS ch FROM regexp_matches(x, '[ABCDEFGHIJKLMNOPQRSTUVWXYZÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮĴĶĹĻĽŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽƁƂƄƆƇƉƊƋƎƏƐƑƓƔƖƗƘƜƝƟƠƢƤƦƧƩƬƮƯƱƲƳƵƷƸƼǍǏǑǓǕǗǙǛǞǠǢǤǦǨǪǬǮǴǶǷǸǺǼǾȀȂȄȆȈȊȌȎȐȒȔȖȘȚȜȞȠȢȤȦȨȪȬȮȰȲȺȻȽȾɁɃɄɅɆɈɊɌɎͰͲͶͿΆΈΉΊΌΎΏΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩΪΫϏϘϚϜϞϠϢϤϦϨϪϬϮϷϺϽϾϿЀЁЂЃЄЅІЇЈЉЊЋЌЍЎЏАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯѠѢѤѦѨѪѬѮѰѲѴѶѸѺѼѾҀҊҌҎҐҒҔҖҘҚҜҞҠҢҤҦҨҪҬҮҰҲҴҶҸҺҼҾӀӁӃӅӇӉӋӍӐӒӔӖӘӚӜӞӠӢӤӦӨӪӬӮӰӲӴӶӸӺӼӾԀԂԄԆԈԊԌԎԐԒԔԖԘԚԜԞԠԢԤԦԨԪԬԮԱԲԳԴԵԶԷԸԹԺԻԼԽԾԿՀՁՂՃՄՅՆՇՈՉՊՋՌՍՎՏՐՑՒՓՔՕՖႠႡႢႣႤႥႦႧႨႩႪႫႬႭႮႯႰႱႲႳႴႵႶႷႸႹႺႻႼႽႾႿჀჁჂჃჄჅჇჍᎠᎡᎢᎣᎤᎥᎦᎧᎨᎩᎪᎫᎬᎭᎮᎯᎰᎱᎲᎳᎴᎵᎶᎷᎸᎹᎺᎻᎼᎽᎾᎿᏀᏁᏂᏃᏄᏅᏆᏇᏈᏉᏊᏋᏌᏍᏎᏏᏐᏑᏒᏓᏔᏕᏖᏗᏘᏙᏚᏛᏜᏝᏞᏟᏠᏡᏢᏣᏤᏥᏦᏧᏨᏩᏪᏫᏬᏭᏮᏯᏰᏱᏲᏳᏴᏵᲐᲑᲒᲓᲔᲕᲖᲗᲘᲙᲚᲛᲜᲝᲞᲟᲠᲡᲢᲣᲤᲥᲦᲧᲨᲩᲪᲫᲬᲭᲮᲯᲰᲱᲲᲳᲴᲵᲶᲷᲸᲹᲺᲽᲾᲿḀḂḄḆḈḊḌḎḐḒḔḖḘḚḜḞḠḢḤḦḨḪḬḮḰḲḴḶḸḺḼḾṀṂṄṆṈṊṌṎṐṒṔṖṘṚṜṞṠṢṤṦṨṪṬṮṰṲṴṶṸṺṼṾẀẂẄẆẈẊẌẎẐẒẔẞẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸỺỼỾἈἉἊἋἌἍἎἏἘἙἚἛἜἝἨἩἪἫἬἭἮἯἸἹἺἻἼἽἾἿὈὉὊὋὌὍὙὛὝὟὨὩὪὫὬὭὮὯᾈᾉᾊᾋᾌᾍᾎᾏᾘᾙᾚᾛᾜᾝᾞᾟᾨᾩᾪᾫᾬᾭᾮᾯᾸᾹᾺᾼῈῊῌῘῙῚῨῩῪῬῸῺῼℲↃⰀⰁⰂⰃⰄⰅⰆⰇⰈⰉⰊⰋⰌⰍⰎⰏⰐⰑⰒⰓⰔⰕⰖⰗⰘⰙⰚⰛⰜⰝⰞⰟⰠⰡⰢⰣⰤⰥⰦⰧⰨⰩⰪⰫⰬⰭⰮⰯⱠⱢⱣⱤⱧⱩⱫⱭⱮⱯⱰⱲⱵⱾⱿⲀⲂⲄⲆⲈⲊⲌⲎⲐⲒⲔⲖⲘⲚⲜⲞⲠⲢⲤⲦⲨⲪⲬⲮⲰⲲⲴⲶⲸⲺⲼⲾⳀⳂⳄⳆⳈⳊⳌⳎⳐⳒⳔⳖⳘⳚⳜⳞⳠⳢⳫⳭⳲ㑯㑳㑶㓨㗲㘚㜄㜏㜢㠏㠣㥮㩜㩳㩵㺏䁪䁻䃮䊷䋙䋚䋹䋻䍦䎱䓣䙡䜀䝼䡵䥇䥑䥕䥱䦛䦟䧢䮄䯀䰾䱷䱽䲁䲘䴉丟並乾亂亙亞佇佈佔併來侖侶侷俁係俔俠俥俬倀倆倈倉個們倖倫倲偉偑側偵偽傌傑傖傘備傢傭傯傳傴債傷傾僂僅僉僑僕僞僤僥僨僱價儀儁儂億儈儉儎儐儔儕儘償優儲儷儸儺儻儼兇兌兒兗內兩冊冑冪凈凍凜凱別刪剄則剋剎剗剛剝剮剴創剷劃劄劇劉劊劌劍劏劑劚勁動務勛勝勞勢勣勩勱勳勵勸勻匭匯匱區協卹卻卽厙厠厤厭厲厴參叄叢吒吳吶呂咼員唄唸問啓啞啟啢喎喚喪喫喬單喲嗆嗇嗊嗎嗚嗩嗰嗶嘆嘍嘓嘔嘖嘗嘜嘩嘮嘯嘰嘵嘸嘽噁噓噚噝噠噥噦噯噲噴噸噹嚀嚇嚌嚐嚕嚙嚥嚦嚧嚨嚮嚲嚳嚴嚶囀囁囂囅囈囉囌囑囪圇國圍園圓圖團垻埡埨埰執堅堊堖堝堯報場塊塋塏塒塗塚塢塤塵塸塹塿墊墜墠墮墰墳墶墻墾壇壋壎壓壗壘壙壚壜壞壟壠壢壩壪壯壺壼壽夠夢夥夾奐奧奩奪奬奮奼妝姍姦娙娛婁婦婭媧媯媰媼媽嫋嫗嫵嫺嫻嫿嬀嬃嬈嬋嬌嬙嬡嬤嬪嬰嬸孃孋孌孫學孻孿宮寀寢實寧審寫寬寵寶將專尋對導尷屆屍屓屜屢層屨屬岡峯峴島峽崍崑崗崙崢崬嵐嵗嵽嵾嶁嶄嶇嶔嶗嶠嶢嶧嶨嶮嶸嶺嶼嶽巋巒巔巖巘巰巹帥師帳帶幀幃幓幗幘幟幣幫幬幷幹幾庫廁廂廄廈廎廕廚廝廞廟廠廡廢廣廩廬廳弒弔弳張強彄彆彈彌彎彔彙彠彥彫彲彿後徑從徠復徵徹恆恥悅悞悵悶悽惡惱惲惻愛愜愨愴愷愾慄態慍慘慚慟慣慤慪慫慮慳慶慺慼慾憂憊憐憑憒憖憚憤憫憮憲憶懇應懌懍懞懟懣懤懨懲懶懷懸懺懼懾戀戇戔戧戩戰戱戲戶扞拋拚挩挱挾捨捫捱捲掃掄掆掗掙掛採揀揚換揮揯損搖搗搧搵搶摑摜摟摯摳摶摺摻撈撏撐撓撝撟撣撥撫撲撳撻撾撿擁擄擇擊擋擓擔據擠擡擣擬擯擰擱擲擴擷擺擻擼擽擾攄攆攏攔攖攙攛攜攝攢攣攤攪攬敎敓敗敘敵數斂斃斆斕斬斷於旂旣昇時晉晛晝暈暉暐暘暢暫曄曆曇曉曏曖曠曥曨曬書會朥朧朮東枴柵柺査桱桿梔梘梜條梟梲棄棊棖棗棟棡棧棲棶椏椲楊楓楨業極榘榦榪榮榲榿構槍槓槤槧槨槮槳槶槼樁樂樅樑樓標樞樢樣樧樫樳樸樹樺樿橈橋機橢橫橯檁檉檔檜檟檢檣檮檯檳檸檻櫃櫍櫓櫚櫛櫝櫞櫟櫥櫧櫨櫪櫫櫬櫱櫳櫸櫻欄欅權欏欒欓欖欞欽歎歐歟歡歲歷歸歿殘殞殤殨殫殭殮殯殰殲殺殻殼毀毆毿氂氈氌氣氫氬氳氾汎汙決沒沖況泝洩洶浹浿涇涗涼淒淚淥淨淩淪淵淶淺渙減渢渦測渾湊湋湞湧湯溈準溝溫溮溳溼滄滅滌滎滙滬滯滲滷滸滻滾滿漁漊漍漚漢漣漬漲漵漸漿潁潑潔潕潙潚潛潤潯潰潷潿澀澆澇澐澗澠澤澦澩澫澮澱澾濁濃濄濆濕濘濚濛濜濟濤濧濫濰濱濺濼濾瀂瀅瀆瀇瀉瀋瀏瀕瀘瀝瀟瀠瀦瀧瀨瀰瀲瀾灃灄灑灒灕灘灙灝灡灣灤灧灩災為烏烴無煉煒煙煢煥煩煬煱熅熒熗熰熱熲熾燀燁燈燉燒燖燙燜營燦燬燭燴燶燻燼燾爍爐爛爭爲爺爾牀牆牘牴牽犖犛犢犧狀狹狽猙猶猻獁獃獄獅獎獨獪獫獮獰獱獲獵獷獸獺獻獼玀現琱琺琿瑋瑒瑣瑤瑩瑪瑲璉璊璕璗璡璣璦璫璯環璵璸璽璿瓅瓊瓏瓔瓚瓛甌甕產産畝畢畫異畵當疇疊痙痠痾瘂瘋瘍瘓瘞瘡瘧瘮瘲瘺瘻療癆癇癉癒癘癟癡癢癤癥癧癩癬癭癮癰癱癲發皁皚皰皸皺盃盜盞盡監盤盧盪眞眥眾睍睏睜睞瞘瞜瞞瞶瞼矇矓矚矯硃硜硤硨硯碕碩碭碸確碼碽磑磚磠磣磧磯磽磾礄礎礐礙礦礪礫礬礱祕祿禍禎禕禡禦禪禮禰禱禿秈稅稈稏稜稟種稱穀穇穌積穎穠穡穢穩穫穭窩窪窮窯窵窶窺竄竅竇竈竊竪競筆筍筧筴箇箋箏箚節範築篋篔篠篢篤篩篳篸簀簍簑簞簡簣簫簹簽簾籃籅籌籔籙籛籜籟籠籤籩籪籬籮籲粵糉糝糞糧糰糲糴糶糹糾紀紂紃約紅紆紇紈紉紋納紐紓純紕紖紗紘紙級紛紜紝紞紡紬紮細紱紲紳紵紹紺紼紿絀終絃組絅絆絎結絕絛絝絞絡絢給絨絪絰統絲絳絶絹絺綁綃綄綆綈綉綌綎綏綐綑經綖綜綝綞綠綡綢綣綧綪綫綬維綯綰綱網綳綴綵綸綹綺綻綽綾綿緄緇緊緋緑緒緓緔緗緘緙線緝緞締緡緣緦編緩緬緯緱緲練緶緹緻緼縈縉縊縋縐縑縕縗縛縝縞縟縣縧縫縭縮縯縱縲縳縴縵縶縷縹總績繃繅繆繒織繕繚繞繡繢繩繪繫繭繮繯繰繳繶繸繹繻繼繽繾繿纁纆纇纈纊續纍纏纓纔纕纖纘纜缽罃罈罌罎罰罵罷羅羆羈羋羣羥羨義羶習翫翬翹翽耬耮聖聞聯聰聲聳聵聶職聹聽聾肅脅脈脛脣脩脫脹腎腖腡腦腫腳腸膃膕膚膞膠膢膩膽膾膿臉臍臏臘臚臟臠臢臥臨臺與興舉舊舖舘艙艤艦艫艱艷芻苧茲荊莊莖莢莧華菴菸萇萊萬萴萵葉葒葤葦葯葷蒍蒐蒓蒔蒕蒞蒼蓀蓆蓋蓮蓯蓴蓽蔄蔔蔘蔞蔣蔥蔦蔭蔯蔿蕁蕆蕎蕒蕓蕕蕘蕢蕩蕪蕭蕷薀薈薊薌薑薔薘薟薦薩薳薴薵薹薺藍藎藝藥藪藭藴藶藹藺蘀蘄蘆蘇蘊蘋蘚蘞蘟蘢蘭蘺蘿虆虉處虛虜號虧虯蛺蛻蜆蝀蝕蝟蝦蝨蝸螄螞螢螮螻螿蟄蟈蟎蟣蟬蟯蟲蟳蟶蟻蠁蠅蠆蠍蠐蠑蠔蠟蠣蠨蠱蠶蠻衆衊術衕衚衛衝袞袷裊裏補裝裡製複褌褘褲褳褸褻襀襇襉襏襖襝襠襤襪襬襯襲襴覈見覎規覓視覘覡覥覦親覬覯覲覷覺覽覿觀觴觶觸訁訂訃計訊訌討訏訐訒訓訕訖託記訛訝訟訢訣訥訩訪設許訴訶診註証詀詁詆詎詐詒詔評詖詗詘詛詝詞詠詡詢詣試詩詪詫詬詭詮詰話該詳詵詷詼詿誄誅誆誇誌認誑誒誕誘誚語誠誡誣誤誥誦誨說説誰課誶誹誼誾調諂諄談諉請諍諏諑諒諓論諗諛諜諝諞諟諡諢諤諦諧諫諭諮諱諲諳諴諶諷諸諺諼諾謀謁謂謄謅謊謎謏謐謔謖謗謙謚講謝謠謡謨謫謬謭謳謹謾譁證譎譏譓譖識譙譚譜譞譟譫譭譯議譴護譸譽譾讀讅變讋讌讎讒讓讕讖讚讜讞谿豈豎豐豔豬豶貍貓貙貝貞貟負財貢貧貨販貪貫責貯貰貲貳貴貶買貸貺費貼貽貿賀賁賂賃賄賅資賈賊賑賒賓賕賙賚賜賞賠賡賢賣賤賦賧質賫賬賭賰賴賵賺賻購賽賾贄贅贇贈贊贋贍贏贐贓贔贖贗贛贜赬趕趙趨趲跡踐踰踴蹌蹕蹟蹠蹣蹤蹺躂躉躊躋躍躎躑躒躓躕躚躡躥躦躪軀車軋軌軍軏軑軒軔軛軝軟軤軫軲軸軹軺軻軼軾較輄輅輇輈載輊輋輒輓輔輕輗輛輜輝輞輟輥輦輩輪輬輮輯輳輶輸輻輼輾輿轀轂轄轅轆轉轍轎轔轟轡轢轤辦辭辮辯農迴逕這連週進遊運過達違遙遜遞遠遡適遲遶遷選遺遼邁還邇邊邏邐郟郵鄆鄉鄒鄔鄖鄧鄩鄭鄰鄲鄳鄴鄶鄺酇酈醃醖醜醞醟醣醫醬醱醲釀釁釃釅釋釐釒釓釔釕釗釘釙針釣釤釦釧釩釴釵釷釹釺釾釿鈀鈁鈃鈄鈅鈇鈈鈉鈍鈎鈐鈑鈒鈔鈕鈞鈡鈣鈥鈦鈧鈮鈰鈳鈴鈷鈸鈹鈺鈽鈾鈿鉀鉅鉆鉈鉉鉊鉋鉍鉑鉕鉗鉚鉛鉝鉞鉢鉤鉥鉦鉧鉬鉭鉮鉳鉶鉷鉸鉺鉻鉿銀銃銅銈銍銑銓銖銘銚銛銜銠銣銥銦銨銩銪銫銬銱銳銶銷銹銻銼鋁鋃鋅鋇鋌鋏鋐鋒鋗鋙鋝鋟鋣鋤鋥鋦鋨鋩鋪鋭鋮鋯鋰鋱鋶鋸鋹鋼錀錁錄錆錇錈錏錐錒錕錘錙錚錛錞錟錠錡錢錤錦錨錩錫錮錯録錳錶錸錼鍀鍁鍃鍅鍆鍇鍈鍊鍋鍍鍔鍘鍚鍛鍠鍤鍥鍩鍬鍭鍰鍵鍶鍺鍼鍾鎂鎄鎇鎊鎌鎓鎔鎖鎘鎚鎛鎝鎡鎢鎣鎦鎧鎩鎪鎬鎭鎮鎰鎲鎳鎵鎶鎸鎿鏃鏇鏈鏌鏍鏏鏐鏑鏗鏘鏜鏝鏞鏟鏡鏢鏤鏨鏰鏵鏷鏹鏺鏻鏽鐃鐄鐇鐋鐍鐏鐐鐒鐓鐔鐘鐙鐝鐠鐥鐦鐧鐨鐩鐫鐮鐯鐲鐳鐵鐶鐸鐺鐽鐿鑄鑊鑌鑑鑒鑔鑕鑞鑠鑣鑥鑪鑭鑰鑱鑲鑷鑹鑼鑽鑾鑿钁钂長門閂閃閆閈閉開閌閎閏閑閒間閔閘閡閣閤閥閨閩閫閬閭閱閲閶閹閻閼閽閾閿闃闆闇闈闉闊闋闌闍闐闑闒闓闔闕闖關闞闠闡闢闤闥陘陝陞陣陰陳陸陽隉隊階隑隕際隤隨險隮隯隱隴隸隻雋雖雙雛雜雞離難雲電霑霢霧霽靂靄靆靈靉靚靜靝靦靨鞏鞝鞦鞽韁韃韆韉韋韌韍韓韙韜韝韞韻響頁頂頃項順頇須頊頌頍頎頏預頑頒頓頔頗領頜頠頡頤頦頫頭頮頰頲頴頵頷頸頹頻頽顆題額顎顏顒顓顔顗願顙顛類顢顥顧顫顬顯顰顱顳顴風颭颮颯颱颳颶颸颺颻颼飀飄飆飈飛飠飢飣飥飩飪飫飭飯飱飲飴飼飽飾飿餃餄餅餈餉養餌餎餏餑餒餓餕餖餗餘餚餛餜餞餡館餬餱餳餵餶餷餸餺餼餾餿饁饃饅饈饉饊饋饌饑饒饗饘饜饞饢馬馭馮馱馳馴馹馼駁駃駉駐駑駒駓駔駕駘駙駛駝駟駡駢駪駭駰駱駸駼駿騁騂騄騅騊騌騍騎騏騑騖騙騞騠騤騧騫騭騮騰騱騵騶騷騸騾驀驁驂驃驄驅驊驌驍驎驏驕驗驚驛驟驢驤驥驦驪驫骯髏髒體髕髖髮鬆鬍鬚鬢鬥鬧鬨鬩鬮鬱鬹魎魘魚魛魟魢魨魯魴魷魺鮀鮁鮃鮆鮈鮊鮋鮍鮎鮐鮑鮒鮓鮚鮜鮝鮞鮟鮠鮡鮣鮦鮪鮫鮭鮮鮳鮶鮸鮺鯀鯁鯇鯉鯊鯒鯔鯕鯖鯗鯛鯝鯡鯢鯤鯧鯨鯪鯫鯰鯴鯷鯻鯽鯿鰁鰂鰃鰆鰈鰉鰊鰌鰍鰏鰐鰒鰓鰛鰜鰟鰠鰣鰤鰥鰧鰨鰩鰭鰮鰱鰲鰳鰵鰶鰷鰹鰺鰻鰼鰾鱀鱂鱅鱇鱈鱉鱒鱔鱖鱗鱘鱚鱝鱟鱠鱣鱤鱧鱨鱭鱯鱲鱷鱸鱺鳥鳧鳩鳬鳲鳳鳴鳶鳾鴆鴇鴉鴒鴕鴛鴝鴞鴟鴣鴦鴨鴯鴰鴴鴷鴻鴿鵁鵂鵃鵏鵐鵑鵒鵓鵜鵝鵟鵠鵡鵪鵬鵮鵯鵰鵲鵷鵾鶄鶇鶉鶊鶓鶖鶘鶚鶠鶡鶥鶩鶪鶬鶯鶱鶲鶴鶹鶺鶻鶼鶿鷀鷁鷂鷄鷉鷊鷓鷖鷗鷙鷚鷟鷥鷦鷫鷭鷯鷲鷳鷴鷸鷹鷺鷽鸂鸇鸊鸌鸏鸑鸕鸘鸚鸛鸝鸞鹵鹹鹺鹼鹽麗麥麩麪麫麬麯麳麴麵麼麽黃黌點黨黲黴黶黷黽黿鼂鼉鼕鼴齊齋齎齏齒齔齕齗齘齙齜齟齠齡齣齦齧齪齬齮齯齲齶齷齼龍龎龐龑龔龕龜鿁鿓ꙀꙂꙄꙆꙈꙊꙌꙎꙐꙒꙔꙖꙘꙚꙜꙞꙠꙢꙤꙦꙨꙪꙬꚀꚂꚄꚆꚈꚊꚌꚎꚐꚒꚔꚖꚘꚚꜢꜤꜦꜨꜪꜬꜮꜲꜴꜶꜸꜺꜼꜾꝀꝂꝄꝆꝈꝊꝌꝎꝐꝒꝔꝖꝘꝚꝜꝞꝠꝢꝤꝦꝨꝪꝬꝮꝹꝻꝽꝾꞀꞂꞄꞆꞋꞍꞐꞒꞖꞘꞚꞜꞞꞠꞢꞤꞦꞨꞪꞫꞬꞭꞮꞰꞱꞲꞳꞴꞶꞸꞺꞼꞾꟀꟂꟄꟅꟆꟇꟉꟐꟖꟘꟵ𠁞𠗣𡃕𡅏𡑍𡑭𡓾𡔖𡞵𡠹𡢃𡮉𡮣𡳳𡻕𡾱𢣚𢶫𢹿𣈶𣙎𣞻𣠩𣠲𣯶𣾷𤁣𤅶𤓩𤪺𤫩𤳸𥊝𥌃𥕥𥖅𥗽𥢢𥸠𥼽𦘧𦣎𦪙𧜗𧜵𧝞𧟀𧩙𧵳𧶧𨊰𨊸𨋢𨤻𨦫𨧀𨧜𨨏𨭆𨭎𨯅𩞯𩠴𩣑𩶘𰻞]', 'g') AS m) AS found
    ) ELSE x END
); END$$;
CREATE FUNCTION public.fw_is_one_key(t text) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN ((length(t) = 2) AND (cardinality(public.fw_search_keys(t)) = 1));
CREATE FUNCTION public.fw_key_signature(keys integer[]) RETURNS bit
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$
    SELECT ('x' || string_agg(lpad(to_hex(coalesce(w.word, 0)), 16, '0'), '' ORDER BY i))::bit(4096)
    FROM generate_series(0, 63) AS i
    LEFT JOIN (SELECT p >> 6 AS at, bit_or(1::int8 << (63 - (p & 63))) AS word
               FROM fw_signature_bits(keys) AS p GROUP BY 1) w ON w.at = i
$$;
CREATE FUNCTION public.fw_lacks(search_text text, term text) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
    SELECT strpos(search_text, fw_normalize(term)) = 0
$$;
COMMENT ON FUNCTION public.fw_lacks(search_text text, term text) IS 'True when search_text does not contain the normalised term (for NOT; not index-served).';
CREATE FUNCTION public.fw_normalize(x text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
    SELECT CASE WHEN length(x) <= 64 THEN fw_fold_short(normalize(x, NFKC))
                ELSE fw_fold(normalize(x, NFKC)) END
$$;
COMMENT ON FUNCTION public.fw_normalize(x text) IS 'Searchable form of text: NFKC, Traditional to Simplified by character (OpenCC TSCharacters), lower case.';
CREATE FUNCTION public.fw_normalize_term(x text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    AS $$
BEGIN
    RETURN CASE WHEN length(x) <= 64 THEN fw_fold_term(normalize(x, NFKC)) ELSE fw_normalize(x) END;
END
$$;
CREATE FUNCTION public.fw_one_key_exclusions(parsed jsonb) RETURNS text[]
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
    AS $$
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
$$;
CREATE FUNCTION public.fw_parse_query(query text) RETURNS jsonb
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    AS $$
DECLARE
    tokens text[];
    tok text;
    term text;
    clauses jsonb := '[[]]';   -- per alternative: the terms that must all occur
    negs jsonb := '[[]]';      -- per alternative: the excluded terms
    last text;
    groups jsonb := '[[]]';
    product jsonb;
    grp jsonb;
    grown jsonb;
    none jsonb;
    pending_or boolean := false;
    negate boolean := false;
    n_terms integer;
BEGIN
    IF length(coalesce(query, '')) > 1000 THEN
        RAISE EXCEPTION USING ERRCODE = '22023',
            MESSAGE = format('the search query is %s characters; the limit is 1000', length(query));
    END IF;
    query := translate(normalize(coalesce(query, ''), NFKC), '“”', '""');
    tokens := ARRAY(SELECT m[1] FROM regexp_matches(query, '(-?"[^"]*"?|[^\s"]+)', 'g') AS m);
    IF cardinality(tokens) = 0 THEN
        RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'the search query is empty';
    END IF;
    n_terms := (SELECT count(*) FROM unnest(tokens) AS t WHERE t NOT IN ('AND', '&', 'OR', '|', 'NOT'));
    IF n_terms > 32 THEN
        RAISE EXCEPTION USING ERRCODE = '22023',
            MESSAGE = format('the search query has %s terms; the limit is 32', n_terms);
    END IF;
    FOREACH tok IN ARRAY tokens LOOP
        IF tok IN ('AND', '&') THEN CONTINUE; END IF;
        IF tok IN ('OR', '|') THEN
            IF pending_or OR negate OR jsonb_array_length(clauses -> -1) = 0 THEN
                RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'OR needs a term on each side';
            END IF;
            clauses := clauses || '[[]]'::jsonb;
            negs := negs || '[[]]'::jsonb;
            pending_or := true;
            CONTINUE;
        END IF;
        IF tok = 'NOT' THEN negate := true; CONTINUE; END IF;
        IF length(tok) > 1 AND left(tok, 1) = '-' THEN negate := true; tok := substr(tok, 2); END IF;
        term := fw_parse_term(tok);
        last := (jsonb_array_length(clauses) - 1)::text;
        IF negate THEN
            negs := jsonb_set(negs, ARRAY[last], (negs -> -1) || to_jsonb(term));
        ELSE
            clauses := jsonb_set(clauses, ARRAY[last], (clauses -> -1) || to_jsonb(term));
        END IF;
        pending_or := false;
        negate := false;
    END LOOP;
    IF pending_or OR negate THEN
        RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'the search query ends with OR or NOT';
    END IF;
    IF jsonb_array_length(clauses) > 1
       AND EXISTS (SELECT 1 FROM jsonb_array_elements(clauses) AS c WHERE jsonb_array_length(c) = 0) THEN
        RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'OR needs a term on each side';
    END IF;
    IF jsonb_array_length(clauses -> 0) = 0 THEN
        RAISE EXCEPTION USING ERRCODE = '22023',
            MESSAGE = 'the search query only excludes terms; add at least one term to find';
    END IF;
    IF EXISTS (SELECT 1 FROM jsonb_array_elements(negs) AS n
               WHERE NOT (n @> (negs -> 0) AND (negs -> 0) @> n)) THEN
        RAISE EXCEPTION USING ERRCODE = '22023',
            MESSAGE = 'with OR, every alternative must exclude the same terms (write: a -x OR b -x)';
    END IF;
    SELECT coalesce(jsonb_agg(t ORDER BY first), '[]') INTO none
    FROM (SELECT t, min(ord) AS first FROM jsonb_array_elements_text(negs -> 0) WITH ORDINALITY AS e(t, ord)
          GROUP BY t) AS d;
    FOR i IN 0 .. jsonb_array_length(clauses) - 1 LOOP
        product := '[]';
        FOR grp IN SELECT g FROM jsonb_array_elements(groups) WITH ORDINALITY AS e(g, ord) ORDER BY ord LOOP
            FOR term IN SELECT t FROM jsonb_array_elements_text(clauses -> i) WITH ORDINALITY AS e(t, ord) ORDER BY ord LOOP
                grown := CASE WHEN grp @> to_jsonb(term) THEN grp ELSE grp || to_jsonb(term) END;
                IF NOT EXISTS (SELECT 1 FROM jsonb_array_elements(product) AS p WHERE p = grown) THEN
                    product := product || jsonb_build_array(grown);
                END IF;
            END LOOP;
        END LOOP;
        -- absorption: drop each group that holds another; of equal groups the first stays
        SELECT coalesce(jsonb_agg(a.g ORDER BY a.i), '[]') INTO product
        FROM jsonb_array_elements(product) WITH ORDINALITY AS a(g, i)
        WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements(product) WITH ORDINALITY AS b(h, j)
                          WHERE a.g @> b.h AND (NOT b.h @> a.g OR b.j < a.i));
        IF jsonb_array_length(product) > 32 THEN
            RAISE EXCEPTION USING ERRCODE = '22023',
                MESSAGE = 'the search query has too many OR combinations; the limit is 32';
        END IF;
        groups := product;
    END LOOP;
    RETURN jsonb_build_object('all', groups, 'none', none);
END
$$;
COMMENT ON FUNCTION public.fw_parse_query(query text) IS 'Parse a search query (AND before OR) into {"all": [[OR-alternatives], ...], "none": [excluded terms]}; raises 22023 on bad input.';
CREATE FUNCTION public.fw_parse_term(token text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
    AS $$
DECLARE
    term text := btrim(regexp_replace(replace(token, '"', ''), '\s+', ' ', 'g'));
BEGIN
    IF term !~ fw_word_class() THEN
        RAISE EXCEPTION USING ERRCODE = '22023',
            MESSAGE = format('search term "%s" has no letters, digits or Chinese characters', token);
    END IF;
    IF length(term) < 2 THEN
        RAISE EXCEPTION USING ERRCODE = '22023',
            MESSAGE = format('search term "%s" is one character; terms need at least two', term);
    END IF;
    RETURN term;
END
$$;
CREATE FUNCTION public.fw_prepare_query(parsed jsonb) RETURNS jsonb
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
    AS $$
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
$$;
COMMENT ON FUNCTION public.fw_prepare_query(parsed jsonb) IS 'A parsed query (fw_parse_query) with its terms normalised and keyed once; an alternative that contains an excluded term is dropped (0390), and a group left empty marks the query "nothing" (no document can match); "absent": the absence keys of excluded terms that are one listed common key (0400). The statement builders accept either form.';
CREATE FUNCTION public.fw_rank_counted(search_text text, t text, n integer) RETURNS real
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN ((ln(((1 + n))::double precision) + (CASE WHEN (strpos(t, '
'::text) = 0) THEN CASE WHEN ((strpos(search_text, '
'::text) > 0) AND (strpos(split_part(search_text, '
'::text, 1), t) > 0)) THEN 2 ELSE 0 END WHEN ((strpos(search_text, t) > 0) AND (strpos(search_text, t) < strpos(search_text, '
'::text))) THEN 2 ELSE 0 END)::double precision))::real;
COMMENT ON FUNCTION public.fw_rank_counted(search_text text, t text, n integer) IS 'The rank of a term occurring n times in search_text: ln(1 + n) + 2 when its first occurrence is in the title.';
CREATE FUNCTION public.fw_term_count(search_text text, t text) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN (octet_length(t) = 0) THEN 0 ELSE ((octet_length(search_text) - octet_length(replace(search_text, t, ''::text))) / octet_length(t)) END;
COMMENT ON FUNCTION public.fw_term_count(search_text text, t text) IS 'Non-overlapping occurrences of t in search_text (0 for an empty t).';
CREATE FUNCTION public.fw_rank_normalized(search_text text, t text) RETURNS real
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN (octet_length(t) = 0) THEN (0)::real ELSE public.fw_rank_counted(search_text, t, public.fw_term_count(search_text, t)) END;
CREATE FUNCTION public.fw_search(query text, max_rows integer DEFAULT 20) RETURNS TABLE(document_id bigint, version_id bigint, title text, url text, published_at timestamp with time zone, rank real)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET work_mem TO '64MB'
    SET enable_seqscan TO 'off'
    SET max_parallel_workers_per_gather TO '0'
    SET search_path TO 'public', 'pg_temp'
    AS $_$
DECLARE
    walk bigint := least(5 * max_rows::bigint, 1000);
    probe bigint := least(50 * max_rows::bigint, 20000);
    rank_all bigint := coalesce(nullif(current_setting('futurewatch.search_rank_all', true), '')::bigint, 200);
    cap bigint;
    bound bigint;
    size bigint;
    parsed jsonb;
    hits jsonb;
    more jsonb;
    last_at timestamptz;
    last_id bigint;
    k integer;
    expected bigint;
    seen integer;
    ids bigint[];
    every_id boolean := false;
    survivor_ids boolean := false;
    counted bigint;
    facts jsonb;
    plan text;
    survivors bigint;
    dropped bigint;
BEGIN
    IF max_rows IS NULL OR max_rows < 1 THEN
        RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'max_rows must be a positive number';
    END IF;
    parsed := fw_prepare_query(fw_parse_query(query));
    IF parsed ? 'nothing' THEN  -- a group's every alternative holds an excluded term
        RETURN;
    END IF;
    hits := fw_walk(parsed, max_rows, 0, walk);
    k := jsonb_array_length(hits);
    IF k < max_rows AND k * probe >= 2 * max_rows * walk THEN
        -- The walk goes on: over twice the documents expected to hold the rest at the walk's rate; if
        -- they do not, through the candidates when those are expected to cost less than the
        -- texts still to read (0380), else on up to P as before.
        expected := least(probe - walk, ceil(2.0 * (max_rows - k) * walk / k)::bigint);
        more := fw_walk(parsed, max_rows - k, walk, expected);
        hits := hits || more;
        seen := jsonb_array_length(hits);
        IF seen < max_rows AND walk + expected < probe THEN
            SELECT coalesce(max(v.version_id), 0) INTO size FROM document_versions v;
            cap := fw_search_cap(max_rows);
            bound := least(cap, 8 * (least(probe - walk - expected,
                                            ceil((max_rows - seen) * (walk + expected) / greatest(seen, 1)::numeric)) - 140));
            IF 1.5 * seen * size / (walk + expected) < bound THEN
                EXECUTE fw_build_candidate_ids_sql(parsed) INTO ids USING bound;
            END IF;
            IF cardinality(ids) < bound THEN  -- every candidate
                IF cardinality(ids) > rank_all THEN  -- recent or newest: the newest max_rows matches
                    EXECUTE format('SELECT coalesce(jsonb_agg(to_jsonb(r)), ''[]'') FROM (%s) r',
                                   fw_build_newest_sql(parsed, true, true))
                        INTO hits USING max_rows, ids, cardinality(ids);
                ELSE  -- every match, ranked: recent when the newest max_rows are within P, else ranked
                    EXECUTE format('SELECT coalesce(jsonb_agg(to_jsonb(r)), ''[]'') FROM (%s) r',
                                   fw_build_search_sql(parsed, true))
                        INTO hits USING cardinality(ids), ids;
                    IF jsonb_array_length(hits) > max_rows THEN
                        SELECT r.published_at, r.version_id INTO last_at, last_id
                        FROM jsonb_to_recordset(hits) AS r(version_id bigint, published_at timestamptz)
                        ORDER BY r.published_at DESC NULLS LAST, r.version_id DESC
                        OFFSET max_rows - 1 LIMIT 1;
                        IF fw_search_within(last_at, last_id, probe) THEN
                            SELECT jsonb_agg(h) INTO hits
                            FROM (SELECT h FROM jsonb_array_elements(hits) AS h
                                  ORDER BY (h ->> 'published_at')::timestamptz DESC NULLS LAST, (h ->> 'version_id')::bigint DESC
                                  LIMIT max_rows) x;
                        ELSE
                            SELECT jsonb_agg(h) INTO hits
                            FROM (SELECT h FROM jsonb_array_elements(hits) AS h
                                  ORDER BY (h ->> 'rank')::real DESC, (h ->> 'published_at')::timestamptz DESC NULLS LAST,
                                           (h ->> 'document_id')::bigint
                                  LIMIT max_rows) x;
                        END IF;
                    END IF;
                END IF;
                RETURN QUERY SELECT r.* FROM jsonb_to_recordset(hits) AS r(document_id bigint, version_id bigint,
                                                                           title text, url text,
                                                                           published_at timestamptz, rank real)
                             ORDER BY r.rank DESC, r.published_at DESC NULLS LAST, r.document_id;
                RETURN;
            END IF;
            ids := NULL;
            more := fw_walk(parsed, max_rows - seen, walk + expected, probe - walk - expected);
            hits := hits || more;
        END IF;
    END IF;
    IF jsonb_array_length(hits) = max_rows THEN
        RETURN QUERY SELECT r.* FROM jsonb_to_recordset(hits) AS r(document_id bigint, version_id bigint, title text,
                                                                   url text, published_at timestamptz, rank real)
                     ORDER BY r.rank DESC, r.published_at DESC NULLS LAST, r.document_id;
        RETURN;
    END IF;
    -- As 0370 from here: the candidates, newest first, up to the cap; with an excluded term of one
    -- key too (0420), when a count up to the cap finds fewer: the holders are dropped from the ids and
    -- the plan takes both numbers instead of counting them again.
    cap := coalesce(cap, fw_search_cap(max_rows));
    IF fw_exclusion_keys(parsed) = '{}' THEN
        EXECUTE fw_build_candidate_ids_sql(parsed) INTO ids USING cap;
        every_id := cardinality(ids) < cap;
        facts := fw_search_plan(parsed, max_rows, k, jsonb_array_length(hits) - k, cardinality(ids));
    ELSE  -- counted up to the cap from the index alone first: at the cap the ids would be for nothing
        EXECUTE format('SELECT count(*) FROM (SELECT 1 FROM document_versions v WHERE %s LIMIT $1) s',
                       fw_build_candidate_sql(parsed)) INTO counted USING cap;
        IF counted < cap THEN  -- every candidate: the holders dropped from their ids (0420)
            EXECUTE fw_build_candidate_ids_sql(parsed) INTO ids USING cap;
            EXECUTE fw_build_survivor_ids_sql(parsed) INTO ids USING ids;
            survivor_ids := true;
            facts := fw_search_plan(parsed, max_rows, k, jsonb_array_length(hits) - k, counted, counted - cardinality(ids));
        ELSE  -- at least the cap: the plan counts them and the holders from the index alone
            facts := fw_search_plan(parsed, max_rows, k, jsonb_array_length(hits) - k);
        END IF;
    END IF;
    plan := facts ->> 'plan';
    IF (facts ->> 'survivors')::bigint = 0 THEN  -- every candidate holds an excluded term
        RETURN;
    END IF;
    IF plan = 'ranked' AND (every_id OR survivor_ids) THEN
        RETURN QUERY EXECUTE fw_build_search_sql(parsed, true, survivor_ids) USING max_rows, ids;
        RETURN;
    ELSIF plan = 'ranked' THEN
        RETURN QUERY EXECUTE fw_build_search_sql(parsed) USING max_rows;
        RETURN;
    END IF;
    IF plan = 'recent' THEN  -- the walk goes on from W to P (it did not yet: the plan says so)
        more := fw_walk(parsed, max_rows - k, walk, probe - walk);
        hits := hits || more;
        IF jsonb_array_length(hits) = max_rows THEN
            RETURN QUERY SELECT r.* FROM jsonb_to_recordset(hits) AS r(document_id bigint, version_id bigint, title text,
                                                                       url text, published_at timestamptz, rank real)
                         ORDER BY r.rank DESC, r.published_at DESC NULLS LAST, r.document_id;
            RETURN;
        END IF;
    END IF;
    -- The survivors' ids, newest first (0420): their texts in that order, the excluded terms
    -- checked on the text.
    IF survivor_ids THEN
        RETURN QUERY EXECUTE fw_build_newest_sql(parsed, true, true) USING max_rows, ids, cardinality(ids);
        RETURN;
    END IF;
    -- Many survivors: the newest candidates' texts first (0290); rows only when complete.
    survivors := (facts ->> 'survivors')::bigint;
    dropped := (facts ->> 'dropped')::bigint;
    IF survivors > 0 AND 20 * max_rows * (survivors + dropped) < dropped * survivors THEN
        RETURN QUERY EXECUTE fw_build_newest_resumed_sql(parsed)
            USING max_rows, ceil(2.0 * max_rows * (survivors + dropped) / survivors)::bigint;
        RETURN;
    END IF;
    -- the candidates newest first, without those holding an excluded term of one key
    IF every_id THEN
        RETURN QUERY EXECUTE fw_build_newest_sql(parsed, false, true) USING max_rows, ids;
    ELSE
        RETURN QUERY EXECUTE fw_build_newest_sql(parsed, false) USING max_rows;
    END IF;
END
$_$;
COMMENT ON FUNCTION public.fw_search(query text, max_rows integer) IS 'Search of current document versions: space/AND, OR, NOT or -term, "phrases". When the newest documents hold max_rows matches, or the query has more than 200 index candidates: the max_rows newest matches, in rank order; otherwise the top max_rows of all matches by rank. See docs/search.md.';
CREATE FUNCTION public.fw_search_cap(max_rows integer) RETURNS bigint
    LANGUAGE plpgsql STABLE
    AS $$
DECLARE
    size bigint;
BEGIN
    SELECT coalesce(max(version_id), 0) INTO size FROM document_versions;
    RETURN greatest(coalesce(nullif(current_setting('futurewatch.search_rank_all', true), '')::bigint, 200) + 1,
                    ceil(size * 2.0 * max_rows / least(50 * max_rows::bigint, 20000))::bigint,
                    ceil(sqrt(30.0 * max_rows * size))::bigint);
END
$$;
CREATE FUNCTION public.fw_search_plan(parsed jsonb, max_rows integer, walk_hits integer DEFAULT NULL::integer, walk_more integer DEFAULT NULL::integer, candidates bigint DEFAULT NULL::bigint, dropped bigint DEFAULT NULL::bigint) RETURNS jsonb
    LANGUAGE plpgsql STABLE
    SET enable_seqscan TO 'off'
    SET work_mem TO '64MB'
    SET max_parallel_workers_per_gather TO '0'
    AS $_$
DECLARE
    rank_all bigint := coalesce(nullif(current_setting('futurewatch.search_rank_all', true), '')::bigint, 200);
    walk bigint := least(5 * max_rows::bigint, 1000);
    probe bigint := least(50 * max_rows::bigint, 20000);
    size bigint := coalesce((SELECT max(version_id) FROM document_versions), 0);
    cap bigint := fw_search_cap(max_rows);
    walked_on boolean;
    more bigint := 0;
    survivors bigint;
    candidate_sql text;
    keys int4[];
    facts jsonb;
BEGIN
    parsed := fw_prepare_query(parsed);
    IF parsed ? 'nothing' THEN  -- a group's every alternative holds an excluded term (0390)
        RETURN jsonb_build_object('walk', walk, 'probe', probe, 'walk_hits', 0, 'walk_found', false, 'cap', cap,
                                  'rank_all', rank_all, 'candidates', 0, 'survivors', 0, 'dropped', 0,
                                  'plan', 'nothing');
    END IF;
    keys := CASE WHEN parsed -> 'none' <> '[]' THEN fw_exclusion_keys(parsed) ELSE '{}' END;
    IF walk_hits IS NULL THEN
        walk_hits := jsonb_array_length(fw_walk(parsed, max_rows, 0, walk));
    END IF;
    walked_on := walk_hits < max_rows AND walk_hits * probe >= 2 * max_rows * walk;
    IF walked_on AND walk_more IS NOT NULL THEN
        more := walk_more;
    ELSIF walked_on THEN
        more := jsonb_array_length(fw_walk(parsed, max_rows - walk_hits, walk, probe - walk));
    END IF;
    facts := jsonb_build_object('walk', walk, 'probe', probe, 'walk_hits', walk_hits,
                                'walk_found', walk_hits + more = max_rows, 'cap', cap, 'rank_all', rank_all);
    IF walk_hits + more = max_rows THEN
        RETURN facts || jsonb_build_object('candidates', NULL, 'survivors', NULL, 'dropped', NULL, 'plan', 'recent');
    END IF;
    candidate_sql := fw_build_candidate_sql(parsed);
    IF cardinality(keys) = 0 THEN
        dropped := NULL;  -- no holders to drop through the index
        IF candidates IS NULL THEN
            EXECUTE format('SELECT count(*) FROM (SELECT 1 FROM document_versions v WHERE %s LIMIT $1) s', candidate_sql)
                INTO candidates USING cap;
        END IF;
    ELSE
        -- counts from the index alone (no heap tuple is read for an all-visible page): every
        -- candidate (unless fewer than the cap were given: those are all), then those holding an
        -- excluded key (given with fewer candidates than the cap, 0420: the holders among them)
        IF candidates IS NULL OR candidates >= cap THEN
            EXECUTE format('SELECT count(*) FROM document_versions v WHERE %s', candidate_sql) INTO survivors;
            dropped := NULL;
        ELSE
            survivors := candidates;
        END IF;
        candidates := least(survivors, cap);
        IF candidates > rank_all THEN
            IF dropped IS NULL THEN
                EXECUTE format('SELECT count(*) FROM document_versions v WHERE %s AND v.search_keys && $1', candidate_sql)
                    INTO dropped USING keys;
            END IF;
            survivors := survivors - dropped;
        ELSE
            survivors := NULL;
            dropped := NULL;
        END IF;
    END IF;
    RETURN facts || jsonb_build_object('candidates', candidates, 'survivors', survivors, 'dropped', dropped, 'plan',
        CASE WHEN candidates <= rank_all THEN 'ranked'
             WHEN candidates >= cap AND coalesce(survivors, cap) * probe >= max_rows * size
                  AND max_rows <= probe AND NOT walked_on THEN 'recent'
             ELSE 'newest' END);
END
$_$;
COMMENT ON FUNCTION public.fw_search_plan(parsed jsonb, max_rows integer, walk_hits integer, walk_more integer, candidates bigint, dropped bigint) IS 'How fw_search answers a parsed query: nothing (a group whose every term holds an excluded term), else recent (the newest documents hold max_rows matches), else ranked (<= rank_all candidates), recent or newest by the candidates left after excluding through the index; fw_search gives the numbers it found (candidates; dropped, the holders among fewer candidates than the cap); see 0210, 0260, 0290, 0370, 0390, 0420.';
CREATE FUNCTION public.fw_search_text(title text, body text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN public.fw_normalize(((replace(title, '
'::text, ' '::text) || '
'::text) || body));
COMMENT ON FUNCTION public.fw_search_text(title text, body text) IS 'The search_text of a version: fw_normalize(title with newlines as spaces || newline || text).';
CREATE FUNCTION public.fw_search_within(at timestamp with time zone, id bigint, probe bigint) RETURNS boolean
    LANGUAGE plpgsql STABLE
    AS $$
DECLARE
    before bigint;
BEGIN
    IF at IS NOT NULL THEN
        SELECT count(*) INTO before
        FROM (SELECT 1 FROM document_versions v
              WHERE v.published_at >= at AND (v.published_at > at OR v.version_id >= id)
              LIMIT probe + 1) s;
    ELSE
        SELECT count(*) INTO before
        FROM (SELECT 1 FROM document_versions v
              WHERE v.published_at IS NOT NULL OR v.version_id >= id
              LIMIT probe + 1) s;
    END IF;
    IF before <= probe THEN
        RETURN true;
    END IF;
    IF at IS NOT NULL THEN
        SELECT count(*) INTO before
        FROM (SELECT 1 FROM document_versions v JOIN documents d ON d.current_version_id = v.version_id
              WHERE v.published_at >= at AND (v.published_at > at OR v.version_id >= id)
              LIMIT probe + 1) s;
    ELSE
        SELECT count(*) INTO before
        FROM (SELECT 1 FROM document_versions v JOIN documents d ON d.current_version_id = v.version_id
              WHERE v.published_at IS NOT NULL OR v.version_id >= id
              LIMIT probe + 1) s;
    END IF;
    RETURN before <= probe;
END
$$;
CREATE FUNCTION public.fw_signature_bit(k integer, m bigint) RETURNS integer
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN ((((((k)::bigint & '4294967295'::bigint) * m) & '4294967295'::bigint) >> 20))::integer;
CREATE FUNCTION public.fw_signature_bits(keys integer[]) RETURNS SETOF integer
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$
    SELECT fw_signature_bit(k, m) FROM unnest(keys) AS k, unnest(fw_signature_multipliers()) AS m
$$;
CREATE FUNCTION public.fw_signature_mask(keys integer[]) RETURNS bit
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
    AS $$
DECLARE
    mask bit(4096) := B'0'::bit(4096);
    p integer;
BEGIN
    FOR p IN SELECT fw_signature_bits(keys) LOOP
        mask := set_bit(mask, p, 1);
    END LOOP;
    RETURN mask;
END
$$;
CREATE FUNCTION public.fw_signature_multipliers() RETURNS bigint[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN '{1540483477,739982445}'::bigint[];
CREATE FUNCTION public.fw_term_keys(n text) RETURNS integer[]
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
    AS $$
DECLARE
    units int4[] := '{}';
    keys int4[] := '{}';
    cp int4;
BEGIN
    FOREACH cp IN ARRAY ARRAY(SELECT ascii(ch) FROM unnest(string_to_array(n, NULL)) AS ch) LOOP
        IF cp < 65536 THEN
            units := units || cp;
        ELSE  -- a surrogate pair
            units := units || (55296 + ((cp - 65536) >> 10)) || (56320 + ((cp - 65536) & 1023));
        END IF;
    END LOOP;
    FOR i IN 1 .. cardinality(units) - 1 LOOP
        keys := keys || (units[i] << 16 | units[i + 1]);
    END LOOP;
    RETURN ARRAY(SELECT DISTINCT k FROM unnest(keys) AS k ORDER BY 1);
END
$$;
CREATE FUNCTION public.fw_term_rank(search_text text, term text) RETURNS real
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN public.fw_rank_normalized(search_text, public.fw_normalize(term));
COMMENT ON FUNCTION public.fw_term_rank(search_text text, term text) IS 'Rank of one term in search_text: ln(1 + occurrences) plus 2 when the title contains it.';
CREATE FUNCTION public.fw_today() RETURNS date
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN ((now() AT TIME ZONE 'Asia/Shanghai'::text))::date;
COMMENT ON FUNCTION public.fw_today() IS 'Today in China (Asia/Shanghai), whatever the session TimeZone: compare the *_on dates with it, not with current_date.';
CREATE FUNCTION public.fw_walk(parsed jsonb, max_rows integer, skip bigint, count bigint) RETURNS jsonb
    LANGUAGE plpgsql STABLE
    SET plan_cache_mode TO 'force_generic_plan'
    AS $$
DECLARE
    terms text[];
    nones text[];
    mask bit(4096);
    hits jsonb;
BEGIN
    parsed := fw_prepare_query(parsed);
    IF EXISTS (SELECT 1 FROM jsonb_array_elements(parsed -> 'all') AS g WHERE jsonb_array_length(g) <> 1) THEN
        EXECUTE format('SELECT coalesce(jsonb_agg(to_jsonb(w)), ''[]'') FROM (%s) w', fw_build_walk_sql(parsed))
            INTO hits USING max_rows, skip, count;
        RETURN hits;
    END IF;
    terms := ARRAY(SELECT g ->> 0 FROM jsonb_array_elements(parsed -> 'all') WITH ORDINALITY AS a(g, n) ORDER BY n);
    nones := ARRAY(SELECT t FROM jsonb_array_elements_text(parsed -> 'none') WITH ORDINALITY AS a(t, n) ORDER BY n);
    mask := fw_signature_mask(ARRAY(SELECT k FROM unnest(terms) AS t, unnest((parsed -> 'keys' ->> t)::int4[]) AS k)
                              || coalesce((parsed ->> 'absent')::int4[], '{}'));
    SELECT coalesce(jsonb_agg(to_jsonb(w)), '[]') INTO hits
    FROM (SELECT h.document_id, h.version_id, h.title, h.url, h.published_at,
                 (SELECT sum(fw_rank_normalized(h.search_text, t)) FROM unnest(terms) AS t)::real AS rank
          FROM (SELECT p.* FROM (SELECT q.document_id, q.version_id, q.title, q.url, q.published_at,
                                        q.stored_text || '' AS search_text
                                 FROM (SELECT v.document_id, v.version_id, v.title, d.url, v.published_at,
                                              v.search_text AS stored_text, v.search_sig
                                       FROM document_versions v
                                       CROSS JOIN LATERAL (SELECT c.canonical_url AS url FROM documents c
                                                           WHERE c.document_id = v.document_id
                                                             AND c.current_version_id = v.version_id OFFSET 0) d
                                       ORDER BY v.published_at DESC NULLS LAST, v.version_id DESC
                                       OFFSET skip LIMIT count) q
                                 WHERE q.search_sig IS NULL OR q.search_sig & mask = mask
                                 ORDER BY q.published_at DESC NULLS LAST, q.version_id DESC OFFSET 0) p
                WHERE NOT EXISTS (SELECT 1 FROM unnest(terms) AS t WHERE strpos(p.search_text, t) = 0)
                  AND NOT EXISTS (SELECT 1 FROM unnest(nones) AS t WHERE strpos(p.search_text, t) > 0)
                ORDER BY p.published_at DESC NULLS LAST, p.version_id DESC
                LIMIT max_rows) h) w;
    RETURN hits;
END
$$;
CREATE FUNCTION public.fw_word_class() RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN '[0-9A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF\u3040-\u30FF\u3400-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\U00020000-\U0003FFFF]'::text;
CREATE TABLE public.documents (
    document_id bigint NOT NULL,
    doc_key text NOT NULL,
    source_id text NOT NULL,
    kind text DEFAULT 'news'::text NOT NULL,
    canonical_url text NOT NULL,
    story_id bigint,
    current_version_id bigint,
    first_seen_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT documents_kind_check CHECK ((kind = ANY (ARRAY['news'::text, 'policy'::text, 'interpretation'::text])))
);
CREATE TABLE public.policy_references (
    version_id bigint NOT NULL,
    target_key text NOT NULL,
    relation text NOT NULL,
    target_keys text[] NOT NULL,
    target_title text,
    target_doc_number text,
    target_url text,
    evidence text NOT NULL,
    to_document_id bigint,
    CONSTRAINT policy_references_relation_check CHECK ((relation = ANY (ARRAY['implements'::text, 'cites'::text, 'interprets'::text, 'interpreted_by'::text, 'amends'::text, 'abolishes'::text, 'supersedes'::text])))
);
CREATE FUNCTION public.policy_validity(p_document_id bigint, stored text, effective_on date, expires_on date, as_of date) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER PARALLEL SAFE
    SET search_path TO 'public', 'pg_temp'
    RETURN CASE WHEN (stored IS NULL) THEN NULL::text WHEN (EXISTS (SELECT 1 FROM (public.policy_references r JOIN public.documents f ON ((f.current_version_id = r.version_id))) WHERE ((r.to_document_id = policy_validity.p_document_id) AND (r.relation = ANY (ARRAY['abolishes'::text, 'supersedes'::text]))))) THEN 'abolished'::text WHEN (stored = ANY (ARRAY['abolished'::text, 'expired'::text])) THEN stored WHEN (expires_on < as_of) THEN 'expired'::text WHEN (EXISTS (SELECT 1 FROM (public.policy_references r JOIN public.documents f ON ((f.current_version_id = r.version_id))) WHERE ((r.to_document_id = policy_validity.p_document_id) AND (r.relation = 'amends'::text)))) THEN 'amended'::text WHEN ((stored = ANY (ARRAY['in_force'::text, 'not_yet_in_force'::text])) AND (effective_on > as_of)) THEN 'not_yet_in_force'::text WHEN ((stored = 'not_yet_in_force'::text) AND (effective_on <= as_of)) THEN 'in_force'::text ELSE stored END;
CREATE FUNCTION public.wait_for_alert_event_writers() RETURNS void
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'rules, stories and document versions are deleted in READ COMMITTED only (alert_events)'
            USING ERRCODE = 'feature_not_supported';
    END IF;
    PERFORM pg_advisory_xact_lock(alert_event_writers_key());
END $$;
CREATE TABLE public.alert_events (
    event_id bigint NOT NULL,
    rule_id bigint NOT NULL,
    event_key text NOT NULL,
    story_id bigint,
    version_id bigint,
    section text NOT NULL,
    payload jsonb DEFAULT '{}'::jsonb NOT NULL,
    occurred_at timestamp with time zone DEFAULT now() NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    suppressed text,
    CONSTRAINT alert_events_suppressed_check CHECK ((suppressed = 'flapping'::text))
);
COMMENT ON COLUMN public.alert_events.suppressed IS 'Why the event is recorded but never sent (NULL: sent): flapping = a return of the document to a text it had before, less than FUTUREWATCH_FLAP_WINDOW_DAYS after another such return (docs/alerts.md).';
CREATE SEQUENCE public.alert_events_event_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE public.alert_events_event_id_seq OWNED BY public.alert_events.event_id;
CREATE TABLE public.alert_first_seen_baseline (
    rule_id bigint NOT NULL,
    entity_id bigint NOT NULL,
    params_hash text NOT NULL,
    baseline_end timestamp with time zone NOT NULL
);
CREATE TABLE public.alert_rule_state (
    rule_id bigint NOT NULL,
    params_hash text NOT NULL,
    matched_at timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE public.alert_rules (
    rule_id bigint NOT NULL,
    subscriber_id bigint NOT NULL,
    name text NOT NULL,
    rule_type text NOT NULL,
    params jsonb DEFAULT '{}'::jsonb NOT NULL,
    active boolean DEFAULT true NOT NULL,
    CONSTRAINT alert_rules_rule_type_check CHECK ((rule_type = ANY (ARRAY['keyword'::text, 'category'::text, 'entity'::text, 'first_seen_entity'::text, 'new_policy'::text, 'changed'::text, 'spike'::text, 'policy_deadline'::text])))
);
CREATE SEQUENCE public.alert_rules_rule_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE public.alert_rules_rule_id_seq OWNED BY public.alert_rules.rule_id;
CREATE TABLE public.alert_version_state (
    version_id bigint NOT NULL,
    taxonomy_version_id integer,
    matched_at timestamp with time zone DEFAULT now() NOT NULL,
    validity text
);
CREATE TABLE public.attachments (
    attachment_id bigint NOT NULL,
    document_id bigint,
    page_url text NOT NULL,
    url text NOT NULL,
    filename text,
    ext text,
    size_bytes bigint,
    sha256 text,
    storage_key text,
    raw_fetch_id bigint,
    text text,
    status text DEFAULT 'linked'::text NOT NULL,
    CONSTRAINT attachments_status_check CHECK ((status = ANY (ARRAY['linked'::text, 'stored'::text, 'too_large'::text, 'failed'::text, 'extracted'::text, 'unsupported'::text])))
);
CREATE SEQUENCE public.attachments_attachment_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE public.attachments_attachment_id_seq OWNED BY public.attachments.attachment_id;
CREATE TABLE public.categories (
    taxonomy_version_id integer NOT NULL,
    code text NOT NULL,
    name_zh text NOT NULL,
    name_en text,
    views jsonb DEFAULT '{}'::jsonb NOT NULL
);
CREATE TABLE public.category_terms (
    taxonomy_version_id integer NOT NULL,
    code text NOT NULL,
    term text NOT NULL,
    role text DEFAULT 'alias'::text NOT NULL,
    weight real DEFAULT 1.0 NOT NULL,
    CONSTRAINT category_terms_role_check CHECK ((role = ANY (ARRAY['name'::text, 'alias'::text, 'exclusion'::text, 'context'::text])))
);
CREATE TABLE public.chat_deliveries (
    digest_id bigint NOT NULL,
    channel text NOT NULL,
    kind text NOT NULL,
    messages jsonb NOT NULL,
    parts_sent integer DEFAULT 0 NOT NULL,
    status text DEFAULT 'pending'::text NOT NULL,
    attempts integer DEFAULT 0 NOT NULL,
    next_attempt_at timestamp with time zone DEFAULT now() NOT NULL,
    claim_token text,
    claimed_at timestamp with time zone,
    posting_at timestamp with time zone,
    last_error text,
    sent_at timestamp with time zone,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT chat_deliveries_kind_check CHECK ((kind = ANY (ARRAY['wecom'::text, 'dingtalk'::text, 'feishu'::text]))),
    CONSTRAINT chat_deliveries_status_check CHECK ((status = ANY (ARRAY['pending'::text, 'sending'::text, 'sent'::text, 'failed'::text, 'in_doubt'::text])))
);
CREATE TABLE public.chat_posts (
    channel text NOT NULL,
    posted_at timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE public.classification_runs (
    version_id bigint NOT NULL,
    taxonomy_version_id integer NOT NULL,
    classified_at timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE public.classifications (
    version_id bigint NOT NULL,
    code text NOT NULL,
    taxonomy_version_id integer NOT NULL,
    score real NOT NULL,
    evidence jsonb DEFAULT '[]'::jsonb NOT NULL,
    classified_at timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE public.crawl_runs (
    crawl_run_id bigint NOT NULL,
    source_id text NOT NULL,
    run_key text NOT NULL,
    started_at timestamp with time zone DEFAULT now() NOT NULL,
    finished_at timestamp with time zone,
    status text DEFAULT 'running'::text NOT NULL,
    listed integer DEFAULT 0 NOT NULL,
    new integer DEFAULT 0 NOT NULL,
    changed integer DEFAULT 0 NOT NULL,
    unchanged integer DEFAULT 0 NOT NULL,
    failed integer DEFAULT 0 NOT NULL,
    blocked integer DEFAULT 0 NOT NULL,
    requests integer DEFAULT 0 NOT NULL,
    duration_ms integer,
    error text,
    details jsonb DEFAULT '{}'::jsonb NOT NULL,
    owner_pid integer,
    owner_host text,
    CONSTRAINT crawl_runs_status_check CHECK ((status = ANY (ARRAY['running'::text, 'succeeded'::text, 'failed'::text, 'unreachable'::text, 'partial'::text, 'abandoned'::text])))
);
CREATE SEQUENCE public.crawl_runs_crawl_run_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE public.crawl_runs_crawl_run_id_seq OWNED BY public.crawl_runs.crawl_run_id;
CREATE TABLE public.deliveries (
    digest_id bigint NOT NULL,
    channel text DEFAULT 'smtp'::text NOT NULL,
    status text DEFAULT 'pending'::text NOT NULL,
    attempts integer DEFAULT 0 NOT NULL,
    next_attempt_at timestamp with time zone DEFAULT now() NOT NULL,
    last_error text,
    sent_at timestamp with time zone,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    claim_token text,
    claimed_at timestamp with time zone,
    smtp_data_at timestamp with time zone,
    recipient text,
    CONSTRAINT deliveries_channel_check CHECK ((channel = ANY (ARRAY['smtp'::text, 'file'::text]))),
    CONSTRAINT deliveries_status_check CHECK ((status = ANY (ARRAY['pending'::text, 'sending'::text, 'sent'::text, 'failed'::text, 'in_doubt'::text])))
);
CREATE TABLE public.digests (
    digest_id bigint NOT NULL,
    subscriber_id bigint NOT NULL,
    period_start timestamp with time zone NOT NULL,
    period_end timestamp with time zone NOT NULL,
    message_id text NOT NULL,
    subject text NOT NULL,
    body_text text NOT NULL,
    body_html text NOT NULL,
    mime bytea,
    event_ids bigint[] DEFAULT '{}'::bigint[] NOT NULL,
    built_at timestamp with time zone DEFAULT now() NOT NULL
);
CREATE SEQUENCE public.digests_digest_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE public.digests_digest_id_seq OWNED BY public.digests.digest_id;
CREATE TABLE public.document_urls (
    url text NOT NULL,
    document_id bigint NOT NULL
);
CREATE TABLE public.document_versions (
    version_id bigint NOT NULL,
    document_id bigint NOT NULL,
    version_no integer NOT NULL,
    raw_fetch_id bigint,
    title text DEFAULT ''::text NOT NULL,
    subtitle text,
    text text DEFAULT ''::text NOT NULL,
    published_at timestamp with time zone,
    author text,
    origin text,
    editor text,
    lang text DEFAULT 'zh-Hans'::text NOT NULL,
    content_hash text NOT NULL,
    parser text NOT NULL,
    is_empty boolean DEFAULT false NOT NULL,
    replaces_version_id bigint,
    change_summary jsonb,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    search_text text,
    search_keys integer[],
    search_sig bit(4096),
    CONSTRAINT document_versions_lang_check CHECK ((lang = ANY (ARRAY['zh-Hans'::text, 'zh-Hant'::text, 'und'::text])))
);
ALTER TABLE ONLY public.document_versions ALTER COLUMN search_text SET STORAGE EXTERNAL;
ALTER TABLE ONLY public.document_versions ALTER COLUMN search_keys SET STATISTICS 0;
ALTER TABLE ONLY public.document_versions ALTER COLUMN search_keys SET STORAGE EXTERNAL;
ALTER TABLE ONLY public.document_versions ALTER COLUMN search_sig SET STORAGE PLAIN;
COMMENT ON COLUMN public.document_versions.search_text IS 'fw_search_text(title, text), computed once per version (by the writer or the trigger): what search matches against.';
COMMENT ON COLUMN public.document_versions.search_keys IS 'fw_document_keys(search_text), stored once per version (by the writer or the trigger): the keys of the search index, with the absence keys of fw_common_keys() (0400).';
COMMENT ON COLUMN public.document_versions.search_sig IS 'fw_key_signature(search_keys), stored once per version: a Bloom filter of the keys that lets the walk skip texts without reading them (0410); null: read the text.';
CREATE SEQUENCE public.document_versions_version_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE public.document_versions_version_id_seq OWNED BY public.document_versions.version_id;
CREATE SEQUENCE public.documents_document_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE public.documents_document_id_seq OWNED BY public.documents.document_id;
CREATE TABLE public.entities (
    entity_id bigint NOT NULL,
    type text NOT NULL,
    canonical text NOT NULL,
    first_seen_on date,
    CONSTRAINT entities_type_check CHECK ((type = ANY (ARRAY['org'::text, 'place'::text, 'policy_title'::text, 'doc_number'::text, 'money'::text, 'target_year'::text])))
);
CREATE SEQUENCE public.entities_entity_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE public.entities_entity_id_seq OWNED BY public.entities.entity_id;
CREATE TABLE public.entity_aliases (
    entity_id bigint NOT NULL,
    alias text NOT NULL
);
CREATE TABLE public.entity_extractions (
    version_id bigint NOT NULL,
    extractor text NOT NULL,
    extracted_at timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE public.entity_mentions (
    version_id bigint NOT NULL,
    entity_id bigint NOT NULL,
    start_offset integer NOT NULL,
    end_offset integer NOT NULL,
    surface text NOT NULL,
    field text DEFAULT 'text'::text NOT NULL,
    CONSTRAINT entity_mentions_field_check CHECK ((field = ANY (ARRAY['title'::text, 'text'::text])))
);
CREATE TABLE public.policy_issuers (
    version_id bigint NOT NULL,
    "position" smallint NOT NULL,
    name text NOT NULL,
    level text,
    region text,
    CONSTRAINT policy_issuers_level_check CHECK ((level = ANY (ARRAY['national'::text, 'provincial'::text, 'city'::text, 'district'::text])))
);
CREATE TABLE public.policy_measures (
    version_id bigint NOT NULL,
    "position" smallint NOT NULL,
    kind text NOT NULL,
    amount_yuan numeric,
    target_year integer,
    due_on date,
    text text NOT NULL,
    CONSTRAINT policy_measures_kind_check CHECK ((kind = ANY (ARRAY['funding'::text, 'target'::text, 'deadline'::text])))
);
CREATE TABLE public.policy_metadata (
    version_id bigint NOT NULL,
    index_no text,
    issuers text[] DEFAULT '{}'::text[] NOT NULL,
    doc_number text,
    written_at date,
    published_on date,
    effective_on date,
    subject text,
    validity text,
    interprets_document_id bigint,
    interprets_url text,
    expires_on date,
    region text,
    CONSTRAINT policy_metadata_validity_check CHECK ((validity = ANY (ARRAY['not_yet_in_force'::text, 'in_force'::text, 'amended'::text, 'abolished'::text, 'expired'::text])))
);
CREATE TABLE public.policy_names (
    name_key text NOT NULL,
    document_id bigint NOT NULL
);
CREATE TABLE public.raw_fetches (
    raw_fetch_id bigint NOT NULL,
    source_id text NOT NULL,
    crawl_run_id bigint,
    url text NOT NULL,
    final_url text NOT NULL,
    status integer NOT NULL,
    headers jsonb DEFAULT '{}'::jsonb NOT NULL,
    fetched_at timestamp with time zone NOT NULL,
    sha256 text NOT NULL,
    size_bytes bigint NOT NULL,
    storage_key text NOT NULL,
    content_type text,
    kind text DEFAULT 'page'::text NOT NULL,
    blocked_reason text,
    hints jsonb DEFAULT '{}'::jsonb NOT NULL,
    parent_url text,
    processed_at timestamp with time zone,
    process_error text,
    not_article text,
    parse_drift text[] DEFAULT '{}'::text[] NOT NULL,
    follows_raw_fetch_id bigint,
    CONSTRAINT raw_fetches_kind_check CHECK ((kind = ANY (ARRAY['page'::text, 'attachment'::text, 'listing'::text])))
);
CREATE SEQUENCE public.raw_fetches_raw_fetch_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE public.raw_fetches_raw_fetch_id_seq OWNED BY public.raw_fetches.raw_fetch_id;
CREATE TABLE public.seen_urls (
    url text NOT NULL,
    source_id text NOT NULL,
    first_seen_at timestamp with time zone DEFAULT now() NOT NULL,
    last_seen_at timestamp with time zone DEFAULT now() NOT NULL,
    last_fetched_at timestamp with time zone,
    etag text,
    last_modified text,
    last_sha256 text,
    last_status integer,
    hints jsonb DEFAULT '{}'::jsonb NOT NULL
);
CREATE TABLE public.sources (
    source_id text NOT NULL,
    name text NOT NULL,
    kind text NOT NULL,
    enabled boolean DEFAULT true NOT NULL,
    config jsonb DEFAULT '{}'::jsonb NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT sources_kind_check CHECK ((kind = ANY (ARRAY['news'::text, 'policy'::text])))
);
CREATE TABLE public.stage_run_tallies (
    run_key text NOT NULL,
    stage text NOT NULL,
    items bigint DEFAULT 0 NOT NULL,
    first_version_id bigint,
    last_version_id bigint,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT stage_run_tallies_stage_check CHECK ((stage = ANY (ARRAY['parse'::text, 'classify'::text])))
);
COMMENT ON TABLE public.stage_run_tallies IS 'Work of one Airflow run (run_key as in crawl_runs) of a batched stage over all its attempts: parse counts new document versions, classify the versions it classified; the version-id range they span.';
CREATE TABLE public.stories (
    story_id bigint NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    signature bytea
);
CREATE SEQUENCE public.stories_story_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE public.stories_story_id_seq OWNED BY public.stories.story_id;
CREATE TABLE public.subscribers (
    subscriber_id bigint NOT NULL,
    email text,
    name text,
    cadence text DEFAULT 'daily'::text NOT NULL,
    timezone text DEFAULT 'Asia/Shanghai'::text NOT NULL,
    language text DEFAULT 'zh'::text NOT NULL,
    active boolean DEFAULT true NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    last_error text,
    last_error_at timestamp with time zone,
    webhooks jsonb DEFAULT '[]'::jsonb NOT NULL,
    options jsonb DEFAULT '{}'::jsonb NOT NULL,
    digested_through timestamp with time zone,
    CONSTRAINT subscribers_cadence_check CHECK ((cadence = ANY (ARRAY['immediate'::text, 'daily'::text, 'weekly'::text]))),
    CONSTRAINT subscribers_identity_check CHECK (((email IS NOT NULL) OR (name IS NOT NULL)))
);
COMMENT ON COLUMN public.subscribers.digested_through IS 'End of the digest period the latest run finished for this subscriber (built, or found empty); a later run due that same period skips it (alerts/digest.py). Events of a skipped period go into the next digest.';
CREATE SEQUENCE public.subscribers_subscriber_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE public.subscribers_subscriber_id_seq OWNED BY public.subscribers.subscriber_id;
CREATE TABLE public.taxonomy_versions (
    taxonomy_version_id integer NOT NULL,
    version text NOT NULL,
    checksum text NOT NULL,
    loaded_at timestamp with time zone DEFAULT now() NOT NULL,
    data jsonb NOT NULL
);
CREATE SEQUENCE public.taxonomy_versions_taxonomy_version_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE public.taxonomy_versions_taxonomy_version_id_seq OWNED BY public.taxonomy_versions.taxonomy_version_id;
CREATE TABLE public.term_candidates (
    term text NOT NULL,
    doc_count integer DEFAULT 0 NOT NULL,
    occurrences integer DEFAULT 0 NOT NULL,
    first_seen_on date NOT NULL,
    last_seen_on date NOT NULL,
    status text DEFAULT 'new'::text NOT NULL,
    score real DEFAULT 0 NOT NULL,
    example text,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT term_candidates_status_check CHECK ((status = ANY (ARRAY['new'::text, 'accepted'::text, 'rejected'::text])))
);
CREATE VIEW public.v_categories AS
 SELECT cat.code,
    cat.name_zh,
    cat.name_en,
    cat.views,
    tv.version AS taxonomy_version,
    cat.taxonomy_version_id
   FROM (public.categories cat
     JOIN public.taxonomy_versions tv ON ((tv.taxonomy_version_id = cat.taxonomy_version_id)))
  WHERE (cat.taxonomy_version_id = ( SELECT max(taxonomy_versions.taxonomy_version_id) AS max
           FROM public.taxonomy_versions));
COMMENT ON VIEW public.v_categories IS 'Categories of the newest taxonomy version.';
COMMENT ON COLUMN public.v_categories.code IS 'Category code.';
COMMENT ON COLUMN public.v_categories.name_zh IS 'Chinese name.';
COMMENT ON COLUMN public.v_categories.name_en IS 'English name.';
COMMENT ON COLUMN public.v_categories.views IS 'Placement of the category in each official framework (JSON object).';
COMMENT ON COLUMN public.v_categories.taxonomy_version IS 'Taxonomy version label.';
COMMENT ON COLUMN public.v_categories.taxonomy_version_id IS 'Taxonomy version id.';
CREATE VIEW public.v_current_classifications AS
 SELECT c.version_id,
    dv.document_id,
    c.code,
    c.score,
    c.evidence,
    c.taxonomy_version_id,
    c.classified_at
   FROM ((public.classifications c
     JOIN ( SELECT classification_runs.version_id,
            max(classification_runs.taxonomy_version_id) AS taxonomy_version_id
           FROM public.classification_runs
          GROUP BY classification_runs.version_id) r ON (((r.version_id = c.version_id) AND (r.taxonomy_version_id = c.taxonomy_version_id))))
     JOIN public.document_versions dv ON ((dv.version_id = c.version_id)));
COMMENT ON VIEW public.v_current_classifications IS 'The labels of every document version from the newest taxonomy version that classified it. classified_at is timestamptz (stored in UTC, shown in the session TimeZone).';
COMMENT ON COLUMN public.v_current_classifications.classified_at IS 'When the label was computed (timestamptz, UTC).';
CREATE VIEW public.v_document_categories AS
 SELECT d.document_id,
    c.version_id,
    d.source_id,
    v.published_at,
    ((v.published_at AT TIME ZONE 'Asia/Shanghai'::text))::date AS published_on,
    c.code,
    cat.name_zh,
    cat.name_en,
    cat.views,
    c.score,
    c.evidence,
    tv.version AS taxonomy_version,
    c.taxonomy_version_id,
    c.classified_at
   FROM (((((public.documents d
     JOIN public.document_versions v ON ((v.version_id = d.current_version_id)))
     JOIN ( SELECT classification_runs.version_id,
            max(classification_runs.taxonomy_version_id) AS taxonomy_version_id
           FROM public.classification_runs
          GROUP BY classification_runs.version_id) r ON ((r.version_id = v.version_id)))
     JOIN public.classifications c ON (((c.version_id = r.version_id) AND (c.taxonomy_version_id = r.taxonomy_version_id))))
     JOIN public.categories cat ON (((cat.taxonomy_version_id = c.taxonomy_version_id) AND (cat.code = c.code))))
     JOIN public.taxonomy_versions tv ON ((tv.taxonomy_version_id = c.taxonomy_version_id)));
COMMENT ON VIEW public.v_document_categories IS 'Taxonomy categories of current document versions, from the newest taxonomy version that classified each version. Times (*_at) are timestamptz, stored in UTC and shown in the session TimeZone; dates (*_on) are days in China (Asia/Shanghai).';
COMMENT ON COLUMN public.v_document_categories.document_id IS 'Document id.';
COMMENT ON COLUMN public.v_document_categories.version_id IS 'Classified (current) version id.';
COMMENT ON COLUMN public.v_document_categories.source_id IS 'Source of the document.';
COMMENT ON COLUMN public.v_document_categories.published_at IS 'Publication time of the document (timestamptz, UTC).';
COMMENT ON COLUMN public.v_document_categories.published_on IS 'Publication date in China (Asia/Shanghai).';
COMMENT ON COLUMN public.v_document_categories.code IS 'Category code in the taxonomy.';
COMMENT ON COLUMN public.v_document_categories.name_zh IS 'Category name in Chinese.';
COMMENT ON COLUMN public.v_document_categories.name_en IS 'Category name in English.';
COMMENT ON COLUMN public.v_document_categories.views IS 'Where the category sits in each official framework, e.g. {"guangdong": "future_electronic_info"}.';
COMMENT ON COLUMN public.v_document_categories.score IS 'Classifier score (higher = stronger evidence).';
COMMENT ON COLUMN public.v_document_categories.evidence IS 'Matched terms: [{term, field, start, end}].';
COMMENT ON COLUMN public.v_document_categories.taxonomy_version IS 'Taxonomy version label.';
COMMENT ON COLUMN public.v_document_categories.taxonomy_version_id IS 'Taxonomy version id.';
COMMENT ON COLUMN public.v_document_categories.classified_at IS 'When the label was computed (timestamptz, UTC).';
CREATE VIEW public.v_documents AS
 SELECT d.document_id,
    v.version_id,
    v.version_no,
    d.source_id,
    s.name AS source_name,
    d.kind,
    d.canonical_url AS url,
    v.title,
    v.text,
    v.published_at,
    ((v.published_at AT TIME ZONE 'Asia/Shanghai'::text))::date AS published_on,
    v.lang,
    d.story_id,
    d.first_seen_at,
    v.search_text,
    v.search_keys
   FROM ((public.documents d
     JOIN public.document_versions v ON ((v.version_id = d.current_version_id)))
     JOIN public.sources s ON ((s.source_id = d.source_id)));
COMMENT ON VIEW public.v_documents IS 'The current version of every document, with its source: the main table for analysts. Times (*_at) are timestamptz, stored in UTC and shown in the session TimeZone; dates (*_on) are days in China (Asia/Shanghai).';
COMMENT ON COLUMN public.v_documents.document_id IS 'Stable document id (survives URL changes and new versions).';
COMMENT ON COLUMN public.v_documents.version_id IS 'Id of the current version of the document.';
COMMENT ON COLUMN public.v_documents.version_no IS 'Version number of the current version (1 = first seen).';
COMMENT ON COLUMN public.v_documents.source_id IS 'Source the document was fetched from.';
COMMENT ON COLUMN public.v_documents.source_name IS 'Name of that source.';
COMMENT ON COLUMN public.v_documents.kind IS 'news, policy or interpretation (解读).';
COMMENT ON COLUMN public.v_documents.url IS 'Canonical URL of the document.';
COMMENT ON COLUMN public.v_documents.title IS 'Title as published.';
COMMENT ON COLUMN public.v_documents.text IS 'Main text as published (original characters).';
COMMENT ON COLUMN public.v_documents.published_at IS 'Publication time as stated by the page, if known (timestamptz: stored in UTC, shown in the session TimeZone).';
COMMENT ON COLUMN public.v_documents.published_on IS 'Publication date in China (Asia/Shanghai).';
COMMENT ON COLUMN public.v_documents.lang IS 'zh-Hans, zh-Hant or und.';
COMMENT ON COLUMN public.v_documents.story_id IS 'Story (cluster of reprints/duplicates) the document belongs to.';
COMMENT ON COLUMN public.v_documents.first_seen_at IS 'When futurewatch first saw the document (timestamptz, UTC).';
COMMENT ON COLUMN public.v_documents.search_text IS 'Normalised title and text (NFKC, Simplified, lower case); use with fw_contains()/fw_lacks().';
COMMENT ON COLUMN public.v_documents.search_keys IS 'The search index keys of search_text; the first argument of fw_contains(search_keys, search_text, term).';
CREATE VIEW public.v_entities AS
 SELECT entity_id,
    type,
    canonical,
    first_seen_on,
    COALESCE(( SELECT array_agg(a.alias ORDER BY a.alias) AS array_agg
           FROM public.entity_aliases a
          WHERE (a.entity_id = e.entity_id)), '{}'::text[]) AS aliases
   FROM public.entities e;
COMMENT ON VIEW public.v_entities IS 'Named entities (organisations, places, policy titles, document numbers, amounts, target years). first_seen_on is a day in China (Asia/Shanghai).';
COMMENT ON COLUMN public.v_entities.entity_id IS 'Entity id.';
COMMENT ON COLUMN public.v_entities.type IS 'org, place, policy_title, doc_number, money or target_year.';
COMMENT ON COLUMN public.v_entities.canonical IS 'Canonical form of the entity.';
COMMENT ON COLUMN public.v_entities.first_seen_on IS 'Day in China (Asia/Shanghai) the entity was first seen.';
COMMENT ON COLUMN public.v_entities.aliases IS 'Other spellings that map to this entity.';
CREATE VIEW public.v_entity_mentions AS
 SELECT e.entity_id,
    e.type,
    e.canonical,
    e.first_seen_on,
    m.surface,
    m.field,
    m.start_offset,
    m.end_offset,
    d.document_id,
    m.version_id,
    d.source_id,
    v.published_at,
    ((v.published_at AT TIME ZONE 'Asia/Shanghai'::text))::date AS published_on
   FROM (((public.entity_mentions m
     JOIN public.entities e ON ((e.entity_id = m.entity_id)))
     JOIN public.document_versions v ON ((v.version_id = m.version_id)))
     JOIN public.documents d ON ((d.current_version_id = v.version_id)));
COMMENT ON VIEW public.v_entity_mentions IS 'Mentions of entities in current document versions. published_at is timestamptz (stored in UTC, shown in the session TimeZone); dates (*_on) are days in China (Asia/Shanghai).';
COMMENT ON COLUMN public.v_entity_mentions.entity_id IS 'Entity id.';
COMMENT ON COLUMN public.v_entity_mentions.type IS 'Entity type.';
COMMENT ON COLUMN public.v_entity_mentions.canonical IS 'Canonical form of the entity.';
COMMENT ON COLUMN public.v_entity_mentions.first_seen_on IS 'Day in China (Asia/Shanghai) the entity was first seen in the archive.';
COMMENT ON COLUMN public.v_entity_mentions.surface IS 'Text as it appears in the document.';
COMMENT ON COLUMN public.v_entity_mentions.field IS 'title or text.';
COMMENT ON COLUMN public.v_entity_mentions.start_offset IS 'Start offset (characters) within the field.';
COMMENT ON COLUMN public.v_entity_mentions.end_offset IS 'End offset (characters) within the field.';
COMMENT ON COLUMN public.v_entity_mentions.document_id IS 'Document id.';
COMMENT ON COLUMN public.v_entity_mentions.version_id IS 'Version id (a current version).';
COMMENT ON COLUMN public.v_entity_mentions.source_id IS 'Source of the document.';
COMMENT ON COLUMN public.v_entity_mentions.published_at IS 'Publication time of the document (timestamptz, UTC).';
COMMENT ON COLUMN public.v_entity_mentions.published_on IS 'Publication date in China (Asia/Shanghai).';
CREATE VIEW public.v_entity_mentions_daily AS
 SELECT e.entity_id,
    e.type,
    e.canonical,
    COALESCE(((v.published_at AT TIME ZONE 'Asia/Shanghai'::text))::date, ((d.first_seen_at AT TIME ZONE 'Asia/Shanghai'::text))::date) AS day,
    count(*) AS mentions,
    count(DISTINCT d.document_id) AS documents
   FROM (((public.entity_mentions m
     JOIN public.entities e ON ((e.entity_id = m.entity_id)))
     JOIN public.documents d ON ((d.current_version_id = m.version_id)))
     JOIN public.document_versions v ON ((v.version_id = m.version_id)))
  GROUP BY e.entity_id, e.type, e.canonical, COALESCE(((v.published_at AT TIME ZONE 'Asia/Shanghai'::text))::date, ((d.first_seen_at AT TIME ZONE 'Asia/Shanghai'::text))::date);
COMMENT ON VIEW public.v_entity_mentions_daily IS 'Mentions of entities in current document versions per entity and day; day is the publication day in China (Asia/Shanghai), else the day the document was first seen there.';
COMMENT ON COLUMN public.v_entity_mentions_daily.entity_id IS 'Entity id.';
COMMENT ON COLUMN public.v_entity_mentions_daily.type IS 'Entity type.';
COMMENT ON COLUMN public.v_entity_mentions_daily.canonical IS 'Canonical form of the entity.';
COMMENT ON COLUMN public.v_entity_mentions_daily.day IS 'Publication day in China (Asia/Shanghai), else the day (in China) futurewatch first saw the document.';
COMMENT ON COLUMN public.v_entity_mentions_daily.mentions IS 'Mentions in the current versions of documents of that day.';
COMMENT ON COLUMN public.v_entity_mentions_daily.documents IS 'Documents (one per document, at its current version) that mention the entity.';
CREATE VIEW public.v_policy_documents AS
 SELECT d.document_id,
    v.version_id,
    d.source_id,
    d.kind,
    d.canonical_url AS url,
    v.title,
    v.published_at,
    pm.index_no,
    pm.issuers,
    pm.doc_number,
    pm.written_at,
    pm.published_on,
    pm.effective_on,
    pm.subject,
    public.policy_validity(d.document_id, pm.validity, pm.effective_on, pm.expires_on, public.fw_today()) AS validity,
    pm.interprets_document_id,
    pm.expires_on,
    pm.region,
    ( SELECT i.level
           FROM public.policy_issuers i
          WHERE (i.version_id = v.version_id)
          ORDER BY i."position"
         LIMIT 1) AS issuer_level
   FROM ((public.documents d
     JOIN public.document_versions v ON ((v.version_id = d.current_version_id)))
     JOIN public.policy_metadata pm ON ((pm.version_id = v.version_id)));
COMMENT ON VIEW public.v_policy_documents IS 'Current versions of policy documents with their metadata (索引号, 发文机关, 发文字号, dates, 有效性). published_at is timestamptz (stored in UTC, shown in the session TimeZone); the *_on dates are days in China as printed on the document.';
COMMENT ON COLUMN public.v_policy_documents.document_id IS 'Document id.';
COMMENT ON COLUMN public.v_policy_documents.version_id IS 'Current version id.';
COMMENT ON COLUMN public.v_policy_documents.source_id IS 'Source.';
COMMENT ON COLUMN public.v_policy_documents.kind IS 'policy or interpretation.';
COMMENT ON COLUMN public.v_policy_documents.url IS 'Canonical URL.';
COMMENT ON COLUMN public.v_policy_documents.title IS 'Title.';
COMMENT ON COLUMN public.v_policy_documents.published_at IS 'Publication time shown on the page (timestamptz, UTC).';
COMMENT ON COLUMN public.v_policy_documents.index_no IS '索引号 (index number).';
COMMENT ON COLUMN public.v_policy_documents.issuers IS '发文机关: issuing bodies, a list for joint documents.';
COMMENT ON COLUMN public.v_policy_documents.doc_number IS '发文字号, e.g. 粤工信电子〔2024〕2号.';
COMMENT ON COLUMN public.v_policy_documents.written_at IS '成文日期 (date written).';
COMMENT ON COLUMN public.v_policy_documents.published_on IS '发布日期 (date published).';
COMMENT ON COLUMN public.v_policy_documents.effective_on IS '施行日期 (date in force).';
COMMENT ON COLUMN public.v_policy_documents.subject IS '主题分类 (subject class).';
COMMENT ON COLUMN public.v_policy_documents.validity IS '有效性 today in China (Asia/Shanghai), whatever the session TimeZone: not_yet_in_force (before effective_on, or 尚未生效 at the source), in_force, amended, abolished or expired (from the source''s field, the 施行日期 and 有效期, and later documents that amend, abolish or supersede it); NULL for a 解读 whose page gives none.';
COMMENT ON COLUMN public.v_policy_documents.interprets_document_id IS 'For a 解读: the policy document it explains.';
COMMENT ON COLUMN public.v_policy_documents.expires_on IS 'End of the 有效期 (validity period) stated in the text.';
COMMENT ON COLUMN public.v_policy_documents.region IS 'Region of the lead issuer: a province (广东省), a city (广州市) or national.';
COMMENT ON COLUMN public.v_policy_documents.issuer_level IS 'Level of the lead issuer: national, provincial, city or district.';
CREATE VIEW public.v_policy_issuers AS
 SELECT d.document_id,
    i."position",
    i.name AS issuer,
    i.level,
    i.region
   FROM (public.policy_issuers i
     JOIN public.documents d ON ((d.current_version_id = i.version_id)));
COMMENT ON VIEW public.v_policy_issuers IS 'Issuers of current policy versions, one row each, with level and region.';
COMMENT ON COLUMN public.v_policy_issuers.document_id IS 'Document id.';
COMMENT ON COLUMN public.v_policy_issuers."position" IS '1 = lead issuer.';
COMMENT ON COLUMN public.v_policy_issuers.issuer IS 'Full name of the issuing body.';
COMMENT ON COLUMN public.v_policy_issuers.level IS 'national, provincial, city or district.';
COMMENT ON COLUMN public.v_policy_issuers.region IS 'Region of the body (广东省, 广州市, national).';
CREATE VIEW public.v_policy_links AS
 SELECT d.document_id AS from_document_id,
    r.to_document_id,
    r.relation,
    r.evidence,
    r.target_title,
    r.target_doc_number
   FROM (public.policy_references r
     JOIN public.documents d ON ((d.current_version_id = r.version_id)))
  WHERE (r.relation <> 'interpreted_by'::text)
UNION ALL
 SELECT r.to_document_id AS from_document_id,
    d.document_id AS to_document_id,
    'interprets'::text AS relation,
    r.evidence,
    v.title AS target_title,
    pm.doc_number AS target_doc_number
   FROM (((public.policy_references r
     JOIN public.documents d ON ((d.current_version_id = r.version_id)))
     JOIN public.document_versions v ON ((v.version_id = d.current_version_id)))
     LEFT JOIN public.policy_metadata pm ON ((pm.version_id = v.version_id)))
  WHERE ((r.relation = 'interpreted_by'::text) AND (r.to_document_id IS NOT NULL) AND (NOT (EXISTS ( SELECT 1
           FROM (public.documents i
             JOIN public.policy_metadata ipm ON ((ipm.version_id = i.current_version_id)))
          WHERE ((i.document_id = r.to_document_id) AND (ipm.interprets_document_id = d.document_id))))))
UNION ALL
 SELECT d.document_id AS from_document_id,
    pm.interprets_document_id AS to_document_id,
    'interprets'::text AS relation,
    COALESCE(pm.interprets_url, ''::text) AS evidence,
    t.title AS target_title,
    tpm.doc_number AS target_doc_number
   FROM ((((public.documents d
     JOIN public.policy_metadata pm ON ((pm.version_id = d.current_version_id)))
     JOIN public.documents td ON ((td.document_id = pm.interprets_document_id)))
     JOIN public.document_versions t ON ((t.version_id = td.current_version_id)))
     LEFT JOIN public.policy_metadata tpm ON ((tpm.version_id = t.version_id)))
  WHERE ((pm.interprets_document_id IS NOT NULL) AND (NOT (EXISTS ( SELECT 1
           FROM public.policy_references r
          WHERE ((r.version_id = d.current_version_id) AND (r.relation = 'interprets'::text) AND (r.to_document_id = pm.interprets_document_id))))));
COMMENT ON VIEW public.v_policy_links IS 'Links between policy documents: implements, cites, interprets, amends, abolishes, supersedes.';
COMMENT ON COLUMN public.v_policy_links.from_document_id IS 'The document that makes the reference (for interprets: the 解读).';
COMMENT ON COLUMN public.v_policy_links.to_document_id IS 'The document referred to; NULL while it is not archived yet.';
COMMENT ON COLUMN public.v_policy_links.relation IS 'implements, cites, interprets, amends, abolishes or supersedes.';
COMMENT ON COLUMN public.v_policy_links.evidence IS 'The sentence (or link) the reference was read from.';
COMMENT ON COLUMN public.v_policy_links.target_title IS 'Title of the document referred to, as written (without 《》).';
COMMENT ON COLUMN public.v_policy_links.target_doc_number IS '文号 of the document referred to, when written.';
CREATE VIEW public.v_policy_measures AS
 SELECT d.document_id,
    m.kind,
    m.amount_yuan,
    m.target_year,
    m.due_on,
    m.text,
    m."position",
    m.version_id
   FROM (public.policy_measures m
     JOIN public.documents d ON ((d.current_version_id = m.version_id)));
COMMENT ON VIEW public.v_policy_measures IS 'Measures a policy sets: funding (amount_yuan), targets (target_year) and deadlines (due_on).';
COMMENT ON COLUMN public.v_policy_measures.document_id IS 'Document id.';
COMMENT ON COLUMN public.v_policy_measures.kind IS 'funding, target or deadline.';
COMMENT ON COLUMN public.v_policy_measures.amount_yuan IS 'Amount in yuan (funding: the upper bound; target: a money target).';
COMMENT ON COLUMN public.v_policy_measures.target_year IS 'Year of a target (到2027年 …).';
COMMENT ON COLUMN public.v_policy_measures.due_on IS 'Date of a deadline (申报截止, 有效期至).';
COMMENT ON COLUMN public.v_policy_measures.text IS 'The sentence the measure was read from.';
COMMENT ON COLUMN public.v_policy_measures."position" IS 'Order of the measure in the text.';
COMMENT ON COLUMN public.v_policy_measures.version_id IS 'Current version id.';
CREATE VIEW public.v_sources AS
 SELECT source_id,
    name,
    kind,
    enabled
   FROM public.sources s;
COMMENT ON VIEW public.v_sources IS 'Sources futurewatch crawls, one row per source_id.';
COMMENT ON COLUMN public.v_sources.source_id IS 'Short source id (c114, nanfang, gd_gov, govcn, miit, chinanews, takungpao, …).';
COMMENT ON COLUMN public.v_sources.name IS 'Human-readable source name.';
COMMENT ON COLUMN public.v_sources.kind IS 'news or policy.';
COMMENT ON COLUMN public.v_sources.enabled IS 'Whether the source is crawled.';
CREATE VIEW public.v_stories AS
 SELECT st.story_id,
    st.created_at,
    count(*) AS documents,
    array_agg(DISTINCT d.source_id ORDER BY d.source_id) AS sources,
    min(v.published_at) AS first_published_at,
    max(v.published_at) AS last_published_at,
    (array_agg(v.title ORDER BY v.published_at, d.document_id))[1] AS first_title
   FROM ((public.stories st
     JOIN public.documents d ON ((d.story_id = st.story_id)))
     JOIN public.document_versions v ON ((v.version_id = d.current_version_id)))
  GROUP BY st.story_id, st.created_at;
COMMENT ON VIEW public.v_stories IS 'Stories: one piece of news or one policy, however many sources carried it. Times (*_at) are timestamptz, stored in UTC and shown in the session TimeZone.';
COMMENT ON COLUMN public.v_stories.story_id IS 'Story id.';
COMMENT ON COLUMN public.v_stories.created_at IS 'When the story was created (timestamptz, UTC).';
COMMENT ON COLUMN public.v_stories.documents IS 'Number of documents in the story.';
COMMENT ON COLUMN public.v_stories.sources IS 'Sources that carried the story.';
COMMENT ON COLUMN public.v_stories.first_published_at IS 'Earliest publication time (timestamptz, UTC).';
COMMENT ON COLUMN public.v_stories.last_published_at IS 'Latest publication time (timestamptz, UTC).';
COMMENT ON COLUMN public.v_stories.first_title IS 'Title of the earliest document.';
ALTER TABLE ONLY public.alert_events ALTER COLUMN event_id SET DEFAULT nextval('public.alert_events_event_id_seq'::regclass);
ALTER TABLE ONLY public.alert_rules ALTER COLUMN rule_id SET DEFAULT nextval('public.alert_rules_rule_id_seq'::regclass);
ALTER TABLE ONLY public.attachments ALTER COLUMN attachment_id SET DEFAULT nextval('public.attachments_attachment_id_seq'::regclass);
ALTER TABLE ONLY public.crawl_runs ALTER COLUMN crawl_run_id SET DEFAULT nextval('public.crawl_runs_crawl_run_id_seq'::regclass);
ALTER TABLE ONLY public.digests ALTER COLUMN digest_id SET DEFAULT nextval('public.digests_digest_id_seq'::regclass);
ALTER TABLE ONLY public.document_versions ALTER COLUMN version_id SET DEFAULT nextval('public.document_versions_version_id_seq'::regclass);
ALTER TABLE ONLY public.documents ALTER COLUMN document_id SET DEFAULT nextval('public.documents_document_id_seq'::regclass);
ALTER TABLE ONLY public.entities ALTER COLUMN entity_id SET DEFAULT nextval('public.entities_entity_id_seq'::regclass);
ALTER TABLE ONLY public.raw_fetches ALTER COLUMN raw_fetch_id SET DEFAULT nextval('public.raw_fetches_raw_fetch_id_seq'::regclass);
ALTER TABLE ONLY public.stories ALTER COLUMN story_id SET DEFAULT nextval('public.stories_story_id_seq'::regclass);
ALTER TABLE ONLY public.subscribers ALTER COLUMN subscriber_id SET DEFAULT nextval('public.subscribers_subscriber_id_seq'::regclass);
ALTER TABLE ONLY public.taxonomy_versions ALTER COLUMN taxonomy_version_id SET DEFAULT nextval('public.taxonomy_versions_taxonomy_version_id_seq'::regclass);
ALTER TABLE ONLY public.alert_events
    ADD CONSTRAINT alert_events_pkey PRIMARY KEY (event_id);
ALTER TABLE ONLY public.alert_events
    ADD CONSTRAINT alert_events_rule_id_event_key_key UNIQUE (rule_id, event_key);
ALTER TABLE ONLY public.alert_first_seen_baseline
    ADD CONSTRAINT alert_first_seen_baseline_pkey PRIMARY KEY (rule_id, entity_id);
ALTER TABLE ONLY public.alert_rule_state
    ADD CONSTRAINT alert_rule_state_pkey PRIMARY KEY (rule_id);
ALTER TABLE ONLY public.alert_rules
    ADD CONSTRAINT alert_rules_pkey PRIMARY KEY (rule_id);
ALTER TABLE ONLY public.alert_rules
    ADD CONSTRAINT alert_rules_subscriber_id_name_key UNIQUE (subscriber_id, name);
ALTER TABLE ONLY public.alert_version_state
    ADD CONSTRAINT alert_version_state_pkey PRIMARY KEY (version_id);
ALTER TABLE ONLY public.attachments
    ADD CONSTRAINT attachments_page_url_url_key UNIQUE (page_url, url);
ALTER TABLE ONLY public.attachments
    ADD CONSTRAINT attachments_pkey PRIMARY KEY (attachment_id);
ALTER TABLE ONLY public.categories
    ADD CONSTRAINT categories_pkey PRIMARY KEY (taxonomy_version_id, code);
ALTER TABLE ONLY public.category_terms
    ADD CONSTRAINT category_terms_pkey PRIMARY KEY (taxonomy_version_id, code, term, role);
ALTER TABLE ONLY public.chat_deliveries
    ADD CONSTRAINT chat_deliveries_pkey PRIMARY KEY (digest_id, channel);
ALTER TABLE ONLY public.classification_runs
    ADD CONSTRAINT classification_runs_pkey PRIMARY KEY (version_id, taxonomy_version_id);
ALTER TABLE ONLY public.classifications
    ADD CONSTRAINT classifications_pkey PRIMARY KEY (version_id, code, taxonomy_version_id);
ALTER TABLE ONLY public.crawl_runs
    ADD CONSTRAINT crawl_runs_pkey PRIMARY KEY (crawl_run_id);
ALTER TABLE ONLY public.crawl_runs
    ADD CONSTRAINT crawl_runs_source_id_run_key_key UNIQUE (source_id, run_key);
ALTER TABLE ONLY public.deliveries
    ADD CONSTRAINT deliveries_pkey PRIMARY KEY (digest_id);
ALTER TABLE ONLY public.digests
    ADD CONSTRAINT digests_message_id_key UNIQUE (message_id);
ALTER TABLE ONLY public.digests
    ADD CONSTRAINT digests_pkey PRIMARY KEY (digest_id);
ALTER TABLE ONLY public.digests
    ADD CONSTRAINT digests_subscriber_id_period_start_period_end_key UNIQUE (subscriber_id, period_start, period_end);
ALTER TABLE ONLY public.document_urls
    ADD CONSTRAINT document_urls_pkey PRIMARY KEY (url);
ALTER TABLE ONLY public.document_versions
    ADD CONSTRAINT document_versions_content_after_key UNIQUE NULLS NOT DISTINCT (document_id, content_hash, replaces_version_id);
ALTER TABLE ONLY public.document_versions
    ADD CONSTRAINT document_versions_document_id_version_no_key UNIQUE (document_id, version_no);
ALTER TABLE ONLY public.document_versions
    ADD CONSTRAINT document_versions_pkey PRIMARY KEY (version_id);
ALTER TABLE ONLY public.documents
    ADD CONSTRAINT documents_doc_key_key UNIQUE (doc_key);
ALTER TABLE ONLY public.documents
    ADD CONSTRAINT documents_pkey PRIMARY KEY (document_id);
ALTER TABLE ONLY public.entities
    ADD CONSTRAINT entities_pkey PRIMARY KEY (entity_id);
ALTER TABLE ONLY public.entities
    ADD CONSTRAINT entities_type_canonical_key UNIQUE (type, canonical);
ALTER TABLE ONLY public.entity_aliases
    ADD CONSTRAINT entity_aliases_pkey PRIMARY KEY (entity_id, alias);
ALTER TABLE ONLY public.entity_extractions
    ADD CONSTRAINT entity_extractions_pkey PRIMARY KEY (version_id);
ALTER TABLE ONLY public.entity_mentions
    ADD CONSTRAINT entity_mentions_pkey PRIMARY KEY (version_id, entity_id, field, start_offset);
ALTER TABLE ONLY public.policy_issuers
    ADD CONSTRAINT policy_issuers_pkey PRIMARY KEY (version_id, "position");
ALTER TABLE ONLY public.policy_measures
    ADD CONSTRAINT policy_measures_pkey PRIMARY KEY (version_id, "position");
ALTER TABLE ONLY public.policy_metadata
    ADD CONSTRAINT policy_metadata_pkey PRIMARY KEY (version_id);
ALTER TABLE ONLY public.policy_names
    ADD CONSTRAINT policy_names_pkey PRIMARY KEY (name_key, document_id);
ALTER TABLE ONLY public.policy_references
    ADD CONSTRAINT policy_references_pkey PRIMARY KEY (version_id, target_key);
ALTER TABLE ONLY public.raw_fetches
    ADD CONSTRAINT raw_fetches_pkey PRIMARY KEY (raw_fetch_id);
ALTER TABLE ONLY public.raw_fetches
    ADD CONSTRAINT raw_fetches_url_sha256_follows_key UNIQUE NULLS NOT DISTINCT (url, sha256, follows_raw_fetch_id);
ALTER TABLE ONLY public.seen_urls
    ADD CONSTRAINT seen_urls_pkey PRIMARY KEY (url);
ALTER TABLE ONLY public.sources
    ADD CONSTRAINT sources_pkey PRIMARY KEY (source_id);
ALTER TABLE ONLY public.stage_run_tallies
    ADD CONSTRAINT stage_run_tallies_pkey PRIMARY KEY (run_key, stage);
ALTER TABLE ONLY public.stories
    ADD CONSTRAINT stories_pkey PRIMARY KEY (story_id);
ALTER TABLE ONLY public.subscribers
    ADD CONSTRAINT subscribers_email_key UNIQUE (email);
ALTER TABLE ONLY public.subscribers
    ADD CONSTRAINT subscribers_pkey PRIMARY KEY (subscriber_id);
ALTER TABLE ONLY public.taxonomy_versions
    ADD CONSTRAINT taxonomy_versions_pkey PRIMARY KEY (taxonomy_version_id);
ALTER TABLE ONLY public.taxonomy_versions
    ADD CONSTRAINT taxonomy_versions_version_key UNIQUE (version);
ALTER TABLE ONLY public.term_candidates
    ADD CONSTRAINT term_candidates_pkey PRIMARY KEY (term);
CREATE INDEX alert_events_occurred_idx ON public.alert_events USING btree (occurred_at);
CREATE INDEX alert_events_rule_occurred_idx ON public.alert_events USING btree (rule_id, occurred_at);
CREATE INDEX alert_events_suppressed_idx ON public.alert_events USING btree (occurred_at) WHERE (suppressed IS NOT NULL);
CREATE INDEX alert_events_version_idx ON public.alert_events USING btree (version_id);
CREATE INDEX chat_deliveries_due_idx ON public.chat_deliveries USING btree (next_attempt_at) WHERE (status = ANY (ARRAY['pending'::text, 'sending'::text]));
CREATE INDEX chat_posts_channel_idx ON public.chat_posts USING btree (channel, posted_at);
CREATE INDEX classification_runs_taxonomy_idx ON public.classification_runs USING btree (taxonomy_version_id, version_id);
CREATE INDEX classifications_code_idx ON public.classifications USING btree (code, taxonomy_version_id);
CREATE INDEX crawl_runs_running_idx ON public.crawl_runs USING btree (started_at) WHERE (status = 'running'::text);
CREATE INDEX crawl_runs_source_started_idx ON public.crawl_runs USING btree (source_id, started_at);
CREATE INDEX deliveries_due_idx ON public.deliveries USING btree (next_attempt_at) WHERE (status = ANY (ARRAY['pending'::text, 'sending'::text]));
CREATE INDEX digests_event_ids_idx ON public.digests USING gin (event_ids);
CREATE INDEX document_versions_created_idx ON public.document_versions USING btree (created_at);
CREATE INDEX document_versions_hash_idx ON public.document_versions USING btree (content_hash);
CREATE INDEX document_versions_published_idx ON public.document_versions USING btree (published_at);
CREATE INDEX document_versions_raw_fetch_idx ON public.document_versions USING btree (raw_fetch_id);
CREATE INDEX document_versions_recent_idx ON public.document_versions USING btree (published_at DESC NULLS LAST, version_id DESC);
CREATE INDEX document_versions_search_keys_idx ON public.document_versions USING gin (search_keys);
CREATE INDEX documents_current_version_idx ON public.documents USING btree (current_version_id);
CREATE INDEX documents_first_seen_idx ON public.documents USING btree (first_seen_at);
CREATE INDEX documents_source_idx ON public.documents USING btree (source_id);
CREATE INDEX documents_story_idx ON public.documents USING btree (story_id);
CREATE INDEX entity_aliases_alias_idx ON public.entity_aliases USING btree (alias);
CREATE INDEX entity_mentions_entity_idx ON public.entity_mentions USING btree (entity_id);
CREATE INDEX policy_issuers_name_idx ON public.policy_issuers USING btree (name);
CREATE INDEX policy_measures_due_idx ON public.policy_measures USING btree (due_on) WHERE (due_on IS NOT NULL);
CREATE INDEX policy_metadata_doc_number_idx ON public.policy_metadata USING btree (doc_number);
CREATE INDEX policy_metadata_interprets_url_idx ON public.policy_metadata USING btree (interprets_url) WHERE ((interprets_document_id IS NULL) AND (interprets_url IS NOT NULL));
CREATE INDEX policy_names_document_idx ON public.policy_names USING btree (document_id);
CREATE INDEX policy_references_to_idx ON public.policy_references USING btree (to_document_id);
CREATE INDEX policy_references_waiting_idx ON public.policy_references USING gin (target_keys) WHERE (to_document_id IS NULL);
CREATE INDEX raw_fetches_fetched_at_idx ON public.raw_fetches USING btree (fetched_at);
CREATE INDEX raw_fetches_follows_raw_fetch_id_idx ON public.raw_fetches USING btree (follows_raw_fetch_id) WHERE (follows_raw_fetch_id IS NOT NULL);
CREATE INDEX raw_fetches_parse_drift_idx ON public.raw_fetches USING btree (source_id, fetched_at) WHERE ((cardinality(parse_drift) > 0) OR (not_article IS NOT NULL));
CREATE INDEX raw_fetches_source_idx ON public.raw_fetches USING btree (source_id, fetched_at);
CREATE INDEX raw_fetches_unprocessed_idx ON public.raw_fetches USING btree (raw_fetch_id) WHERE (processed_at IS NULL);
CREATE INDEX raw_fetches_url_idx ON public.raw_fetches USING btree (url, fetched_at);
CREATE INDEX seen_urls_source_idx ON public.seen_urls USING btree (source_id, last_seen_at);
CREATE UNIQUE INDEX subscribers_name_without_email_idx ON public.subscribers USING btree (name) WHERE (email IS NULL);
CREATE TRIGGER alert_events_follow_delete AFTER DELETE ON public.alert_rules REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION public.alert_events_follow_delete('rule_id', 'cascade');
CREATE TRIGGER alert_events_follow_delete AFTER DELETE ON public.document_versions REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION public.alert_events_follow_delete('version_id', 'cascade');
CREATE TRIGGER alert_events_follow_delete AFTER DELETE ON public.stories REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION public.alert_events_follow_delete('story_id', 'restrict');
CREATE TRIGGER alert_events_keep_key BEFORE UPDATE OF rule_id ON public.alert_rules FOR EACH ROW WHEN ((old.rule_id IS DISTINCT FROM new.rule_id)) EXECUTE FUNCTION public.alert_events_keep_key('rule_id');
CREATE TRIGGER alert_events_keep_key BEFORE UPDATE OF version_id ON public.document_versions FOR EACH ROW WHEN ((old.version_id IS DISTINCT FROM new.version_id)) EXECUTE FUNCTION public.alert_events_keep_key('version_id');
CREATE TRIGGER alert_events_keep_key BEFORE UPDATE OF story_id ON public.stories FOR EACH ROW WHEN ((old.story_id IS DISTINCT FROM new.story_id)) EXECUTE FUNCTION public.alert_events_keep_key('story_id');
CREATE TRIGGER alert_events_refuse_truncate AFTER TRUNCATE ON public.alert_rules FOR EACH STATEMENT EXECUTE FUNCTION public.alert_events_refuse_truncate();
CREATE TRIGGER alert_events_refuse_truncate AFTER TRUNCATE ON public.document_versions FOR EACH STATEMENT EXECUTE FUNCTION public.alert_events_refuse_truncate();
CREATE TRIGGER alert_events_refuse_truncate AFTER TRUNCATE ON public.stories FOR EACH STATEMENT EXECUTE FUNCTION public.alert_events_refuse_truncate();
CREATE TRIGGER document_versions_search_text BEFORE UPDATE OF title, text, search_text, search_keys ON public.document_versions FOR EACH ROW EXECUTE FUNCTION public.fw_fill_search_text();
CREATE TRIGGER document_versions_search_text_insert BEFORE INSERT ON public.document_versions FOR EACH ROW WHEN (((new.search_text IS NULL) OR (new.search_keys IS NULL) OR (new.search_sig IS NULL) OR ((new.version_id % (64)::bigint) = 0))) EXECUTE FUNCTION public.fw_fill_search_text();
ALTER TABLE ONLY public.alert_first_seen_baseline
    ADD CONSTRAINT alert_first_seen_baseline_entity_id_fkey FOREIGN KEY (entity_id) REFERENCES public.entities(entity_id) ON DELETE CASCADE;
ALTER TABLE ONLY public.alert_first_seen_baseline
    ADD CONSTRAINT alert_first_seen_baseline_rule_id_fkey FOREIGN KEY (rule_id) REFERENCES public.alert_rules(rule_id) ON DELETE CASCADE;
ALTER TABLE ONLY public.alert_rule_state
    ADD CONSTRAINT alert_rule_state_rule_id_fkey FOREIGN KEY (rule_id) REFERENCES public.alert_rules(rule_id) ON DELETE CASCADE;
ALTER TABLE ONLY public.alert_rules
    ADD CONSTRAINT alert_rules_subscriber_id_fkey FOREIGN KEY (subscriber_id) REFERENCES public.subscribers(subscriber_id) ON DELETE CASCADE;
ALTER TABLE ONLY public.attachments
    ADD CONSTRAINT attachments_document_id_fkey FOREIGN KEY (document_id) REFERENCES public.documents(document_id) ON DELETE CASCADE;
ALTER TABLE ONLY public.attachments
    ADD CONSTRAINT attachments_raw_fetch_id_fkey FOREIGN KEY (raw_fetch_id) REFERENCES public.raw_fetches(raw_fetch_id);
ALTER TABLE ONLY public.categories
    ADD CONSTRAINT categories_taxonomy_version_id_fkey FOREIGN KEY (taxonomy_version_id) REFERENCES public.taxonomy_versions(taxonomy_version_id);
ALTER TABLE ONLY public.category_terms
    ADD CONSTRAINT category_terms_taxonomy_version_id_code_fkey FOREIGN KEY (taxonomy_version_id, code) REFERENCES public.categories(taxonomy_version_id, code);
ALTER TABLE ONLY public.chat_deliveries
    ADD CONSTRAINT chat_deliveries_digest_id_fkey FOREIGN KEY (digest_id) REFERENCES public.digests(digest_id) ON DELETE CASCADE;
ALTER TABLE ONLY public.classification_runs
    ADD CONSTRAINT classification_runs_taxonomy_version_id_fkey FOREIGN KEY (taxonomy_version_id) REFERENCES public.taxonomy_versions(taxonomy_version_id);
ALTER TABLE ONLY public.classification_runs
    ADD CONSTRAINT classification_runs_version_id_fkey FOREIGN KEY (version_id) REFERENCES public.document_versions(version_id) ON DELETE CASCADE;
ALTER TABLE ONLY public.classifications
    ADD CONSTRAINT classifications_run_fkey FOREIGN KEY (version_id, taxonomy_version_id) REFERENCES public.classification_runs(version_id, taxonomy_version_id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE ONLY public.crawl_runs
    ADD CONSTRAINT crawl_runs_source_id_fkey FOREIGN KEY (source_id) REFERENCES public.sources(source_id);
ALTER TABLE ONLY public.deliveries
    ADD CONSTRAINT deliveries_digest_id_fkey FOREIGN KEY (digest_id) REFERENCES public.digests(digest_id) ON DELETE CASCADE;
ALTER TABLE ONLY public.digests
    ADD CONSTRAINT digests_subscriber_id_fkey FOREIGN KEY (subscriber_id) REFERENCES public.subscribers(subscriber_id) ON DELETE CASCADE;
ALTER TABLE ONLY public.document_urls
    ADD CONSTRAINT document_urls_document_id_fkey FOREIGN KEY (document_id) REFERENCES public.documents(document_id) ON DELETE CASCADE;
ALTER TABLE ONLY public.document_versions
    ADD CONSTRAINT document_versions_document_id_fkey FOREIGN KEY (document_id) REFERENCES public.documents(document_id) ON DELETE CASCADE;
ALTER TABLE ONLY public.document_versions
    ADD CONSTRAINT document_versions_raw_fetch_id_fkey FOREIGN KEY (raw_fetch_id) REFERENCES public.raw_fetches(raw_fetch_id);
ALTER TABLE ONLY public.document_versions
    ADD CONSTRAINT document_versions_replaces_version_id_fkey FOREIGN KEY (replaces_version_id) REFERENCES public.document_versions(version_id);
ALTER TABLE ONLY public.documents
    ADD CONSTRAINT documents_current_version_fk FOREIGN KEY (current_version_id) REFERENCES public.document_versions(version_id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE ONLY public.documents
    ADD CONSTRAINT documents_source_id_fkey FOREIGN KEY (source_id) REFERENCES public.sources(source_id);
ALTER TABLE ONLY public.documents
    ADD CONSTRAINT documents_story_id_fkey FOREIGN KEY (story_id) REFERENCES public.stories(story_id);
ALTER TABLE ONLY public.entity_aliases
    ADD CONSTRAINT entity_aliases_entity_id_fkey FOREIGN KEY (entity_id) REFERENCES public.entities(entity_id) ON DELETE CASCADE;
ALTER TABLE ONLY public.entity_extractions
    ADD CONSTRAINT entity_extractions_version_id_fkey FOREIGN KEY (version_id) REFERENCES public.document_versions(version_id) ON DELETE CASCADE;
ALTER TABLE ONLY public.entity_mentions
    ADD CONSTRAINT entity_mentions_entity_id_fkey FOREIGN KEY (entity_id) REFERENCES public.entities(entity_id) ON DELETE CASCADE;
ALTER TABLE ONLY public.entity_mentions
    ADD CONSTRAINT entity_mentions_version_id_fkey FOREIGN KEY (version_id) REFERENCES public.document_versions(version_id) ON DELETE CASCADE;
ALTER TABLE ONLY public.policy_issuers
    ADD CONSTRAINT policy_issuers_version_id_fkey FOREIGN KEY (version_id) REFERENCES public.document_versions(version_id) ON DELETE CASCADE;
ALTER TABLE ONLY public.policy_measures
    ADD CONSTRAINT policy_measures_version_id_fkey FOREIGN KEY (version_id) REFERENCES public.document_versions(version_id) ON DELETE CASCADE;
ALTER TABLE ONLY public.policy_metadata
    ADD CONSTRAINT policy_metadata_interprets_document_id_fkey FOREIGN KEY (interprets_document_id) REFERENCES public.documents(document_id);
ALTER TABLE ONLY public.policy_metadata
    ADD CONSTRAINT policy_metadata_version_id_fkey FOREIGN KEY (version_id) REFERENCES public.document_versions(version_id) ON DELETE CASCADE;
ALTER TABLE ONLY public.policy_names
    ADD CONSTRAINT policy_names_document_id_fkey FOREIGN KEY (document_id) REFERENCES public.documents(document_id) ON DELETE CASCADE;
ALTER TABLE ONLY public.policy_references
    ADD CONSTRAINT policy_references_to_document_id_fkey FOREIGN KEY (to_document_id) REFERENCES public.documents(document_id) ON DELETE SET NULL;
ALTER TABLE ONLY public.policy_references
    ADD CONSTRAINT policy_references_version_id_fkey FOREIGN KEY (version_id) REFERENCES public.document_versions(version_id) ON DELETE CASCADE;
ALTER TABLE ONLY public.raw_fetches
    ADD CONSTRAINT raw_fetches_crawl_run_id_fkey FOREIGN KEY (crawl_run_id) REFERENCES public.crawl_runs(crawl_run_id);
ALTER TABLE ONLY public.raw_fetches
    ADD CONSTRAINT raw_fetches_follows_raw_fetch_id_fkey FOREIGN KEY (follows_raw_fetch_id) REFERENCES public.raw_fetches(raw_fetch_id);
ALTER TABLE ONLY public.raw_fetches
    ADD CONSTRAINT raw_fetches_source_id_fkey FOREIGN KEY (source_id) REFERENCES public.sources(source_id);
ALTER TABLE ONLY public.seen_urls
    ADD CONSTRAINT seen_urls_source_id_fkey FOREIGN KEY (source_id) REFERENCES public.sources(source_id);
GRANT USAGE ON SCHEMA public TO futurewatch_reader;
GRANT ALL ON FUNCTION public.fw_contains(search_keys integer[], search_text text, term text) TO futurewatch_reader;
GRANT ALL ON FUNCTION public.fw_search_keys(x text) TO futurewatch_reader;
GRANT ALL ON FUNCTION public.fw_is_one_key(t text) TO futurewatch_reader;
GRANT ALL ON FUNCTION public.fw_lacks(search_text text, term text) TO futurewatch_reader;
GRANT ALL ON FUNCTION public.fw_normalize(x text) TO futurewatch_reader;
GRANT ALL ON FUNCTION public.fw_parse_query(query text) TO futurewatch_reader;
GRANT ALL ON FUNCTION public.fw_rank_normalized(search_text text, t text) TO futurewatch_reader;
REVOKE ALL ON FUNCTION public.fw_search(query text, max_rows integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.fw_search(query text, max_rows integer) TO futurewatch_reader;
REVOKE ALL ON FUNCTION public.fw_search_plan(parsed jsonb, max_rows integer, walk_hits integer, walk_more integer, candidates bigint, dropped bigint) FROM PUBLIC;
REVOKE ALL ON FUNCTION public.fw_search_within(at timestamp with time zone, id bigint, probe bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION public.fw_term_rank(search_text text, term text) TO futurewatch_reader;
GRANT ALL ON FUNCTION public.fw_today() TO futurewatch_reader;
REVOKE ALL ON FUNCTION public.fw_walk(parsed jsonb, max_rows integer, skip bigint, count bigint) FROM PUBLIC;
GRANT SELECT ON TABLE public.v_categories TO futurewatch_reader;
GRANT SELECT ON TABLE public.v_document_categories TO futurewatch_reader;
GRANT SELECT ON TABLE public.v_documents TO futurewatch_reader;
GRANT SELECT ON TABLE public.v_entities TO futurewatch_reader;
GRANT SELECT ON TABLE public.v_entity_mentions TO futurewatch_reader;
GRANT SELECT ON TABLE public.v_entity_mentions_daily TO futurewatch_reader;
GRANT SELECT ON TABLE public.v_policy_documents TO futurewatch_reader;
GRANT SELECT ON TABLE public.v_policy_issuers TO futurewatch_reader;
GRANT SELECT ON TABLE public.v_policy_links TO futurewatch_reader;
GRANT SELECT ON TABLE public.v_policy_measures TO futurewatch_reader;
GRANT SELECT ON TABLE public.v_sources TO futurewatch_reader;
GRANT SELECT ON TABLE public.v_stories TO futurewatch_reader;

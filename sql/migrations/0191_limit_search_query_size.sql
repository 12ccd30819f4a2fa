-- fw_parse_query, as in 0180, with the size limits that futurewatch/search/query.py applies
-- (1000 characters, 32 terms): `fw_search` called from plain SQL refuses an oversized query with
-- one 22023 error instead of exhausting the stack. Migrations are forward-only, so the whole
-- function is restated here; only the two checks before and after tokenizing are new.
CREATE OR REPLACE FUNCTION fw_parse_query(query text) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
AS $parse$
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
$parse$;


-- Error messages quote the offending term the same way in SQL and in Python ("term").
CREATE OR REPLACE FUNCTION fw_parse_term(token text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $term$
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
$term$;

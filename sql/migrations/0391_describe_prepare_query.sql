-- fw_prepare_query's description, as 0390 changed it (the comment was still 0290's).
COMMENT ON FUNCTION fw_prepare_query(jsonb) IS
    'A parsed query (fw_parse_query) with its terms normalised and keyed once; an alternative that contains an excluded term is dropped (0390), and a group left empty marks the query "nothing" (no document can match). The statement builders accept either form.';

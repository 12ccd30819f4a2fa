-- The reader may call the rank helper that fw_search uses since 0017 (roles exist from 0081 on).
GRANT EXECUTE ON FUNCTION fw_rank_normalized(text, text) TO futurewatch_reader;

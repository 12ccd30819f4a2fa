-- fw_today(): today in China (Asia/Shanghai), whatever the session TimeZone. Every *_on column and
-- `day` is a date in China, but current_date is the session's date: in a UTC session, from 16:00 to
-- midnight (00:00–08:00 in China) it is still yesterday, so `effective_on BETWEEN current_date AND
-- current_date + 30` and `due_on - current_date` were a day off. The reader views and docs/sql.md
-- compare China dates with fw_today().
CREATE OR REPLACE FUNCTION fw_today() RETURNS date
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN (now() AT TIME ZONE 'Asia/Shanghai')::date;

COMMENT ON FUNCTION fw_today() IS 'Today in China (Asia/Shanghai), whatever the session TimeZone: compare the *_on dates with it, not with current_date.';
GRANT EXECUTE ON FUNCTION fw_today() TO futurewatch_reader;

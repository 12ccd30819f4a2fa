-- Again after 0171 (fw_search, fw_search_plan) and 0180: every SECURITY DEFINER function of this schema resolves names in this schema only, with
-- pg_temp searched last: a caller cannot shadow a table or function with a temporary object.
-- (Written as a loop so that it covers every such function present when it runs.)
DO $pin$
DECLARE
    fn regprocedure;
BEGIN
    FOR fn IN
        SELECT p.oid::regprocedure FROM pg_proc p
        WHERE p.prosecdef AND p.pronamespace = current_schema()::regnamespace
    LOOP
        EXECUTE format('ALTER FUNCTION %s SET search_path = %I, pg_temp', fn, current_schema());
    END LOOP;
END
$pin$;

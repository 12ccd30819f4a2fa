-- A daily or weekly subscriber's due period is the same on every run until the next period ends (a
-- weekly one: seven daily runs). An empty period stores no digest, so every later run looked for its
-- events again. subscribers.digested_through records the end of the last period the digest stage
-- finished for the subscriber (built, found already built, or found empty); a run whose due period
-- ends no later is skipped without a query (alerts/digest.py). NULL: nothing recorded yet (the
-- stored digests' latest period_end still counts). A column without a default: no table rewrite.

ALTER TABLE subscribers ADD COLUMN IF NOT EXISTS digested_through timestamptz;

COMMENT ON COLUMN subscribers.digested_through IS
    'End of the last digest period finished for this subscriber (built, or found empty); later runs skip periods ending no later (alerts/digest.py). Events of a skipped period go into the next digest.';

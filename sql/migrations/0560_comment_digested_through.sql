-- subscribers.digested_through: later runs skip only the very period recorded (alerts/digest.py),
-- not every period ending earlier (a run with a clock ahead would have skipped the days before it).

COMMENT ON COLUMN subscribers.digested_through IS
    'End of the digest period the latest run finished for this subscriber (built, or found empty); a later run due that same period skips it (alerts/digest.py). Events of a skipped period go into the next digest.';

"""What one run of a batched stage did over all its attempts (table stage_run_tallies).

    add_to_tally(conn, run_key, stage, items, first_id, last_id)   inside the batch's transaction
    select_tally(conn, run_key, stage) -> Tally
    prune_tallies(conn)                                              rows untouched for KEEP go

parse and classify commit batch by batch: a retried Airflow task resumes where the failed attempt
stopped, so the retry's own summary counts only the rest. Each batch adds its work to the run's
row in the transaction that commits it, so the row counts exactly what the run's attempts committed.
A row only serves its run's asset events, so rows untouched for KEEP are deleted (a run cleared
after that starts a new tally).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

KEEP = timedelta(days=30)

ADD_SQL = """
INSERT INTO stage_run_tallies AS t (run_key, stage, items, first_version_id, last_version_id)
VALUES (%(run)s, %(stage)s, %(items)s, %(first)s, %(last)s)
ON CONFLICT (run_key, stage) DO UPDATE SET items = t.items + EXCLUDED.items,
    first_version_id = LEAST(t.first_version_id, EXCLUDED.first_version_id),
    last_version_id = GREATEST(t.last_version_id, EXCLUDED.last_version_id), updated_at = now()
"""


@dataclass(frozen=True)
class Tally:
    items: int = 0
    first_version_id: int | None = None
    last_version_id: int | None = None


def add_to_tally(conn, run_key: str, stage: str, items: int, first_id: int | None, last_id: int | None) -> None:
    conn.execute(ADD_SQL, {"run": run_key, "stage": stage, "items": items, "first": first_id, "last": last_id})


def select_tally(conn, run_key: str, stage: str) -> Tally:
    row = conn.execute("SELECT items, first_version_id, last_version_id FROM stage_run_tallies "
                       "WHERE run_key = %(run)s AND stage = %(stage)s", {"run": run_key, "stage": stage}).fetchone()
    return Tally(row["items"], row["first_version_id"], row["last_version_id"]) if row else Tally()


def prune_tallies(conn, keep: timedelta = KEEP) -> int:
    """Delete the tallies of runs untouched for `keep`; how many went."""
    return conn.execute("DELETE FROM stage_run_tallies WHERE updated_at < now() - %(keep)s", {"keep": keep}).rowcount

"""Common keys derived from the archive (`futurewatch db common-keys`): a NOT excluding a term most
documents hold is answered from the index only when that term is a listed common key (migration
0400). 0400's list came from the project's own real texts; an archive has its own near-universal
words (广东 in a Guangdong archive), and a NOT excluding one of those reads a heap tuple per
candidate. This module lists the two-Han-character keys held by at least SHARE of a random sample
of current documents and appends the unlisted ones to fw_common_keys().

Appending is safe while writers run, in four steps, each rerunnable:
1. fw_common_keys() is redefined with the new keys at its end (positions never change);
   search still uses only the first fw_common_keys_searchable() of them.
2. Wait until every transaction that began before that commit has ended: later ones read the
   new list (the batch writers check it once per transaction: SearchTextFolder.current).
3. Backfill every version lacking a new absence key, in committed batches of BATCH ids. That
   rewrites nearly every version (each row's keys enter the index again: about the cost of a bulk
   load of the archive, 112 s for 20,000 versions of ~5 KB here under load); VACUUM follows.
4. Check that no version lacks one, then raise fw_common_keys_searchable() to the whole list.
A run that stops anywhere is finished by the next (`pending()` > 0 means steps 2–4 are due).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone

from psycopg.rows import tuple_row

from futurewatch.core.db import DatabaseError, connect
from futurewatch.core.locks import COMMON_KEYS_LOCK, exclusive_lock

SHARE = 0.4           # held by at least this share of the sampled documents (0400's rule)
SAMPLE = 2000         # current documents sampled
MIN_SAMPLE = 200      # fewer current documents than this: too few to say what is common
MAX_NEW = 64          # keys appended per run at most (each costs the texts lacking it one index entry)
BATCH = 2000          # version ids per committed backfill batch
WAIT_SECONDS = 600.0  # longest wait for older transactions (step 2)

SHARES_SQL = """
WITH sample AS (
    SELECT v.search_keys FROM documents d JOIN document_versions v ON v.version_id = d.current_version_id
    WHERE v.search_keys IS NOT NULL ORDER BY random() LIMIT %(n)s)
SELECT k, count(*) AS held, (SELECT count(*) FROM sample) AS size
FROM sample, unnest(search_keys) AS k
GROUP BY k HAVING count(*) >= %(share)s * (SELECT count(*) FROM sample)
ORDER BY held DESC, k
"""
LACKING_SQL = ("SELECT count(*) FROM document_versions WHERE version_id >= %(first)s AND version_id < %(end)s"
               " AND search_keys IS DISTINCT FROM fw_with_absence_keys(search_keys)")
BACKFILL_SQL = ("UPDATE document_versions SET search_keys = search_keys"  # the trigger adds absence keys
                " WHERE version_id >= %(first)s AND version_id < %(end)s"
                " AND search_keys IS DISTINCT FROM fw_with_absence_keys(search_keys)")
OLDER_SQL = """
SELECT pid, coalesce(nullif(application_name, ''), 'unnamed') AS name, xact_start
FROM pg_stat_activity
WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()
  AND xact_start < %(since)s
ORDER BY xact_start LIMIT 1
"""
Progress = Callable[[int, int], None]


class TooFewDocuments(DatabaseError):
    """Fewer than MIN_SAMPLE current documents: too few to say which words are common."""


def pair(key: int) -> str:
    """The two characters of a key (a pair of UTF-16 units, hi << 16 | lo, as int4)."""
    key &= 0xFFFFFFFF
    return chr(key >> 16) + chr(key & 0xFFFF)


def is_han_pair(key: int) -> bool:
    return all("\u4e00" <= ch <= "\u9fff" for ch in pair(key))


@dataclass(frozen=True)
class KeyShare:
    key: int
    share: float   # of the sampled current documents holding it
    listed: bool   # already in fw_common_keys()

    @property
    def word(self) -> str:
        return pair(self.key)


@dataclass(frozen=True)
class Survey:
    listed: int        # cardinality(fw_common_keys())
    searchable: int    # fw_common_keys_searchable()
    sampled: int       # current documents sampled
    common: list[KeyShare]  # two-Han-character keys held by >= share of them, most held first

    @property
    def new(self) -> list[KeyShare]:
        return [k for k in self.common if not k.listed]


def listed_keys(conn) -> tuple[list[int], int]:
    """(fw_common_keys(), fw_common_keys_searchable())."""
    with conn.cursor(row_factory=tuple_row) as cur:
        keys, searchable = cur.execute("SELECT fw_common_keys(), fw_common_keys_searchable()").fetchone()
    return list(keys), searchable


def survey(conn, sample: int = SAMPLE, share: float = SHARE) -> Survey:
    """The common two-Han-character keys of a random sample of current documents."""
    keys, searchable = listed_keys(conn)
    with conn.cursor(row_factory=tuple_row) as cur:
        rows = cur.execute(SHARES_SQL, {"n": sample, "share": share}).fetchall()
    size = rows[0][2] if rows else 0
    known = set(keys)
    common = [KeyShare(k, held / size, k in known) for k, held, _ in rows if k >= 65536 or k < 0]
    return Survey(len(keys), searchable, size, [k for k in common if is_han_pair(k.key)])


def append_sql(keys: list[int], sampled: int) -> str:
    """fw_common_keys() redefined as `keys` (the old list with the new keys at its end)."""
    words = ",".join(pair(k) for k in keys)
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M %Z")
    return (
        "CREATE OR REPLACE FUNCTION fw_common_keys() RETURNS int4[] LANGUAGE sql IMMUTABLE PARALLEL SAFE\n"
        "RETURN ARRAY(SELECT ascii(w) << 16 | ascii(substr(w, 2))"
        f" FROM unnest('{{{words}}}'::text[]) WITH ORDINALITY AS c(w, i) ORDER BY i);\n"
        "COMMENT ON FUNCTION fw_common_keys() IS 'Keys most articles hold; a version lacking the i-th holds the"
        " absence key i in search_keys (0400). Append only: extended by futurewatch db common-keys"
        f" ({stamp}, from a sample of {sampled} current documents).';")


def searchable_sql(count: int) -> str:
    return ("CREATE OR REPLACE FUNCTION fw_common_keys_searchable() RETURNS integer"
            f" LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN {int(count)};")


@dataclass
class Outcome:
    added: list[KeyShare]
    listed: int
    searchable: int
    rewritten: int = 0
    seconds: float = 0.0


def add_common_keys(db_url: str, *, sample: int = SAMPLE, share: float = SHARE, max_new: int = MAX_NEW,
                    on_progress: Progress | None = None, wait_seconds: float = WAIT_SECONDS) -> Outcome:
    """Finish an earlier run's backfill, append the sample's unlisted common keys, backfill, and make
    them searchable (module docstring). One run at a time (an advisory lock)."""
    started = time.monotonic()
    with exclusive_lock(db_url, COMMON_KEYS_LOCK, "common keys"), connect(db_url, autocommit=True) as conn:
        keys, searchable = listed_keys(conn)
        found = survey(conn, sample, share)
        added = found.new[:max_new] if found.sampled >= MIN_SAMPLE else []
        if found.sampled < MIN_SAMPLE and len(keys) == searchable:
            raise TooFewDocuments(f"only {found.sampled} current documents: at least {MIN_SAMPLE} are needed to "
                                "say which words are common")
        if added:
            keys += [k.key for k in added]
            conn.execute(append_sql(keys, found.sampled))
        outcome = Outcome(added, len(keys), searchable)
        if len(keys) > searchable:
            wait_for_older_transactions(conn, wait_seconds)
            outcome.rewritten = backfill(conn, on_progress)
            if lacking(conn):
                raise DatabaseError("some versions still lack absence keys after the backfill; run it again")
            conn.execute(searchable_sql(len(keys)))
            outcome.searchable = len(keys)
            if outcome.rewritten:
                conn.execute("VACUUM (ANALYZE) document_versions")  # the old row versions' space, reusable
    outcome.seconds = time.monotonic() - started
    return outcome


def wait_for_older_transactions(conn, wait_seconds: float, poll: float = 0.2) -> None:
    """Return once every transaction that began before now has ended (DatabaseError after wait_seconds)."""
    since = conn.execute("SELECT clock_timestamp() AS t").fetchone()["t"]
    deadline = time.monotonic() + wait_seconds
    while (older := conn.execute(OLDER_SQL, {"since": since}).fetchone()) is not None:
        if time.monotonic() > deadline:
            raise DatabaseError(f"a transaction open since {older['xact_start']:%Y-%m-%d %H:%M:%S %Z} "
                                f"(pid {older['pid']}, {older['name']}) is still running; run again once it ends")
        time.sleep(poll)


def id_range(conn) -> tuple[int, int]:
    row = conn.execute("SELECT coalesce(min(version_id), 1) AS a, coalesce(max(version_id), 0) AS b"
                       " FROM document_versions").fetchone()
    return row["a"], row["b"]


def backfill(conn, on_progress: Progress | None = None) -> int:
    """Add the missing absence keys, BATCH ids per committed statement; returns versions rewritten."""
    first, last = id_range(conn)
    rewritten = 0
    for start in range(first, last + 1, BATCH):
        rewritten += conn.execute(BACKFILL_SQL, {"first": start, "end": start + BATCH}).rowcount
        if on_progress:
            on_progress(min(start + BATCH, last + 1) - first, last + 1 - first)
    return rewritten


def lacking(conn) -> int:
    """Versions whose keys lack an absence key of the list as it stands."""
    first, last = id_range(conn)
    return conn.execute(LACKING_SQL, {"first": first, "end": last + 1}).fetchone()["count"]

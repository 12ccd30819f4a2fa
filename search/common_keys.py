"""Common keys derived from the archive (`futurewatch db common-keys`): a NOT excluding a term most
documents hold is answered from the index only when that term is a listed common key (migration
0400). 0400's list came from the project's own real texts; an archive has its own near-universal
words (广东 in a Guangdong archive), and a NOT excluding one of those reads a heap tuple per
candidate. This module lists the two-Han-character keys that a random sample of current documents
shows, with 99 % confidence, to be held by at least SHARE of them, and appends the unlisted ones
to fw_common_keys().

Appending is safe while writers and readers run, in five steps, each rerunnable:
1. fw_common_keys() is redefined with the new keys at its end (positions never change); search
   still uses only the first fw_common_keys_searchable() of them.
2. Wait until every transaction running at that commit has ended: later ones read the new list
   (the batch writers check it once per transaction: SearchTextFolder.current).
3. Backfill every version lacking a new absence key, in committed batches of BATCH ids (nearly
   every version: each row's keys enter the index again, about the cost of a bulk load); VACUUM.
4. Check that no version lacks one.
5. Wait again for every transaction running then (a REPEATABLE READ reader's snapshot from before
   the backfill would otherwise meet the raised count), then raise fw_common_keys_searchable().
A run that stops anywhere is finished by the next (`pending` entries are backfilled first).
Transactions are waited for by their virtual transaction id locks (visible whatever the role, as
CREATE INDEX CONCURRENTLY waits), and prepared transactions by pg_prepared_xacts.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone

import psycopg
from psycopg.rows import tuple_row

from futurewatch.core.db import DatabaseError, connect
from futurewatch.core.locks import COMMON_KEYS_LOCK, exclusive_lock

SHARE = 0.4           # held by at least this share of current documents (0400's rule) …
CONFIDENCE_Z = 2.33   # … shown with 99 % confidence by the sample (one-sided), so noise adds no word
SAMPLE = 2000         # current documents sampled
MIN_SAMPLE = 200      # fewer than this: too few to say what is common
MAX_NEW = 64          # keys appended per run at most
MAX_LISTED = 256      # the list's length at most (each entry costs the texts lacking it one index entry)
BATCH = 2000          # version ids per committed backfill batch
WAIT_SECONDS = 600.0  # longest wait for older transactions

SHARES_SQL = """
WITH sample AS (
    SELECT v.search_keys FROM documents d JOIN document_versions v ON v.version_id = d.current_version_id
    WHERE v.search_keys IS NOT NULL ORDER BY random() LIMIT %(n)s)
SELECT k, count(*) AS held, (SELECT count(*) FROM sample) AS size
FROM sample, unnest(search_keys) AS k
GROUP BY k HAVING count(*) >= %(share)s * (SELECT count(*) FROM sample)
ORDER BY held DESC, k
"""
# A version carries, for each list entry i (key k), either k or the absence key i, never both: it
# lacks one when fewer than n of `probe` (the n entries' keys and absence keys) are among its keys.
LACKING = ("version_id >= %(first)s AND version_id < %(end)s"
           " AND (SELECT count(*) FROM unnest(search_keys) AS k WHERE k = ANY(%(probe)s::int4[])) < %(n)s")
BACKFILL_SQL = "UPDATE document_versions SET search_keys = search_keys WHERE " + LACKING  # the trigger adds them
COUNT_LACKING_SQL = "SELECT count(*) FROM document_versions WHERE " + LACKING
RUNNING_SQL = """
SELECT l.virtualxid FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
WHERE l.locktype = 'virtualxid' AND l.granted AND l.pid <> pg_backend_pid()
  AND a.backend_type IS DISTINCT FROM 'autovacuum worker'
  AND (a.datname = current_database() OR a.datname IS NULL)  -- not another database's (NULL: unknown)
"""
STILL_RUNNING_SQL = """
SELECT l.pid, coalesce(nullif(a.application_name, ''), a.usename, 'another role') AS name
FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
WHERE l.locktype = 'virtualxid' AND l.granted AND l.virtualxid = ANY(%(running)s)
UNION ALL
SELECT NULL, 'prepared transaction ' || gid FROM pg_prepared_xacts
WHERE database = current_database() AND prepared < %(since)s
LIMIT 1
"""
Progress = Callable[[int, int], None]
Notice = Callable[[str], None]


class TooFewDocuments(DatabaseError):
    """Fewer than MIN_SAMPLE current documents: too few to say which words are common."""


def pair(key: int) -> str:
    """The two characters of a key (a pair of UTF-16 units, hi << 16 | lo, as int4)."""
    key &= 0xFFFFFFFF
    return chr(key >> 16) + chr(key & 0xFFFF)


def is_han_pair(key: int) -> bool:
    """Both units in CJK Unified Ideographs (U+4E00–U+9FFF), as 0400's list."""
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
    share: float
    common: list[KeyShare]  # two-Han-character keys held by >= share of the sample, most held first

    @property
    def new(self) -> list[KeyShare]:
        """Unlisted keys whose share is above `share` with 99 % confidence, at most MAX_NEW and
        what MAX_LISTED leaves."""
        margin = CONFIDENCE_Z * math.sqrt(self.share * (1 - self.share) / max(self.sampled, 1))
        room = max(0, min(MAX_NEW, MAX_LISTED - self.listed))
        return [k for k in self.common if not k.listed and k.share >= self.share + margin][:room]

    @property
    def borderline(self) -> int:
        """Unlisted keys at the share but not shown above it (or beyond this run's room)."""
        return sum(not k.listed for k in self.common) - len(self.new)


def listed_keys(conn) -> tuple[list[int], int]:
    """(fw_common_keys(), fw_common_keys_searchable())."""
    try:
        with conn.cursor(row_factory=tuple_row) as cur:
            keys, searchable = cur.execute("SELECT fw_common_keys(), fw_common_keys_searchable()").fetchone()
    except psycopg.errors.UndefinedFunction as exc:
        raise DatabaseError("the search index has no common keys yet; run `futurewatch db migrate` first") from exc
    return list(keys), searchable


def survey(conn, sample: int = SAMPLE, share: float = SHARE) -> Survey:
    """The common two-Han-character keys of a random sample of current documents."""
    keys, searchable = listed_keys(conn)
    with conn.cursor(row_factory=tuple_row) as cur:
        rows = cur.execute(SHARES_SQL, {"n": sample, "share": share}).fetchall()
    size = rows[0][2] if rows else 0
    known = set(keys)
    common = [KeyShare(k, held / size, k in known) for k, held, _ in rows if k >= 65536 or k < 0]
    return Survey(len(keys), searchable, size, share, [k for k in common if is_han_pair(k.key)])


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


def add_common_keys(db_url: str, *, found: Survey | None = None, sample: int = SAMPLE, share: float = SHARE,
                    on_progress: Progress | None = None, on_wait: Notice | None = None,
                    wait_seconds: float = WAIT_SECONDS) -> Outcome:
    """Finish an earlier run's backfill, append `found.new` (a new survey when not given), backfill,
    and make them searchable (module docstring). One run at a time (an advisory lock)."""
    started = time.monotonic()
    with exclusive_lock(db_url, COMMON_KEYS_LOCK, "common keys"), connect(db_url, autocommit=True) as conn:
        keys, searchable = listed_keys(conn)
        found = found or survey(conn, sample, share)
        if found.sampled < MIN_SAMPLE and len(keys) == searchable:
            raise TooFewDocuments(f"a sample of {found.sampled} current documents is too small to say which words "
                                  f"are common: at least {MIN_SAMPLE} are needed")
        added = [k for k in found.new if k.key not in keys] if found.sampled >= MIN_SAMPLE else []
        if added:
            keys += [k.key for k in added]
            conn.execute(append_sql(keys, found.sampled))
        outcome = Outcome(added, len(keys), searchable)
        if len(keys) > searchable:
            wait_for_running_transactions(conn, wait_seconds, on_wait)
            entries = (keys[searchable:], list(range(searchable + 1, len(keys) + 1)))
            outcome.rewritten = backfill(conn, *entries, on_progress)
            if lacking(conn, *entries):
                raise DatabaseError("some versions still lack absence keys after the backfill; run "
                                    "`futurewatch db common-keys --add` again")
            if outcome.rewritten:
                conn.execute("VACUUM (ANALYZE) document_versions")  # the old row versions' space, reusable
            wait_for_running_transactions(conn, wait_seconds, on_wait)
            conn.execute(searchable_sql(len(keys)))
            outcome.searchable = len(keys)
    outcome.seconds = time.monotonic() - started
    return outcome


def wait_for_running_transactions(conn, wait_seconds: float, on_wait: Notice | None = None,
                                  poll: float = 0.2) -> None:
    """Return once every transaction running now in this database (any role; prepared ones too)
    has ended; DatabaseError naming one after wait_seconds."""
    since = conn.execute("SELECT clock_timestamp() AS t").fetchone()["t"]
    running = [r["virtualxid"] for r in conn.execute(RUNNING_SQL)]
    deadline, told = time.monotonic() + wait_seconds, False
    while (holder := conn.execute(STILL_RUNNING_SQL, {"running": running, "since": since}).fetchone()) is not None:
        who = f"pid {holder['pid']} ({holder['name']})" if holder["pid"] else holder["name"]
        if time.monotonic() > deadline:
            raise DatabaseError(f"a transaction that began before {since:%Y-%m-%d %H:%M:%S %Z} is still running: "
                                f"{who}; run `futurewatch db common-keys --add` again once it ends")
        if on_wait and not told:
            on_wait(f"waiting for older transactions to end: {who}")
            told = True
        time.sleep(poll)


def id_range(conn) -> tuple[int, int]:
    row = conn.execute("SELECT coalesce(min(version_id), 1) AS a, coalesce(max(version_id), 0) AS b"
                       " FROM document_versions").fetchone()
    return row["a"], row["b"]


def backfill(conn, keys: list[int], absences: list[int], on_progress: Progress | None = None) -> int:
    """Add the missing absence keys of these list entries, BATCH ids per committed statement;
    returns versions rewritten."""
    first, last = id_range(conn)
    probe, rewritten = keys + absences, 0
    for start in range(first, last + 1, BATCH):
        rewritten += conn.execute(BACKFILL_SQL, {"first": start, "end": start + BATCH, "probe": probe,
                                                 "n": len(keys)}).rowcount
        if on_progress:
            on_progress(min(start + BATCH, last + 1) - first, last + 1 - first)
    return rewritten


def lacking(conn, keys: list[int], absences: list[int]) -> int:
    """Versions lacking an absence key of these list entries."""
    first, last = id_range(conn)
    return conn.execute(COUNT_LACKING_SQL, {"first": first, "end": last + 1, "probe": keys + absences,
                                            "n": len(keys)}).fetchone()["count"]

"""Earlier versions of a revised document are invisible to every reader view: the seeded archive reads
the same with and without them (a document revised three times is counted once)."""

from __future__ import annotations

import psycopg
import pytest
from psycopg import sql

from tests.sqlviews.seed import VERSION_ROWS, REVISED
from tests.sqlviews.test_sqlviews_reader import READER_VIEWS, as_reader, seeded_url  # noqa: F401  (the fixture)

EARLIER = [100 * doc_id + n for doc_id, count in REVISED.items() for n in range(1, count + 1)]


def read_all(db_url: str, view: str) -> list[str]:
    statement = sql.SQL("SELECT * FROM {}").format(sql.Identifier(view))
    with psycopg.connect(db_url) as conn:
        conn.execute("SET ROLE futurewatch_reader")
        return sorted(repr(row) for row in conn.execute(statement).fetchall())


def drop_earlier_versions(db_url: str) -> None:
    with psycopg.connect(db_url) as conn:
        for table in VERSION_ROWS:
            conn.execute(sql.SQL("DELETE FROM {} WHERE version_id = ANY(%(v)s)").format(sql.Identifier(table)),
                         {"v": EARLIER})
        conn.execute("DELETE FROM document_versions WHERE version_id = ANY(%(v)s)", {"v": EARLIER})


@pytest.mark.parametrize("view", READER_VIEWS)
def test_earlier_versions_change_no_reader_view(seeded_url, view):  # noqa: F811
    with_earlier = read_all(seeded_url, view)
    drop_earlier_versions(seeded_url)
    assert read_all(seeded_url, view) == with_earlier


def test_daily_mentions_count_a_revised_document_once(seeded_url):  # noqa: F811
    """优必选 is mentioned once in each of two news documents, one of them revised twice."""
    rows = as_reader(seeded_url, "SELECT sum(mentions), sum(documents) FROM v_entity_mentions_daily "
                                 "WHERE canonical = '优必选'")
    assert rows == [(2, 2)]


def test_earlier_versions_change_no_search_result(seeded_url):  # noqa: F811
    def search() -> list:
        return as_reader(seeded_url, "SELECT document_id, title, rank FROM fw_search('具身智能 OR 量子', 50)")

    with_earlier = search()
    drop_earlier_versions(seeded_url)
    assert search() == with_earlier and {r[0] for r in with_earlier} >= set(REVISED)

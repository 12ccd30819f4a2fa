"""Migration 0410: each version's key signature (search_sig, a Bloom filter of its search_keys) is
the same from Python (the batch writers) and SQL (the single-row writer, the trigger, the backfill);
the walk reads only the texts whose signature lets them match, and returns exactly the rows of a
LIKE scan: astral characters, excluded terms (common keys among them), OR groups, null signatures."""

from __future__ import annotations

import hashlib
import itertools
import random

import numpy as np
import psycopg
import pytest

from futurewatch.core import migrate
from futurewatch.core.db import connect
from futurewatch.core.searchtext import SearchTextFolder, document_keys, signature_binary
from parsers.batch_write import VersionRow, copy_versions
from parsers.document import Document
from parsers import queries as q
from parsers.store import insert_version, upsert_document, version_params
from tests.search.corpus import build_doc, ensure_source, reset_sequences
from tests.search.test_search_keys import ASTRAL, VARIED, database_before, random_text, store
from tests.search.test_search_topk import LIKE, cut_terms, normalized, topk_db  # noqa: F401 (fixture)

SIGNED = ("SELECT count(*) FILTER (WHERE search_sig = fw_key_signature(search_keys)) AS signed, count(*) AS versions"
          " FROM document_versions")


def bits_of(binary: bytes) -> str:
    """bit's binary form (length, then the bits from the first, eight to a byte) as bit's text form."""
    return "".join(format(b, "08b") for b in binary[4:])


def test_python_signature_equals_sql(db_url):
    rng = random.Random(29)
    with psycopg.connect(db_url) as conn:
        folder = SearchTextFolder.from_database(conn)
        samples = VARIED + [random_text(rng, rng.randint(0, 600)) for _ in range(60)]
        samples += [folder.search_text(d.title, d.text) for d in (build_doc(i, rng, 1700) for i in range(15))]
        for text in samples:
            keys = document_keys(text, folder.common)
            sql = conn.execute("SELECT fw_key_signature(fw_document_keys(%s))::text", [text]).fetchone()[0]
            assert bits_of(signature_binary(keys)) == sql, text
            assert sql.count("1") <= 2 * len(keys) and (sql.count("1") > 0) == (len(keys) > 0)
        conn.execute("CREATE TEMP TABLE sent (i int, s bit(4096))")  # the binary form, as the batch writers send it
        with conn.cursor().copy("COPY sent (i, s) FROM STDIN (FORMAT BINARY)") as copy:
            copy.set_types(["int4", "bytea"])
            for i, text in enumerate(samples, start=1):
                copy.write_row((i, signature_binary(document_keys(text, folder.common))))
        assert conn.execute("SELECT count(*) FILTER (WHERE s = fw_key_signature(fw_document_keys((%s::text[])[i]))),"
                            " count(*) FROM sent", [samples]).fetchone() == (len(samples), len(samples))


def test_signature_bits_spread(db_url):
    """Keys that differ only in their high bits (one first character, many second ones, and the
    reverse) fill about as many bits as random positions would: the hash does not use the low bits alone."""
    with psycopg.connect(db_url) as conn:
        for keys in ([0x4E00 << 16 | lo for lo in range(0x4E00, 0x4E00 + 600)],
                     [hi << 16 | 0x4E00 for hi in range(0x4E00, 0x4E00 + 600)]):
            ones = conn.execute("SELECT length(replace(fw_key_signature(%s::int4[])::text, '0', ''))",
                                [keys]).fetchone()[0]
            expected = 4096 * (1 - np.exp(-2 * len(keys) / 4096))  # 1,037 bits for 1,200 random positions
            assert ones > 0.9 * expected, ones


def test_writers_store_the_signature(db_url):
    """The batch writer (Python), the single-row writer (SQL from its keys), the trigger (SQL)."""
    rng = random.Random(31)
    texts = ["量子计算" + ASTRAL, "臺灣積體電路製造", "未分配\U000E0080字符", ""] + [random_text(rng, 300) for _ in range(12)]
    with psycopg.connect(db_url) as conn:
        folder = SearchTextFolder.from_database(conn)
        ensure_source(conn, "sample")
        conn.execute("INSERT INTO documents (document_id, doc_key, source_id, canonical_url)"
                     " SELECT i, 's:' || i, 'sample', 'https://e.cn/' || i FROM generate_series(1, %s) i", [len(texts)])
        rows = [VersionRow(i, i, 1, "标题", t, None, hashlib.sha256(t.encode()).hexdigest(), "p")
                for i, t in enumerate(texts, start=1)]
        assert copy_versions(conn, rows, folder) == len(texts)
        assert conn.execute(SIGNED).fetchone() == (len(texts), len(texts))
        # the trigger: a row without a signature, a changed text, an unchanged one, a wrong signature checked
        conn.execute("INSERT INTO document_versions (version_id, document_id, version_no, title, text, content_hash,"
                     " parser) VALUES (100, 1, 2, 't', '新的正文', 'h100', 'p')")
        conn.execute("UPDATE document_versions SET text = '另一个正文' WHERE version_id = 2")
        before = conn.execute("SELECT search_sig FROM document_versions WHERE version_id = 3").fetchone()[0]
        conn.execute("UPDATE document_versions SET title = '新标题' WHERE version_id = 3")
        assert conn.execute(SIGNED).fetchone() == (len(texts) + 1, len(texts) + 1)
        assert conn.execute("SELECT search_sig FROM document_versions WHERE version_id = 3").fetchone()[0] != before
        reset_sequences(conn)
        conn.commit()
        with pytest.raises(psycopg.errors.InvalidParameterValue, match="differs from fw_key_signature"):
            conn.execute("INSERT INTO document_versions (version_id, document_id, version_no, title, text, content_hash,"
                         " parser, search_text, search_keys, search_sig) VALUES (128, 1, 3, 't', 'x', 'h128', 'p',"
                         " 't\nx', fw_document_keys('t\nx'), fw_key_signature('{1}'))")
    with connect(db_url) as conn:  # the single-row writer (parsers/store.py, parsers/queries.py)
        conn.execute("INSERT INTO sources (source_id, name, kind) VALUES ('c114', 'C114', 'news')")
        page = Document(url="http://www.c114.com.cn/news/1/a1.html", source_id="c114", parser="c114.V1",
                        stable_id="a1", title="标题", text="量子计算\U00020000创新", lang="zh-Hans")
        row, _ = upsert_document(conn, page, [page.url])
        version_id, created, _ = insert_version(conn, page, row["document_id"], None,
                                             folder.search_text(page.title, page.text))
        assert created and tuple(conn.execute(SIGNED + " WHERE version_id = %s", [version_id]).fetchone().values()) == (1, 1)
        page = Document(url=page.url, source_id="c114", parser="c114.V1", stable_id="a1", title="标题",
                        text="改写的正文", lang="zh-Hans")
        conn.execute("ALTER TABLE document_versions DISABLE TRIGGER document_versions_search_text")  # the writer's own
        conn.execute(q.UPDATE_VERSION_CONTENT, version_params(page, row["document_id"], None, folder.search_text(
            page.title, page.text)) | {"version_id": version_id})
        conn.execute("ALTER TABLE document_versions ENABLE TRIGGER document_versions_search_text")
        assert conn.execute("SELECT search_sig = fw_key_signature(fw_document_keys(fw_search_text(title, text))) AS ok"
                            " FROM document_versions WHERE version_id = %s", [version_id]).fetchone()["ok"]


def like_walk(conn, groups, none) -> list[int]:
    """The current versions matching, newest first, by a sequential LIKE scan."""
    groups = [normalized(conn, g) for g in groups]
    none = normalized(conn, none)
    where = [" OR ".join([LIKE] * len(g)) for g in groups] + [f"NOT ({LIKE})"] * len(none)
    conn.execute("SET enable_bitmapscan = off")
    conn.execute("SET enable_indexscan = off")
    rows = conn.execute(f"SELECT v.version_id FROM document_versions v JOIN documents d"
                        f" ON d.current_version_id = v.version_id WHERE {' AND '.join('(' + w + ')' for w in where)}"
                        " ORDER BY v.published_at DESC NULLS LAST, v.version_id DESC",
                        [t for g in groups for t in g] + none).fetchall()
    conn.execute("RESET ALL")
    return [r[0] for r in rows]


def walk(conn, query: str) -> tuple[list[int], int]:
    """(the walk's rows over every current document, the documents whose text it reads)."""
    statement, signature = conn.execute("SELECT fw_build_walk_sql(p), fw_build_signature_sql(p, 'v')"
                                        " FROM fw_prepare_query(fw_parse_query(%s)) AS p", [query]).fetchone()
    everything = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    conn.execute(f"PREPARE walk_all AS SELECT version_id FROM ({statement}) w"
                 " ORDER BY published_at DESC NULLS LAST, version_id DESC")
    rows = conn.execute(f"EXECUTE walk_all({everything:d}, 0, {everything:d})").fetchall()
    conn.execute("DEALLOCATE walk_all")
    read = conn.execute(f"SELECT count(*) FROM document_versions v JOIN documents d"
                        f" ON d.current_version_id = v.version_id WHERE {signature}").fetchone()[0]
    return [r[0] for r in rows], read


def query_text(groups, none) -> str:
    """The query in fw_parse_query's syntax: AND binds tighter than OR, so the groups multiplied out."""
    excluded = "".join(f' -"{t}"' for t in none)
    return " OR ".join(" ".join(f'"{t}"' for t in terms) + excluded for terms in itertools.product(*groups))


def test_walk_equals_like_and_reads_fewer_texts(topk_db):
    url, docs = topk_db
    rng = random.Random(37)
    shapes = [(2,), (3,), (4,), (8,), (2, 3), (3, -2), (4, -3), ((3, 3),), ((2, 4), 3), (3, -2, -2)]
    read = total = 0
    with psycopg.connect(url) as conn:
        common = conn.execute("SELECT chr((fw_common_keys())[1] >> 16) || chr((fw_common_keys())[1] & 65535)"
                              ).fetchone()[0]
        current = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        for n in range(60):
            shape = shapes[n % len(shapes)]
            groups = [cut_terms(docs, rng, x if isinstance(x, tuple) else [x]) for x in shape
                      if isinstance(x, tuple) or x > 0]
            none = [cut_terms(docs, rng, [-x])[0] for x in shape if not isinstance(x, tuple) and x < 0]
            if n % 7 == 3:
                none.append(common)  # an excluded common key: its absence key's bit is checked too
            rows, texts = walk(conn, query_text(groups, none))
            assert rows == like_walk(conn, groups, none), (groups, none)
            assert len(rows) <= texts <= current
            read, total = read + texts, total + current
    assert read < total / 4, (read, total)  # most texts that cannot match are not read


def test_walk_with_astral_and_null_signatures(db_url):
    """Astral terms (a character outside the BMP is two UTF-16 units: its keys are its own and its
    neighbours'), and versions whose signature is null (read, as during a backfill) or wrong (a
    zero signature: not read, which shows the walk consults it)."""
    texts = ["共同" + t for t in ["前\U00020000后", "前\U00020001后", "\U00020000", "a\U0001F600b", "a\U0001F601b", "ab", "前后",
             "x\U0002A6D6\U0002A6D6y", "创新前后", "创新a\U0001F600b"]]
    terms = ["\U00020000后", "前\U00020000", "a\U0001F600", "\U0001F600b", "ab", "前后", "\U0002A6D6\U0002A6D6", "\U0002A6D6y"]
    with psycopg.connect(db_url) as conn:
        store(conn, texts)
        conn.execute("UPDATE document_versions SET published_at = '2024-01-01'::timestamptz + version_id * interval '1 day'")
        for term in terms:
            for groups, none in (([[term]], []), ([["共同"]], [term]), ([[term, "不在"]], ["创新"]), ([["共同"], [term]], [])):
                assert walk(conn, query_text(groups, none))[0] == like_walk(conn, groups, none), (groups, none)
        conn.execute("ALTER TABLE document_versions DISABLE TRIGGER document_versions_search_text")
        conn.execute("UPDATE document_versions SET search_sig = NULL WHERE version_id IN (1, 4)")
        conn.execute("UPDATE document_versions SET search_sig = B'0'::bit(4096) WHERE version_id = 7")
        for term in terms:
            expected = like_walk(conn, [[term]], [])
            rows, _ = walk(conn, query_text([[term]], []))
            assert rows == [i for i in expected if i != 7], term
        assert walk(conn, '"前后"')[0] == [9] and like_walk(conn, [["前后"]], []) == [9, 7]
        assert {1, 4} <= set(walk(conn, '"共同"')[0])


def test_backfill_and_rerun(pg_admin_url):
    """Versions stored before 0410 get their signature; an interrupted run goes on; the walk then
    equals the LIKE scan."""
    rng = random.Random(41)
    texts = [random_text(rng, 150) + "未来产业" for _ in range(40)]
    for url in database_before(pg_admin_url, "0410"):
        with psycopg.connect(url) as conn:
            store(conn, texts)
        assert "0410_search_key_signature" in migrate.apply_migrations(url)
        with psycopg.connect(url) as conn:
            assert conn.execute(SIGNED).fetchone() == (len(texts), len(texts))
            conn.execute("UPDATE document_versions SET search_sig = NULL WHERE version_id > 25")
            assert conn.execute(SIGNED).fetchone() == (25, len(texts))
            conn.execute("DELETE FROM _yoyo_migration WHERE migration_id LIKE '0410%'")
        assert [m for m in migrate.apply_migrations(url) if m.startswith("04")][0].startswith("0410")
        with psycopg.connect(url) as conn:
            assert conn.execute(SIGNED).fetchone() == (len(texts), len(texts))
            term = texts[7][20:23]
            assert walk(conn, f'"{term}" "未来"')[0] == like_walk(conn, [[term], ["未来"]], [])

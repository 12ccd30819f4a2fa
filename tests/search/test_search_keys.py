"""The search index's integer keys (migration 0220): Python's search_keys() equals SQL's
fw_search_keys(), the trigger keeps them, search over them equals a LIKE scan also for characters
outside the BMP, and the migration backfills an existing archive and can run again."""

from __future__ import annotations

import random
import uuid

import psycopg
import pytest

from futurewatch.core import migrate
from futurewatch.core.db import with_database
from futurewatch.core.searchtext import SearchTextFolder, document_keys, keys_binary, search_keys, signature_binary
from tests.search.corpus import build_doc, ensure_source

ASTRAL = "\U00020000\U0002A6D6\U0001F600\U0001D400"  # CJK Extension B, an emoji, a mathematical letter
VARIED = ["量子计算", "臺灣積體電路製造", "İstanbul ΣΑΣ straße", "a", "", "ab", "aa", "，。！？「」…",
          "Ünïcödé – “quotes” ‘x’ — 1,000.50 $ € ¥", "\U00020000", "a\U00020000", "\U00020000\U00020000",
          "x" + ASTRAL + "y", "新闻\n正文\t制表", "\U0010FFFF\uffff\U00010000\ud7ff\ue000"]


def random_text(rng: random.Random, n: int) -> str:
    pools = ["量子计算芯片臺灣積體電路製造廣東深圳", "abcXYZ019 ,.;!?", "ÀéîõüßΣλДж", ASTRAL, "，。「」、…\n"]
    return "".join(rng.choice(rng.choice(pools)) for _ in range(n))


def sql_keys(conn, text: str) -> list[int]:
    return conn.execute("SELECT fw_search_keys(%s)", [text]).fetchone()[0]


def test_python_keys_equal_sql_keys(db_url):
    rng = random.Random(17)
    samples = VARIED + [random_text(rng, rng.randint(0, 400)) for _ in range(80)]
    with psycopg.connect(db_url) as conn:
        folder = SearchTextFolder.from_database(conn)
        samples += [folder.search_text(d.title, d.text) for d in (build_doc(i, rng, 800) for i in range(20))]
        for text in samples:
            assert search_keys(text).tolist() == sql_keys(conn, text), text
        conn.execute("CREATE TEMP TABLE sent (i int, k int4[])")  # the binary form, as the batch writers send it
        with conn.cursor().copy("COPY sent (i, k) FROM STDIN (FORMAT BINARY)") as copy:
            copy.set_types(["int4", "bytea"])
            for i, text in enumerate(samples, start=1):
                copy.write_row((i, keys_binary(text)))
        assert conn.execute("SELECT count(*) FILTER (WHERE k = fw_search_keys((%s::text[])[i])), count(*) FROM sent",
                            [samples]).fetchone() == (len(samples), len(samples))
    assert keys_binary(None) is None


def test_python_document_keys_equal_sql(db_url):
    """A version's stored keys (0400): the text's keys and the absence keys of the common keys it
    lacks, the same from Python (as the batch writers send them) and SQL (fw_document_keys)."""
    rng = random.Random(19)
    with psycopg.connect(db_url) as conn:
        folder = SearchTextFolder.from_database(conn)
        common = conn.execute("SELECT array_to_string(ARRAY(SELECT chr(k >> 16 & 65535) || chr(k & 65535)"
                              " FROM unnest(fw_common_keys()) AS k), ' ')").fetchone()[0].split()
        samples = VARIED + ["", "发", "发展", " ".join(common), " ".join(common[::2]) + "展发"]
        samples += [random_text(rng, rng.randint(0, 300)) + " ".join(rng.sample(common, rng.randint(0, 20)))
                    for _ in range(60)]
        samples += [folder.search_text(d.title, d.text) for d in (build_doc(i, rng, 800) for i in range(20))]
        lacked = []
        for text in samples:
            sql = conn.execute("SELECT fw_document_keys(%s)", [text]).fetchone()[0]
            assert document_keys(text, folder.common).tolist() == sql, text
            lacked.append(sum(1 for k in sql if 1 <= k <= 65535))
        assert len(common) >= 10 and 0 in lacked and len(common) in lacked and len(set(lacked)) > 10
        conn.execute("CREATE TEMP TABLE sent (i int, k int4[])")
        with conn.cursor().copy("COPY sent (i, k) FROM STDIN (FORMAT BINARY)") as copy:
            copy.set_types(["int4", "bytea"])
            for i, text in enumerate(samples, start=1):
                copy.write_row((i, keys_binary(text, folder.common)))
        assert conn.execute("SELECT count(*) FILTER (WHERE k = fw_document_keys((%s::text[])[i])), count(*) FROM sent",
                            [samples]).fetchone() == (len(samples), len(samples))
        for doc in (build_doc(i, rng, 800) for i in range(5)):  # the batch writers' call
            search_text, keys, signature = folder.search_columns(doc.title, doc.text)
            assert keys == keys_binary(search_text, folder.common) != keys_binary(search_text)
            assert signature == signature_binary(document_keys(search_text, folder.common))


def test_one_key_only_for_two_bmp_characters(db_url):
    with psycopg.connect(db_url) as conn:
        one_key = {t: conn.execute("SELECT fw_is_one_key(%s)", [t]).fetchone()[0]
                   for t in ["量子", "ab", "aa", "a", "量子计", "a\U00020000", "\U00020000", "\U00020000b"]}
    assert one_key == {"量子": True, "ab": True, "aa": True, "a": False, "量子计": False,
                       "a\U00020000": False, "\U00020000": False, "\U00020000b": False}


def store(conn, texts: list[str]) -> None:
    ensure_source(conn, "sample")
    for i, text in enumerate(texts, start=1):
        conn.execute("INSERT INTO documents (document_id, doc_key, source_id, canonical_url) VALUES"
                     " (%s, %s, 'sample', %s)", (i, f"s:{i}", f"https://e.cn/{i}"))
        conn.execute("INSERT INTO document_versions (version_id, document_id, version_no, title, text, content_hash,"
                     " parser) VALUES (%s, %s, 1, '', %s, %s, 'p')", (i, i, text, str(i)))
        conn.execute("UPDATE documents SET current_version_id = %s WHERE document_id = %s", (i, i))


def test_search_over_keys_equals_like_outside_the_bmp(db_url):
    """Terms with astral characters: candidates from the keys, the text decides (no false match)."""
    texts = ["共同" + t for t in ["前\U00020000后", "前\U00020001后", "\U00020000", "a\U0001F600b", "a\U0001F601b", "ab", "前后",
             "x\U0002A6D6\U0002A6D6y"]]
    terms = ["\U00020000后", "前\U00020000", "a\U0001F600", "\U0001F600b", "ab", "前后", "\U0002A6D6\U0002A6D6",
             "\U0002A6D6y"]
    with psycopg.connect(db_url) as conn:
        store(conn, texts)
        conn.execute("SET enable_seqscan = off")
        for term in terms:
            like = conn.execute("SELECT array_agg(version_id ORDER BY version_id) FROM document_versions"
                                " WHERE strpos(search_text, fw_normalize(%s)) > 0", [term]).fetchone()[0]
            ours = conn.execute("SELECT array_agg(version_id ORDER BY version_id) FROM document_versions"
                                " WHERE fw_contains(search_keys, search_text, %s)", [term]).fetchone()[0]
            found = conn.execute("SELECT array_agg(version_id ORDER BY version_id) FROM fw_search(%s, 20)",
                                 [term]).fetchone()[0]
            without = conn.execute("SELECT array_agg(version_id ORDER BY version_id) FROM fw_search(%s, 20)",
                                   [f"共同 -{term}"]).fetchone()[0]
            lacking = [i for i, t in enumerate(texts, start=1) if term not in t]
            assert ours == found == like and like, term
            assert without == lacking, term


def test_trigger_keeps_keys_and_checks_supplied_ones(db_url):
    with psycopg.connect(db_url) as conn:
        store(conn, ["正文", "第二"])
        keys = "SELECT search_keys = fw_document_keys(search_text) FROM document_versions WHERE version_id = %s"
        conn.execute("UPDATE document_versions SET title = '新標題' WHERE version_id = 1")
        assert conn.execute(keys, [1]).fetchone()[0]
        conn.execute("UPDATE document_versions SET search_keys = '{1,2}' WHERE version_id = 1")  # keys follow the text
        assert conn.execute(keys, [1]).fetchone()[0]
        conn.execute("UPDATE document_versions SET search_keys = NULL WHERE version_id = 2")
        assert conn.execute(keys, [2]).fetchone()[0]
        conn.execute("INSERT INTO document_versions (version_id, document_id, version_no, title, text, content_hash,"
                     " parser, search_text, search_keys) VALUES (63, 1, 2, 't', 'x', 'h63', 'p', 't\nx', '{7}')")
        assert conn.execute("SELECT search_keys FROM document_versions WHERE version_id = 63").fetchone()[0] == [7]
        with pytest.raises(psycopg.errors.InvalidParameterValue, match="differ from fw_document_keys"):
            conn.execute("INSERT INTO document_versions (version_id, document_id, version_no, title, text, content_hash,"
                         " parser, search_text, search_keys) VALUES (64, 1, 3, 't', 'x', 'h64', 'p', 't\nx', '{7}')")


def database_before(pg_admin_url, migration: str):
    """An empty database migrated up to the migration before `migration`; dropped afterwards."""
    name = f"fw_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = with_database(pg_admin_url, name)
    migrate.apply_migrations(url, before=migration)
    yield url
    with psycopg.connect(pg_admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def url_before_keys(pg_admin_url):
    yield from database_before(pg_admin_url, "0220")


@pytest.fixture
def url_before_absence_keys(pg_admin_url):
    yield from database_before(pg_admin_url, "0400")


def test_migration_backfills_an_archive_and_reruns(url_before_keys):
    rng = random.Random(3)
    texts = [random_text(rng, 200) for _ in range(30)] + VARIED
    with psycopg.connect(url_before_keys) as conn:
        store(conn, texts)
        conn.execute("UPDATE documents SET current_version_id = NULL WHERE document_id = 5")
        conn.execute("DELETE FROM document_versions WHERE version_id = 5")  # a gap in the ids
    assert "0220_index_search_keys" in migrate.apply_migrations(url_before_keys)
    check = ("SELECT count(*) FILTER (WHERE search_keys = {}(search_text)), count(*),"
             " to_regclass('document_versions_search_idx'), to_regclass('document_versions_search_keys_idx')::text"
             " FROM document_versions")
    with psycopg.connect(url_before_keys) as conn:
        assert conn.execute(check.format("fw_document_keys")).fetchone() == (
            len(texts) - 1, len(texts) - 1, None, "document_versions_search_keys_idx")
        # an interrupted run: some versions still without keys, the migration not recorded
        conn.execute("ALTER TABLE document_versions DISABLE TRIGGER document_versions_search_text")
        conn.execute("UPDATE document_versions SET search_keys = NULL WHERE version_id > 20")
        conn.execute("ALTER TABLE document_versions ENABLE TRIGGER document_versions_search_text")
        conn.execute("DELETE FROM _yoyo_migration WHERE migration_id = '0220_index_search_keys'"
                     " OR migration_id LIKE '0400%'")  # 0400 again too: 0220 brings back its trigger
    assert migrate.apply_migrations(url_before_keys) == ["0220_index_search_keys", "0400_search_absence_keys"]
    with psycopg.connect(url_before_keys) as conn:
        assert conn.execute(check.format("fw_document_keys")).fetchone()[:2] == (len(texts) - 1, len(texts) - 1)
        conn.execute("SET enable_seqscan = off")
        term = conn.execute("SELECT substr(search_text, 5, 3) FROM document_versions WHERE version_id = 7").fetchone()[0]
        found = "SELECT array_agg(version_id ORDER BY version_id) FROM document_versions WHERE "
        like = conn.execute(found + "strpos(search_text, %s) > 0", [term]).fetchone()[0]
        assert conn.execute(found + "fw_contains(search_keys, search_text, %s)", [term]).fetchone()[0] == like
        assert 7 in like


def test_absence_keys_backfilled_and_rerun(url_before_absence_keys):
    """Versions stored before 0400 get their absence keys; an interrupted run goes on; search with
    an excluded common key then equals the LIKE scan."""
    rng = random.Random(5)
    url = url_before_absence_keys
    common = ["创新", "发展", "技术"]
    texts = [random_text(rng, 120) + "".join(rng.sample(common, rng.randint(0, 3))) + "未来产业" for _ in range(40)]
    with psycopg.connect(url) as conn:
        store(conn, texts)
        assert conn.execute("SELECT count(*) FROM document_versions WHERE search_keys && ARRAY[1, 2, 38]"
                            ).fetchone()[0] == 0
    assert migrate.apply_migrations(url)[-1] >= "0400"
    check = "SELECT count(*) FILTER (WHERE search_keys = fw_document_keys(search_text)), count(*) FROM document_versions"
    with psycopg.connect(url) as conn:
        assert conn.execute(check).fetchone() == (len(texts), len(texts))
        conn.execute("ALTER TABLE document_versions DISABLE TRIGGER document_versions_search_text")
        conn.execute("UPDATE document_versions SET search_keys = fw_search_keys(search_text) WHERE version_id > 25")
        conn.execute("ALTER TABLE document_versions ENABLE TRIGGER document_versions_search_text")
        conn.execute("DELETE FROM _yoyo_migration WHERE migration_id LIKE '0400%'")
    assert [m for m in migrate.apply_migrations(url) if m.startswith("04")][0].startswith("0400")
    with psycopg.connect(url) as conn:
        assert conn.execute(check).fetchone() == (len(texts), len(texts))
        for term in common:
            lacking = [i for i, t in enumerate(texts, start=1) if term not in t]
            found = conn.execute("SELECT array_agg(version_id ORDER BY version_id) FROM fw_search(%s, 1000)",
                                 [f"未来产业 -{term}"]).fetchone()[0]
            assert found == lacking and 0 < len(lacking) < len(texts), term

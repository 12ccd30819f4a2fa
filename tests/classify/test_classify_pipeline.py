"""Taxonomy versions, archive (re)classification, evidence offsets and the entity registry
on a real PostgreSQL."""

from datetime import datetime, timezone
from pathlib import Path

import yaml

from futurewatch.core.termmatch import match_form as normalize
from classify.pipeline import classify_pending
from futurewatch.core.db import connect
from classify.taxonomy import load_taxonomy
from futurewatch.core.taxonomy import DEFAULT_PATH

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "classify_gold" / "seeds" / "004_62d6dbd39365176f.txt"


def insert_version(conn, key, title, text, published):
    conn.execute("INSERT INTO sources (source_id, name, kind) VALUES ('c114', 'C114', 'news') ON CONFLICT DO NOTHING")
    doc = conn.execute(
        "INSERT INTO documents (doc_key, source_id, canonical_url) VALUES (%(k)s, 'c114', %(u)s) RETURNING document_id",
        {"k": key, "u": f"https://example.test/{key}"}).fetchone()["document_id"]
    vid = conn.execute(
        """INSERT INTO document_versions (document_id, version_no, title, text, published_at, content_hash, parser)
           VALUES (%(d)s, 1, %(t)s, %(x)s, %(p)s, %(h)s, 'test.V1') RETURNING version_id""",
        {"d": doc, "t": title, "x": text, "p": published, "h": key}).fetchone()["version_id"]
    conn.execute("UPDATE documents SET current_version_id = %(v)s WHERE document_id = %(d)s", {"v": vid, "d": doc})
    return vid


def seed_archive(db_url):
    with connect(db_url) as conn, conn.transaction():
        return [
            insert_version(conn, "a", "广东发布未来电子信息行动计划", SEED.read_text(encoding="utf-8"),
                           datetime(2024, 2, 9, 10, tzinfo=timezone.utc)),
            insert_version(conn, "b", "鹏城实验室发布6G成果", "鹏城实验室在深圳完成太赫兹通信试验。",
                           datetime(2023, 5, 1, 2, tzinfo=timezone.utc)),
            insert_version(conn, "c", "中秋月饼价格回落", "今年月饼礼盒价格普遍回落。", None),
        ]


def test_load_taxonomy_twice_gives_one_version(db_url):
    first = load_taxonomy(db_url)
    assert load_taxonomy(db_url) == first
    with connect(db_url) as conn:
        assert conn.execute("SELECT count(*) AS n FROM taxonomy_versions").fetchone()["n"] == 1
        cats = conn.execute("SELECT count(*) AS n FROM categories WHERE taxonomy_version_id = %(v)s", {"v": first}).fetchone()
        terms = conn.execute("SELECT count(*) AS n FROM category_terms WHERE role = 'exclusion'").fetchone()
    assert cats["n"] >= 25 and terms["n"] > 0


def test_classify_pending_writes_labels_evidence_and_entities(db_url):
    ids = seed_archive(db_url)
    summary = classify_pending(db_url, batch_size=2)
    assert summary.classified == 3 and summary.batches == 2
    assert classify_pending(db_url).classified == 0   # idempotent: nothing left
    with connect(db_url) as conn:
        rows = conn.execute("""SELECT c.code, c.evidence, dv.title, dv.text FROM classifications c
                               JOIN document_versions dv USING (version_id) WHERE version_id = %(v)s""",
                            {"v": ids[0]}).fetchall()
        assert {"quantum", "next_gen_network", "xr"} <= {r["code"] for r in rows}
        for row in rows:
            for ev in row["evidence"]:
                source = row["title"] if ev["field"] == "title" else row["text"]
                assert normalize(source[ev["start"]:ev["end"]]).text == normalize(ev["term"]).text
        assert conn.execute("SELECT count(*) AS n FROM classifications WHERE version_id = %(v)s",
                            {"v": ids[2]}).fetchone()["n"] == 0
        ent = conn.execute("SELECT entity_id, first_seen_on FROM entities WHERE type = 'org' AND canonical = '鹏城实验室'").fetchone()
        assert str(ent["first_seen_on"]) == "2023-05-01"   # earliest published day, not the later document's
        doc = conn.execute("SELECT first_seen_on FROM entities WHERE type = 'doc_number'").fetchone()
        assert str(doc["first_seen_on"]) == "2024-02-09"
        alias = conn.execute("SELECT alias FROM entity_aliases a JOIN entities e USING (entity_id) "
                             "WHERE e.canonical = '广东省工业和信息化厅'").fetchall()
        assert {"广东省工业和信息化厅", "省工业和信息化厅"} <= {r["alias"] for r in alias}
        daily = conn.execute("SELECT day, mentions FROM v_entity_mentions_daily WHERE entity_id = %(e)s ORDER BY day",
                             {"e": ent["entity_id"]}).fetchall()
        assert [str(r["day"]) for r in daily] == ["2023-05-01", "2024-02-09"]


def test_new_taxonomy_version_reclassifies_the_archive(db_url, tmp_path):
    ids = seed_archive(db_url)
    first = classify_pending(db_url).taxonomy_version_id
    data = yaml.safe_load(DEFAULT_PATH.read_text(encoding="utf-8"))
    data["codes"]["labs"] = {"name_zh": "国家实验室", "terms": ["鹏城实验室"]}  # a code stage 2 never saw
    edited = tmp_path / "taxonomy.yaml"
    edited.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    second = load_taxonomy(db_url, edited)
    assert second != first
    partial = classify_pending(db_url, limit=1)              # resumable: stop after one version
    assert partial.taxonomy_version_id == second and partial.classified == 1
    rest = classify_pending(db_url)
    assert rest.classified == 2
    with connect(db_url) as conn:
        codes = conn.execute("SELECT code FROM v_current_classifications WHERE version_id = %(v)s",
                             {"v": ids[1]}).fetchall()
        runs = conn.execute("SELECT count(*) AS n FROM classification_runs WHERE taxonomy_version_id = %(t)s",
                            {"t": second}).fetchone()
    assert "labs" in {r["code"] for r in codes} and runs["n"] == 3


def store_renamed_taxonomy(db_url, folder, tag):
    """The packaged taxonomy under another version name: every version pending, the same labels."""
    data = yaml.safe_load(DEFAULT_PATH.read_text(encoding="utf-8"))
    data["version"] = f"{data['version']}-{tag}"
    edited = folder / f"taxonomy-{tag}.yaml"
    edited.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return load_taxonomy(db_url, edited)


MENTIONS = "SELECT version_id, entity_id, field, start_offset, end_offset, surface FROM entity_mentions ORDER BY 1, 2, 3, 4"


def test_reclassifying_with_entities_adds_the_missing_mentions_and_keeps_the_stored_ones(db_url, tmp_path):
    """Forced extraction (`reclassify --entities`) reads the stored mention keys back and sends only
    new rows: the rows afterwards are those of the first classification, whatever was missing in
    between. Without it the current extractor's mentions are trusted: the missing stay missing."""
    seed_archive(db_url)
    classify_pending(db_url)
    with connect(db_url) as conn, conn.transaction():
        full = conn.execute(MENTIONS).fetchall()
        deleted = conn.execute("DELETE FROM entity_mentions WHERE start_offset % 2 = 0").rowcount
    assert len(full) > 10 and 0 < deleted < len(full)
    store_renamed_taxonomy(db_url, tmp_path, "kept")
    kept = classify_pending(db_url)
    assert kept.mentions == 0 and kept.entities_kept == 3
    with connect(db_url) as conn:
        assert len(conn.execute(MENTIONS).fetchall()) == len(full) - deleted
    store_renamed_taxonomy(db_url, tmp_path, "forced")
    forced = classify_pending(db_url, force_entities=True)
    assert forced.mentions == len(full) and forced.entities_kept == 0
    with connect(db_url) as conn:
        assert conn.execute(MENTIONS).fetchall() == full

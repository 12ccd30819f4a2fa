"""The CLI contract: `futurewatch classify --jsonl`, `taxonomy load`, `eval`."""

import io
import json
import os
import random
import select
import subprocess
import sys

from typer.testing import CliRunner

from classify.classifier import default_classifier
from futurewatch.app.cli import app
from futurewatch.app.commands import classify as classify_cmd
from futurewatch.app.commands.classify import InputLines, ready_batches
from tests.classify.corpus_rows import corpus_rows


def test_classify_jsonl_contract_in_order():
    lines = [
        {"id": "x1", "title": "廣東加快發展量子科技", "text": "省工信厅表示，到2030年投入1500亿元。"},
        {"id": 2, "title": "月饼", "text": "中秋月饼礼盒价格回落。"},
        {"id": "x3", "title": "人形机器人", "text": "宇树科技发布新品。"},
    ]
    stdin = "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\nnot json\n"
    result = CliRunner().invoke(app, ["classify", "--jsonl"], input=stdin)
    out = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [o["id"] for o in out] == ["x1", 2, "x3", None]
    assert out[3]["error"].startswith("line 4")
    assert result.exit_code == 1
    first = out[0]
    assert first["categories"][0]["code"] == "quantum"
    ev = first["categories"][0]["evidence"][0]
    assert set(ev) == {"term", "field", "start", "end"} and ev["field"] == "title"
    assert lines[0]["title"][ev["start"]:ev["end"]] == "量子科技"
    assert {"type": "org", "text": "省工信厅", "canonical": "广东省工业和信息化厅"} in first["entities"]
    assert {e["type"] for e in first["entities"]} >= {"org", "place", "target_year", "money"}
    assert out[1]["categories"] == []


def test_classify_jsonl_streams_through_the_real_command():
    n = 2000
    payload = "".join(json.dumps({"id": i, "title": "低空经济", "text": "无人机物流。"}) + "\n" for i in range(n))
    proc = subprocess.run([sys.executable, "-c", "from futurewatch.app.cli import run_cli; run_cli()", "classify", "--jsonl"],
                          input=payload.encode(), capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr.decode()
    out = proc.stdout.decode().splitlines()
    assert len(out) == n and json.loads(out[-1])["id"] == n - 1
    assert json.loads(out[0])["categories"][0]["code"] == "low_altitude"


def test_classify_jsonl_answers_each_line_before_the_next_is_sent():
    """A caller that waits for each answer gets it: a batch never waits for more input."""
    proc = subprocess.Popen([sys.executable, "-c", "from futurewatch.app.cli import run_cli; run_cli()", "classify",
                             "--jsonl"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        for i in range(3):
            proc.stdin.write((json.dumps({"id": i, "title": "低空经济", "text": "无人机物流。"}) + "\n").encode())
            proc.stdin.flush()
            assert select.select([proc.stdout], [], [], 120)[0], f"no answer to line {i + 1}"   # a hang guard
            assert json.loads(proc.stdout.readline())["id"] == i
        proc.stdin.close()
        assert proc.wait(timeout=120) == 0 and proc.stdout.read() == b""
    finally:
        proc.kill()


def test_lines_waiting_are_batched_and_a_batch_classifies_as_one_call_each():
    lines = list(enumerate("abcdefghijklmnopqrst", 1))
    batches = list(ready_batches(iter(lines), lambda: True, size=8))
    assert [len(b) for b in batches] == [8, 8, 4] and [x for b in batches for x in b] == lines
    clf = default_classifier()
    docs = [("廣東加快發展量子科技", "省工信厅表示，到2030年投入1500亿元。"), ("", ""), ("月饼", "中秋月饼礼盒价格回落。"),
            ("人形机器人", "宇树科技发布新品。\x00低空经济")]
    assert clf.classify_batch(docs) == [clf.classify(t, x) for t, x in docs]
    assert clf.classify_batch(docs, entities=False) == [clf.classify(t, x, entities=False) for t, x in docs]


def test_lines_already_read_ahead_are_batched_though_the_pipe_is_empty():
    """Three lines sent in one write: the first read takes them all, so they are one batch, and
    the batch ends there (the pipe is open but has nothing more)."""
    read_end, write_end = os.pipe()
    try:
        os.write(write_end, b"".join(b'{"id": %d}\n' % i for i in range(3)))
        with os.fdopen(read_end, "rb") as stream:
            lines = InputLines(stream, 1000)
            batches = ready_batches(enumerate(lines, 1), lines.waiting, size=8)
            first = next(batches)
            assert [n for n, _ in first] == [1, 2, 3] and first[2][1] == (b'{"id": 2}\n', 10)
            assert not lines.waiting()
            os.write(write_end, b'{"id": 3}\n')
            assert lines.waiting() and [n for n, _ in next(batches)] == [4]
    finally:
        os.close(write_end)


def test_input_lines_keep_the_line_limit_across_reads(monkeypatch):
    """Random lines around the limit, read in pieces of several sizes: each line as it is, or
    None and its length when it is over the limit (its newline aside), the last one with or
    without a newline."""
    rng = random.Random(7)
    limit = 12
    for read_bytes in (1, 5, 13, 64):
        monkeypatch.setattr(classify_cmd, "READ_BYTES", read_bytes)
        for _ in range(50):
            lines = [bytes(rng.choice(b"ab{}") for _ in range(rng.choice([0, 1, 11, 12, 13, 14, 40]))) + b"\n"
                     for _ in range(rng.randint(0, 6))]
            if lines and rng.random() < 0.5:
                lines[-1] = lines[-1][:-1] or b"x"
            expected = [(line if len(line.rstrip(b"\n")) <= limit else None, len(line)) for line in lines]
            assert list(InputLines(io.BytesIO(b"".join(lines)), limit)) == expected, (read_bytes, lines)


def test_taxonomy_load_and_eval_commands(fw_env):
    runner = CliRunner()
    first = runner.invoke(app, ["taxonomy", "load"])
    again = runner.invoke(app, ["taxonomy", "load"])
    assert first.exit_code == 0 and first.stdout.strip() == again.stdout.strip()
    result = runner.invoke(app, ["eval", "--json"])
    assert result.exit_code == 0
    reports = json.loads(result.stdout)
    for stage in ("stage1", "stage2"):
        report = reports["gold"][stage]
        assert report["documents"] >= 85 and 0 < report["micro"]["f1"] <= 1
    assert reports["gold"]["stage1"]["micro"] != reports["gold"]["stage2"]["micro"]


def test_eval_reports_a_corpus_split_side_by_side_with_negatives_by_genre(tmp_path):
    """A two-item corpus: one industry text, one consumer text that only borrows a track's word."""
    items = [
        {"id": "c1", "title": "量子计算企业完成融资", "text": "量子计算企业宣布完成新一轮融资，将扩大研发团队与产能。",
         "codes": ["quantum"], "genre": "industry_news", "split": "dev"},
        {"id": "c2", "title": "", "text": "这款手机售价3999元起，搭载新一代芯片，拍照和续航表现出色，开箱测评见下文。",
         "codes": [], "genre": "consumer", "split": "dev"},
        {"id": "c3", "title": "不读的测试项", "text": "量子", "codes": [], "genre": "other", "split": "test"},
    ]
    (tmp_path / "items_x.jsonl").write_text(corpus_rows(*items), encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "--corpus", str(tmp_path), "--split", "dev", "--json"])
    assert result.exit_code == 0, result.output
    corpus = json.loads(result.stdout)["corpus dev"]
    assert corpus["stage1"]["documents"] == corpus["stage2"]["documents"] == 2
    assert corpus["stage2"]["per_code"]["quantum"]["tp"] == 1
    assert set(corpus["stage2"]["negatives"]["by_genre"]) == {"consumer"}
    table = CliRunner().invoke(app, ["eval", "--corpus", str(tmp_path), "--split", "dev"]).stdout
    assert "corpus dev (2)" in table and "negatives with any label, by genre, corpus dev" in table
    assert max(len(line) for line in table.splitlines()) <= 80


def test_classify_jsonl_bad_bytes_and_bom_fail_only_their_own_line():
    payload = ("\ufeff" + json.dumps({"id": 1, "title": "量子计算", "text": ""}, ensure_ascii=False) + "\n").encode()
    payload += b'{"id": 2, "title": "\xff\xfe", "text": ""}\n'
    payload += (json.dumps({"id": 3, "title": "低空经济", "text": ""}, ensure_ascii=False) + "\n").encode()
    proc = subprocess.run([sys.executable, "-c", "from futurewatch.app.cli import run_cli; run_cli()", "classify", "--jsonl"],
                          input=payload, capture_output=True, timeout=120)
    out = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert [o["id"] for o in out] == [1, None, 3]
    assert out[1]["error"] == "line 2: not valid UTF-8"
    assert out[0]["categories"][0]["code"] == "quantum" and out[2]["categories"][0]["code"] == "low_altitude"
    assert proc.returncode == 1 and b"Traceback" not in proc.stderr


def test_classify_jsonl_oversized_line_is_one_error_and_memory_stays_bounded():
    """A 40 MB line through the real command: its own error line, the stream goes on, and the
    peak RSS stays far below the line's size (read in pieces of at most the 1 MiB limit)."""
    big = json.dumps({"id": "big", "title": "量子", "text": "量子计算" * 3_500_000}, ensure_ascii=False)
    assert len(big.encode()) > 40_000_000
    payload = (json.dumps({"id": 1, "title": "量子计算产业", "text": "量子计算企业融资扩产。"}, ensure_ascii=False) + "\n"
               + big + "\n" + json.dumps({"id": 3, "title": "低空经济", "text": "无人机物流企业落地。"}, ensure_ascii=False) + "\n")
    code = ("import sys\nfrom futurewatch.app.cli import run_cli\ntry:\n    run_cli()\nfinally:\n"
            "    hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1]\n"
            "    print('maxrss', hwm, file=sys.stderr)")  # VmHWM restarts at exec (ru_maxrss would not)
    proc = subprocess.run([sys.executable, "-c", code, "classify", "--jsonl"],
                          input=payload.encode(), capture_output=True, timeout=120)
    out = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert [o["id"] for o in out] == [1, None, 3]
    assert out[1]["error"].startswith("line 2: line of ") and "over the 1,048,576-byte limit" in out[1]["error"]
    assert out[0]["categories"][0]["code"] == "quantum" and out[2]["categories"][0]["code"] == "low_altitude"
    assert proc.returncode == 1 and b"Traceback" not in proc.stderr
    maxrss_kb = int(proc.stderr.decode().split("maxrss")[-1])
    assert maxrss_kb < 200_000, maxrss_kb   # the line alone is 42 MB; decoding it would take far more


def test_eval_scores_another_revisions_classifier_on_the_same_items(tmp_path):
    """--before REV runs that revision's own code and weights (git archive) in the same run."""
    items = [{"id": "c1", "title": "量子计算企业完成融资", "text": "量子计算企业宣布完成新一轮融资，将扩大研发团队与产能。",
              "codes": ["quantum"], "genre": "industry_news", "split": "dev"}]
    (tmp_path / "items_x.jsonl").write_text(corpus_rows(*items), encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "--corpus", str(tmp_path), "--split", "dev", "--before", "HEAD", "--json"])
    assert result.exit_code == 0, result.output
    reports = json.loads(result.stdout)
    for name, documents in (("gold", 97), ("corpus dev", 1)):
        assert list(reports[name]) == ["stage1", "before", "stage2"]
        assert reports[name]["before"]["documents"] == reports[name]["stage2"]["documents"] >= documents
    assert reports["corpus dev"]["before"]["per_code"]["quantum"]["tp"] == 1
    bad = CliRunner().invoke(app, ["eval", "--before", "no-such-revision"])
    assert bad.exit_code == 2 and "git archive failed" in bad.output


def test_taxonomy_reclassify_keeps_stored_entities_unless_asked(fw_env, db_url, tmp_path):
    from tests.classify.test_classify_pipeline import seed_archive, store_renamed_taxonomy

    seed_archive(db_url)
    runner = CliRunner()
    first = runner.invoke(app, ["taxonomy", "reclassify", "--workers", "1"])
    assert first.exit_code == 0 and "classified 3 versions" in first.stdout
    store_renamed_taxonomy(db_url, tmp_path, "cli")
    kept = runner.invoke(app, ["taxonomy", "reclassify", "--workers", "1"])
    assert kept.exit_code == 0 and "0 entity mentions (3 versions kept their stored entities)" in kept.stdout
    store_renamed_taxonomy(db_url, tmp_path, "cli-entities")
    forced = runner.invoke(app, ["taxonomy", "reclassify", "--workers", "1", "--entities"])
    assert forced.exit_code == 0 and "(0 versions kept their stored entities)" in forced.stdout


def test_taxonomy_reclassify_on_two_workers_counts_progress_to_the_end(fw_env, db_url):
    from tests.classify.test_classify_parallel import seed

    seed(db_url, 60)
    result = CliRunner().invoke(app, ["taxonomy", "reclassify", "--workers", "2", "--batch-size", "10"])
    assert result.exit_code == 0 and "classified 60 versions" in result.stdout
    assert "reclassify: 60/60 versions" in result.stderr   # the progress lines (a bar on a terminal)

"""The CLI contract: `futurewatch classify --jsonl`, `taxonomy load`, `eval`."""

import json
import subprocess
import sys

from typer.testing import CliRunner

from futurewatch.cli import app


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
    proc = subprocess.run([sys.executable, "-c", "from futurewatch.cli import run_cli; run_cli()", "classify", "--jsonl"],
                          input=payload.encode(), capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr.decode()
    out = proc.stdout.decode().splitlines()
    assert len(out) == n and json.loads(out[-1])["id"] == n - 1
    assert json.loads(out[0])["categories"][0]["code"] == "low_altitude"


def test_taxonomy_load_and_eval_commands(fw_env):
    runner = CliRunner()
    first = runner.invoke(app, ["taxonomy", "load"])
    again = runner.invoke(app, ["taxonomy", "load"])
    assert first.exit_code == 0 and first.stdout.strip() == again.stdout.strip()
    result = runner.invoke(app, ["eval", "--json"])
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["documents"] >= 85 and 0 < report["micro"]["f1"] <= 1


def test_classify_jsonl_bad_bytes_and_bom_fail_only_their_own_line():
    payload = ("\ufeff" + json.dumps({"id": 1, "title": "量子计算", "text": ""}, ensure_ascii=False) + "\n").encode()
    payload += b'{"id": 2, "title": "\xff\xfe", "text": ""}\n'
    payload += (json.dumps({"id": 3, "title": "低空经济", "text": ""}, ensure_ascii=False) + "\n").encode()
    proc = subprocess.run([sys.executable, "-c", "from futurewatch.cli import run_cli; run_cli()", "classify", "--jsonl"],
                          input=payload, capture_output=True, timeout=120)
    out = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert [o["id"] for o in out] == [1, None, 3]
    assert out[1]["error"] == "line 2: not valid UTF-8"
    assert out[0]["categories"][0]["code"] == "quantum" and out[2]["categories"][0]["code"] == "low_altitude"
    assert proc.returncode == 1 and b"Traceback" not in proc.stderr

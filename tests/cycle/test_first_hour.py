"""The first hour, as a newcomer meets it: the demo through the real command (a subprocess, stderr
not a terminal), its silence, its summary, exit codes, and the tables at 80 columns."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg
import pytest
from psycopg import sql
from typer.testing import CliRunner

from futurewatch.app.cli import app
from futurewatch.core.db import with_database
from tests.conftest import TEMPLATE

PROJECT = Path(__file__).resolve().parents[2]
DEMO_SOURCES = "gd_gov,govcn,c114"  # gd_gov and govcn serve the mirror's PDF/DOCX attachments


def cli(env: dict, *args: str, columns: int = 80):
    """The `futurewatch` command in this process (faster than a subprocess; stdout is not a TTY)."""
    result = CliRunner().invoke(app, list(args), env=env | {"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    return result


def futurewatch(env: dict, *args: str, columns: int = 80) -> subprocess.CompletedProcess:
    """The `futurewatch` command as a user runs it, with stdout and stderr captured (not a TTY)."""
    return subprocess.run([sys.executable, "-c", "from futurewatch.app.cli import run_cli; run_cli()", *args],
                          env=env | {"COLUMNS": str(columns)}, cwd=PROJECT, capture_output=True, text=True,
                          timeout=240)


@pytest.fixture(scope="module")
def demo(pg_admin_url, template_url, tmp_path_factory):
    """(env, completed run): one offline cycle of three sources into a database of this module."""
    name = f"fw_firsthour_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(pg_admin_url, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(sql.Identifier(name), sql.Identifier(TEMPLATE)))
    home = tmp_path_factory.mktemp("home")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SMTP_", "FUTUREWATCH_"))}
    env |= {"DATABASE_URL": with_database(pg_admin_url, name), "FUTUREWATCH_HOME": str(home),
            "PYTHONPATH": os.pathsep.join(filter(None, [str(PROJECT), os.environ.get("PYTHONPATH")]))}
    yield env, futurewatch(env, "run", "--offline", "--sources", DEMO_SOURCES)
    with psycopg.connect(pg_admin_url, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def assert_fits(output: str, width: int = 80) -> None:
    wide = [line for line in output.splitlines() if len(line.rstrip()) > width]
    assert not wide, "\n".join(wide)


def test_demo_is_quiet_and_ends_with_where_its_results_are(demo):
    env, run = demo
    assert run.returncode == 0, run.stdout + run.stderr
    assert "WARNING" not in run.stderr and "ERROR" not in run.stderr, run.stderr
    last = run.stdout.strip().splitlines()[-2:]
    dbname = env["DATABASE_URL"].rsplit("/", 1)[1].split("?")[0]
    assert last[0].startswith("database: ") and last[0].endswith("/" + dbname)
    assert last[1].startswith(f"outbox: {Path(env['FUTUREWATCH_HOME']).resolve() / 'outbox'} (")
    written = int(re.search(r"\((\d+) digest\(s\) written\)$", last[1]).group(1))
    assert written >= 1 and len(list((Path(env["FUTUREWATCH_HOME"]) / "outbox").glob("*.eml"))) == written
    assert "2 demo subscriber(s) loaded (offline demo)" in run.stdout


def test_demo_progress_is_plain_lines_off_a_terminal(demo):
    _, run = demo
    lines = run.stderr.splitlines()
    for source in DEMO_SOURCES.split(","):
        final = [line for line in lines if line.startswith(f"crawl {source}: listed ")]
        assert final and ", fetched " in final[-1] and ", new " in final[-1], run.stderr
    assert any(line.startswith("process: ") and line.endswith(" pages") for line in lines), run.stderr
    assert any(line.startswith("classify: ") for line in lines), run.stderr
    assert "\x1b[" not in run.stderr  # no terminal control codes in a log


@pytest.mark.parametrize("command", [["sources"], ["alerts", "list"], ["alerts", "outbox"], ["search", "未来产业"]])
def test_tables_fit_80_columns_with_ids_whole(demo, command):
    env, _ = demo
    out = cli(env, *command)
    assert_fits(out.stdout)
    records = json.loads(cli(env, *command, "--json").stdout)
    assert records
    id_key = {"sources": "source_id", "alerts": "email", "search": "source_id"}[command[0]]
    for record in records:
        assert record[id_key] in out.stdout  # never cut, never wrapped
    if command == ["alerts", "outbox"]:
        assert all(f" {r['digest_id']} " in out.stdout for r in records)
    if command[0] == "sources":
        assert "times in Asia/Shanghai" in out.stdout


def test_wide_shows_every_column(demo):
    env, _ = demo
    narrow = cli(env, "alerts", "outbox").stdout
    hidden = narrow.split("not shown: ", 1)[1].split(" (--wide")[0].split(", ")
    assert hidden and hidden[0]
    wide = cli(env, "alerts", "outbox", "--wide").stdout
    header = wide.splitlines()[1]
    assert "not shown" not in wide and all(name.split()[0] in header for name in hidden), wide


def test_search_json_carries_the_table_fields(demo):
    env, _ = demo
    hits = json.loads(cli(env, "search", "量子", "--json").stdout)
    assert hits
    for hit in hits:
        assert {"title", "source_id", "source", "published_at", "snippet", "hit", "url", "document_id"} <= set(hit)
        assert hit["source"] and hit["title"]
        assert hit["published_at"].endswith("+08:00")  # shown in the display zone, with its offset
        assert hit["hit"] and hit["hit"] in hit["snippet"]
    table = cli(env, "search", "量子").stdout
    assert hits[0]["source_id"] in table and hits[0]["published_at"][:10] in table and "snippet" in table


def test_no_reachable_source_exits_3_and_says_so(demo):
    env, _ = demo
    with socket.socket() as probe:  # a loopback port nothing listens on
        probe.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{probe.getsockname()[1]}"
    run = futurewatch(env | {"FUTUREWATCH_MIRROR_URL": dead}, "run", "--offline", "--sources", "takungpao")
    assert run.returncode == 3, run.stdout + run.stderr
    assert "error: no source could be reached" in run.stderr
    assert "NONE could be crawled" in run.stdout and "none reached" in run.stdout
    assert run.stdout.strip().splitlines()[-1].startswith("outbox: ")
    crawl = CliRunner().invoke(app, ["crawl", "takungpao", "--mirror", dead], env=env | {"COLUMNS": "80"})
    assert crawl.exit_code == 3 and "no source could be reached" in crawl.output, crawl.output


def test_help_has_no_type_noise():
    out = futurewatch(dict(os.environ, PYTHONPATH=str(PROJECT)), "run", "--help")
    assert out.returncode == 0 and "--offline" in out.stdout
    assert "<bool>" not in out.stdout and "<str>" not in out.stdout
    parse = futurewatch(dict(os.environ, PYTHONPATH=str(PROJECT)), "parse", "--help")
    assert "FILE" in parse.stdout and "stored page" not in parse.stdout


def test_the_module_runs_the_command():
    """`python -m futurewatch.app.cli` is the `futurewatch` command (run_cli: errors as one line)."""
    env = dict(os.environ, PYTHONPATH=str(PROJECT), COLUMNS="80")
    help_ = subprocess.run([sys.executable, "-m", "futurewatch.app.cli", "--help"], env=env, cwd=PROJECT,
                           capture_output=True, text=True, timeout=120)
    assert help_.returncode == 0, help_.stderr
    assert "Watch Chinese news and policy" in help_.stdout and "classify" in help_.stdout
    bad = subprocess.run([sys.executable, "-m", "futurewatch.app.cli", "db", "status"], cwd=PROJECT,
                         env=env | {"FUTUREWATCH_ALERT_WORKERS": "two"}, capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and bad.stderr.startswith("error: FUTUREWATCH_ALERT_WORKERS"), bad.stderr

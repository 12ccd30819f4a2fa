"""Chaos: each fault of issue 12 reproduced against real parts, and shown to be survived.

Faults: a killed process's stale locks; two runs at once; bad subscriber input; huge rule terms
and search queries; one bad recipient among many; names resolving to private addresses; killed
parents of crawl processes; `db stop` with stale handles; an embedded server that trusted
everyone; AUTH in clear; world-readable files; SECURITY DEFINER search paths.
docs/operations.md has the table: fault → what happens → what ops do.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from datetime import datetime, timezone

import psutil
import psycopg
import pytest

from alerts.digest import build_due_digests
from alerts.events import match_events
from crawlers.resolver import guarded_addresses
from crawlers.stale_runs import abandon_stale_runs
from crawlers.urls import is_private_host
from futurewatch.core.config import load_settings
from futurewatch.core.db import connect
from futurewatch.core.locks import RUN_LOCK, run_lock
from tests.alerts import archive as A
from tests.chaos.helpers import (FUTUREWATCH, LoopbackServer, cli, crawl_children, env_with, free_port, kill9, probe_crawl,
                                 seed_quantum_page, silent_server, spawn_python, wait_until, write_subscribers)

HOLD_MIGRATION_LOCK = """
import time
from futurewatch.core.migrate import _backend
with _backend({url!r}):
    print("READY", flush=True)
    time.sleep(120)
"""


HOLD_RUN_LOCK = """
import time
from futurewatch.core.locks import run_lock
with run_lock({url!r}):
    print("READY", flush=True)
    time.sleep(120)
"""


def yoyo_rows(db_url: str) -> list[dict]:
    with connect(db_url) as conn:
        return conn.execute("SELECT pid FROM yoyo_lock").fetchall()


# --- 1. locks that die with their holder ----------------------------------------------------------

def test_migrate_proceeds_after_the_lock_holder_is_killed(fw_env):
    holder = spawn_python(HOLD_MIGRATION_LOCK.format(url=fw_env.db_url))
    assert [r["pid"] for r in yoyo_rows(fw_env.db_url)] == [holder.pid]
    kill9(holder)  # killed while migrating: its yoyo lock row stays behind
    result = cli("db", "migrate", timeout=60)
    assert result.returncode == 0, result.stderr
    assert "applied 0 migration(s)" in result.stdout
    assert yoyo_rows(fw_env.db_url) == []


def test_a_run_killed_while_migrating_does_not_stop_the_next_run(fw_env):
    first = subprocess.Popen([str(FUTUREWATCH), "run", "--offline", "--sources", "nanfang"], env=env_with(),
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with connect(fw_env.db_url, autocommit=True) as conn:  # poll on one session: a migration is quick
        assert wait_until(lambda: conn.execute("SELECT 1 FROM yoyo_lock").fetchone(), timeout=30, step=0.0005)
        kill9(first)  # killed while it migrates
    assert yoyo_rows(fw_env.db_url)  # what stopped every later run before
    second = cli("run", "--offline", "--sources", "nanfang", timeout=300)
    assert second.returncode == 0, second.stdout[-2000:] + second.stderr[-2000:]
    assert yoyo_rows(fw_env.db_url) == []


def test_a_lock_row_of_a_dead_pid_does_not_stop_migrations(fw_env):
    with connect(fw_env.db_url) as conn:
        conn.execute("INSERT INTO yoyo_lock (locked, ctime, pid) VALUES (1, now(), 999999)")
    result = cli("db", "migrate", timeout=60)
    assert result.returncode == 0, result.stderr
    assert "stale yoyo lock row of pid 999999" in result.stderr


def advisory_holders(db_url: str) -> int:
    with connect(db_url) as conn:
        return conn.execute("SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = %(id)s",
                            {"id": RUN_LOCK}).fetchone()["n"]


def test_second_run_stops_with_one_line_and_a_killed_run_frees_the_lock(fw_env):
    holder = spawn_python(HOLD_RUN_LOCK.format(url=fw_env.db_url))
    try:
        second = cli("run", "--offline", "--sources", "nanfang", timeout=60)
        assert second.returncode == 4
        lines = second.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: a run is already in progress since ")
        assert f"(pid {holder.pid})" in lines[0] and "UTC" in lines[0]
    finally:
        kill9(holder)
    # the dead holder's lock goes with its session, once the server has seen the connection drop
    assert wait_until(lambda: not advisory_holders(fw_env.db_url)), "the killed holder's lock was never freed"
    with run_lock(fw_env.db_url):
        held = advisory_holders(fw_env.db_url)
    assert held == 1


def test_db_unlock_names_the_holders_and_clears_stale_rows(fw_env):
    with connect(fw_env.db_url) as conn:
        conn.execute("INSERT INTO yoyo_lock (locked, ctime, pid) VALUES (1, now(), 999998)")
    result = cli("db", "unlock", timeout=60)
    assert result.returncode == 0, result.stderr
    assert "removed 1 stale yoyo lock row(s)" in result.stdout and yoyo_rows(fw_env.db_url) == []
    hung = spawn_python(HOLD_RUN_LOCK.format(url=fw_env.db_url))
    try:
        shown = cli("db", "unlock", timeout=60)
        assert "run lock held since" in shown.stdout and f"(pid {hung.pid})" in shown.stdout
        ended = cli("db", "unlock", "--terminate", timeout=60)
        assert "ended the session holding the run lock" in ended.stdout
        with run_lock(fw_env.db_url):  # free although its process still lives
            assert hung.poll() is None
    finally:
        kill9(hung)


# --- 2. validation at the door -------------------------------------------------------------------

@pytest.mark.parametrize("email, expected", [
    ('"evil@example.com\\r\\nBcc: all@example.com"', "line break"),
    ('"a@example.com, b@example.com"', "not one plain address"),
    ('"Boss <boss@example.com>"', "not one plain address"),
])
def test_bad_addresses_are_refused_at_load_in_one_line(fw_env, tmp_path, email, expected):
    path = tmp_path / "subs.yaml"
    write_subscribers(path, email)
    result = cli("alerts", "load", str(path))
    assert result.returncode == 2
    lines = (result.stdout + result.stderr).strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0] and "subscriber #2" in lines[0] and expected in lines[0]
    with connect(fw_env.db_url) as conn:
        assert conn.execute("SELECT count(*) AS n FROM subscribers").fetchone()["n"] == 0  # nothing half-loaded


def test_a_megabyte_rule_term_is_refused_at_load(fw_env, tmp_path):
    path = tmp_path / "subs.yaml"
    write_subscribers(path, "big@example.com", query="x" * 1_000_000)
    result = cli("alerts", "load", str(path))
    lines = (result.stdout + result.stderr).strip().splitlines()
    assert result.returncode == 2 and len(lines) == 1
    assert "subscriber #2" in lines[0] and "'big'" in lines[0] and "the limit is 2000" in lines[0]


def test_a_megabyte_rule_term_in_the_database_is_skipped_at_match_time(fw_env):
    db = fw_env.db_url
    tv = A.add_taxonomy(db)
    ids = A.add_subscriber(db, "reader@example.com", [("q", "keyword", {"query": "量子"}),
                                                      ("huge", "keyword", {"query": "量" * 1_000_000})])
    seed_quantum_page(db, tv)
    code = f"""
from datetime import datetime, timezone
from pathlib import Path
from alerts.pipeline import match_events
from futurewatch.core.config import load_settings
print(match_events({db!r}, now=datetime.now(timezone.utc), settings=load_settings()))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env_with())
    assert out.returncode == 0, out.stderr[-2000:]  # no segfault (-11)
    assert f"skipping rule_id={ids['huge']}" in out.stderr and "the limit is 2000" in out.stderr
    assert len(A.events(db, ids["q"])) == 1  # the good rule still matched


def test_a_search_of_16666_or_terms_is_a_one_line_error(fw_env):
    query = " OR ".join(["ab"] * 16_666)  # 100 kB: under the 128 kB limit of one argv string
    result = cli("search", query, timeout=60)
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "the limit is" in result.stderr
    assert "Traceback" not in result.stderr
    many = cli("search", " ".join(f"词{i}" for i in range(40)), timeout=60)
    assert many.returncode == 2 and "40 terms; the limit is 32" in many.stderr


@pytest.mark.parametrize("query, message", [
    (" OR ".join(["ab"] * 16_666), "characters; the limit is 1000"),
    (" OR ".join(f"词{i}" for i in range(40)), "40 terms; the limit is 32"),
])
def test_fw_search_from_plain_sql_refuses_an_oversized_query_in_one_error(db_url, query, message):
    with psycopg.connect(db_url) as conn:
        with pytest.raises(psycopg.errors.InvalidParameterValue, match=message):
            conn.execute("SELECT * FROM fw_search(%s, 20)", (query,))


def test_a_bad_subscribers_file_leaves_the_loaded_rules_matching(fw_env, tmp_path, monkeypatch):
    db = fw_env.db_url
    tv = A.add_taxonomy(db)
    ids = A.add_subscriber(db, "reader@example.com", [("q", "keyword", {"query": "量子"})])
    seed_quantum_page(db, tv)
    path = tmp_path / "subs.yaml"
    write_subscribers(path, '"evil@example.com\\nBcc: all@example.com"')
    monkeypatch.setenv("FUTUREWATCH_SUBSCRIBERS", str(path))
    from alerts.pipeline import match_events as match_stage
    summary = match_stage(db, now=datetime.now(timezone.utc), settings=load_settings())
    assert any("subscribers file not loaded" in e and "subscriber #2" in e for e in summary.errors)
    assert len(A.events(db, ids["q"])) == 1


# --- 3. per-recipient isolation --------------------------------------------------------------------

def test_one_bad_recipient_does_not_stop_the_others(fw_env):
    db = fw_env.db_url
    tv = A.add_taxonomy(db)
    A.add_subscriber(db, "bad@example.com\r\nBcc: everyone@example.com", [("q", "keyword", {"query": "量子"})],
                     cadence="immediate")  # written around `alerts load`, as an old row would be
    A.add_subscriber(db, "good@example.com", [("q", "keyword", {"query": "量子"})], cadence="immediate")
    seed_quantum_page(db, tv)
    match_events(db, now=datetime.now(timezone.utc), settings=load_settings())
    result = cli("digest", "send", timeout=120)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "1 digest(s) failed" in result.stderr and "Traceback" not in result.stderr
    with connect(db) as conn:
        sent = conn.execute("SELECT s.email FROM deliveries dl JOIN digests d USING (digest_id) "
                            "JOIN subscribers s USING (subscriber_id) WHERE dl.status = 'sent'").fetchall()
        bad = conn.execute("SELECT last_error FROM subscribers WHERE email LIKE 'bad@%'").fetchone()
    assert [r["email"] for r in sent] == ["good@example.com"]
    assert "linefeed" in bad["last_error"] or "newline" in bad["last_error"] or "CR" in bad["last_error"]


def test_a_delivery_that_raises_fails_alone_and_the_next_one_is_sent(db_url, tmp_path):
    from alerts.send import deliver_pending
    from tests.alerts.digests import seed_digest_events, smtp_settings
    from tests.alerts.smtp_servers import Recorder, smtp_server

    now = seed_digest_events(db_url, email="first@example.com", spike=False)
    seed_digest_events(db_url, email="second@example.com", spike=False)
    settings = smtp_settings(tmp_path, 25)
    assert build_due_digests(db_url, now=now, settings=settings).built == 2
    with connect(db_url) as conn:  # a recipient that would smuggle a second RCPT onto the wire
        conn.execute("UPDATE deliveries SET recipient = 'first@example.com\r\nRCPT TO:<x@example.com>' "
                     "WHERE recipient = 'first@example.com'")
    server = Recorder()
    with smtp_server(server) as port:
        summary = deliver_pending(db_url, settings=smtp_settings(tmp_path, port))
    assert summary.failed == 1 and summary.sent == 1 and len(server.messages) == 1
    with connect(db_url) as conn:
        rows = {r["recipient"][:6]: r for r in conn.execute("SELECT recipient, status, last_error FROM deliveries")}
    assert rows["first@"]["status"] == "failed" and "line break" in rows["first@"]["last_error"]
    assert rows["second"]["status"] == "sent"


# --- 4. the guard on the resolved address ----------------------------------------------------------

def test_an_allowed_name_resolving_to_loopback_is_never_fetched():
    internal = LoopbackServer()
    try:
        result = probe_crawl(f"http://intranet.c114.com.cn:{internal.port}/admin",
                             {"intranet.c114.com.cn": "127.0.0.1"})
    finally:
        internal.close()
    assert internal.hits == [] and result["answered"] == []
    assert "resolves to loopback address 127.0.0.1" in result["failed"][0]


def test_a_redirect_to_a_name_resolving_to_loopback_is_refused():
    target = LoopbackServer()
    hop = LoopbackServer(redirect_to=f"http://metadata.c114.com.cn:{target.port}/latest/meta-data")
    try:
        result = probe_crawl(f"http://127.0.0.1:{hop.port}/start", {"metadata.c114.com.cn": "127.0.0.1"},
                             mirror=f"http://127.0.0.1:{hop.port}")  # the hop plays the mirror: the one exception
    finally:
        hop.close()
        target.close()
    assert hop.hits == ["/start"] and target.hits == []
    assert "refused_redirect" in result["failed"][0] and "resolves to loopback" in result["failed"][0]


def test_a_proxy_in_the_environment_cannot_carry_a_crawl_past_the_guard(monkeypatch):
    """A proxy resolves names itself, so the crawl ignores the environment's proxy variables."""
    internal, proxy = LoopbackServer(), LoopbackServer()
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY"):
        monkeypatch.setenv(name, f"http://127.0.0.1:{proxy.port}")
    monkeypatch.delenv("no_proxy", raising=False)
    monkeypatch.delenv("NO_PROXY", raising=False)
    try:
        result = probe_crawl(f"http://intranet.c114.com.cn:{internal.port}/admin",
                             {"intranet.c114.com.cn": "127.0.0.1"},
                             mirror=f"http://127.0.0.1:{proxy.port}")  # the proxy is reachable, as a real one is
    finally:
        internal.close()
        proxy.close()
    assert proxy.hits == [] and internal.hits == [] and result["answered"] == []
    assert "resolves to loopback address 127.0.0.1" in result["failed"][0]


@pytest.mark.parametrize("host", ["127.1", "0x7f000001", "2130706433", "0177.0.0.1", "localhost.", "[::1]",
                                  "100.64.0.1", "169.254.169.254", "[::ffff:127.0.0.1]", "[fe80::1]", "224.0.0.1"])
def test_every_numeric_form_of_a_private_address_is_blocked(host):
    assert is_private_host(host)


@pytest.mark.parametrize("address", ["169.254.169.254", "100.64.12.1", "10.1.2.3", "::1", "fd00::5", "0.0.0.0"])
def test_names_resolving_to_private_ranges_resolve_to_nothing(address):
    assert guarded_addresses("cdn.gd.gov.cn", 443, lambda h, p: [address], None) == []
    assert guarded_addresses("cdn.gd.gov.cn", 443, lambda h, p: ["203.0.113.9", address], None) == []
    assert guarded_addresses("www.gd.gov.cn", 443, lambda h, p: ["8.8.8.8"], None) == ["8.8.8.8"]


# --- 5. process hygiene -----------------------------------------------------------------------------

def test_a_killed_runner_takes_its_crawl_with_it_and_the_next_crawl_abandons_the_row(fw_env):
    hanging = silent_server()  # the "mirror" accepts and never answers: the crawl would run on
    port = hanging.getsockname()[1]
    runner = spawn_python(f"""
print("READY", flush=True)
from crawlers.runner import crawl_sources
from futurewatch.core.config import load_settings
crawl_sources({fw_env.db_url!r}, ["c114"], settings=load_settings(), mirror="http://127.0.0.1:{port}")
""")
    try:
        assert wait_until(lambda: crawl_children(runner.pid), timeout=30)
        child = crawl_children(runner.pid)[0]
        kill9(runner)
        assert wait_until(lambda: not child.is_running() or child.status() == psutil.STATUS_ZOMBIE, timeout=5)
    finally:
        hanging.close()
    with connect(fw_env.db_url, autocommit=True) as conn:
        assert conn.execute("SELECT status FROM crawl_runs").fetchone()["status"] == "running"
        marked = abandon_stale_runs(conn)
        row = conn.execute("SELECT status, error FROM crawl_runs").fetchone()
    assert len(marked) == 1 and row["status"] == "abandoned" and f"pid {runner.pid}" in row["error"]


def test_an_old_running_row_from_another_host_is_abandoned(fw_env):
    with connect(fw_env.db_url, autocommit=True) as conn:
        A.add_source(fw_env.db_url, "c114")
        conn.execute("INSERT INTO crawl_runs (source_id, run_key, started_at, owner_pid, owner_host) "
                     "VALUES ('c114', 'old', now() - interval '13 hours', 1, 'elsewhere'), "
                     "('c114', 'young', now() - interval '1 hour', 1, 'elsewhere')")
        abandon_stale_runs(conn)
        rows = {r["run_key"]: r["status"] for r in conn.execute("SELECT run_key, status FROM crawl_runs")}
    assert rows == {"old": "abandoned", "young": "running"}


def own_server_env(home, **extra) -> dict[str, str]:
    return {"FUTUREWATCH_HOME": str(home), "DATABASE_URL": "", **extra}


HOLD_SERVER = """
import time
from futurewatch.core.config import load_settings
from futurewatch.core.db import embedded_url
embedded_url(load_settings())
print("READY", flush=True)
time.sleep(120)
"""


def test_db_stop_says_why_not_then_stops_despite_stale_handles(own_home):
    env = own_server_env(own_home)
    user = spawn_python(HOLD_SERVER, **env)
    try:
        busy = cli("db", "stop", **env)
        assert busy.returncode == 1 and f"still in use by pid(s) {user.pid}" in busy.stdout
    finally:
        kill9(user)  # its handle stays in pgserver's list: the stale handle that made `stop` lie
    postmaster = int((own_home / "pgdata" / "postmaster.pid").read_text().split()[0])
    stopped = cli("db", "stop", **env)
    assert stopped.returncode == 0, stopped.stderr
    assert f"cleared 1 handle(s) of dead processes: {user.pid}" in stopped.stdout and "stopped" in stopped.stdout
    assert wait_until(lambda: not psutil.pid_exists(postmaster), timeout=10)


# --- 6. the embedded database ------------------------------------------------------------------------

def test_embedded_server_wants_passwords_and_serves_analysts_over_tcp(own_home):
    port = free_port()
    env = own_server_env(own_home, FUTUREWATCH_DB_LISTEN=f"127.0.0.1:{port}")
    assert cli("db", "migrate", **env).returncode == 0
    url = cli("db", "url", **env).stdout.strip()
    with psycopg.connect(url, autocommit=True) as conn:  # the README's analyst-login steps
        conn.execute("CREATE ROLE alice LOGIN PASSWORD 'alice-s3cret' IN ROLE futurewatch_reader")
    tcp = {"host": "127.0.0.1", "port": port, "dbname": "futurewatch", "connect_timeout": 5}
    with psycopg.connect(**tcp, user="alice", password="alice-s3cret") as conn:
        assert conn.execute("SELECT count(*) FROM v_documents").fetchone()[0] == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT count(*) FROM documents")
    for user, password in (("alice", "wrong"), ("postgres", ""), ("postgres", "anything")):
        with pytest.raises(psycopg.OperationalError):
            psycopg.connect(**tcp, user=user, password=password)
    socket_dir = url.split("host=")[1].split("&")[0]
    with pytest.raises(psycopg.OperationalError):  # the Unix socket wants alice's password too
        psycopg.connect(host=socket_dir, port=port, dbname="futurewatch", user="alice", password="wrong")


# --- 7. secrets and files -----------------------------------------------------------------------------

def test_smtp_auth_in_clear_is_refused_unless_allowed(db_url, tmp_path):
    from alerts.pipeline import send_due_digests
    from futurewatch.core.config import ConfigError
    from tests.alerts.digests import seed_digest_events, smtp_settings
    from tests.alerts.smtp_servers import Recorder, smtp_server

    now = seed_digest_events(db_url, spike=False)
    attempts: list[str] = []

    def authenticator(server, session, envelope, mechanism, auth_data):
        from aiosmtpd.smtp import AuthResult
        attempts.append(mechanism)
        return AuthResult(success=True)

    server = Recorder()
    with smtp_server(server, authenticator=authenticator, auth_require_tls=False) as port:
        clear = {"SMTP_USER": "fw", "SMTP_PASSWORD": "s3cret", "SMTP_SECURITY": "none"}
        with pytest.raises(ConfigError, match="without TLS"):
            send_due_digests(db_url, now=now, settings=smtp_settings(tmp_path, port, **clear))
        assert attempts == [] and server.messages == []
        allowed = send_due_digests(db_url, now=now, settings=smtp_settings(tmp_path, port, SMTP_ALLOW_PLAINTEXT_AUTH="1",
                                                                             **clear))
    assert allowed.sent == 1 and attempts


def test_home_files_are_0600_and_folders_0700(fw_env):
    db = fw_env.db_url
    tv = A.add_taxonomy(db)
    A.add_subscriber(db, "reader@example.com", [("q", "keyword", {"query": "量子"})], cadence="immediate")
    seed_quantum_page(db, tv)
    match_events(db, now=datetime.now(timezone.utc), settings=load_settings())
    os.umask(0o022)  # as under a scheduler with a permissive umask
    assert cli("digest", "send").returncode == 0
    from futurewatch.core.rawstore import open_raw_store
    open_raw_store(fw_env).put(b"<html>raw page</html>")
    files = [p for p in fw_env.home.rglob("*") if p.is_file() and "pgdata" not in p.parts]
    folders = [fw_env.home] + [p for p in fw_env.home.rglob("*") if p.is_dir() and "pgdata" not in p.parts]
    assert any(p.suffix == ".eml" for p in files) and any("raw" in p.parts for p in files)
    assert {oct(stat.S_IMODE(p.stat().st_mode)) for p in files} == {"0o600"}
    assert {oct(stat.S_IMODE(p.stat().st_mode)) for p in folders} == {"0o700"}


def test_security_definer_functions_search_pg_temp_last(db_url):
    with connect(db_url) as conn:
        rows = conn.execute("SELECT p.oid::regprocedure::text AS fn, p.proconfig FROM pg_proc p "
                            "WHERE p.prosecdef AND p.pronamespace = current_schema()::regnamespace").fetchall()
    assert rows, "fw_search is SECURITY DEFINER"
    for row in rows:
        path = next(c for c in row["proconfig"] or [] if c.startswith("search_path="))
        assert path.split("=", 1)[1].replace(" ", "").split(",")[-1] == "pg_temp", row

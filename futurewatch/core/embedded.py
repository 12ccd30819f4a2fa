"""The embedded server's security and lifecycle: who may log in, where it listens, how it stops.

- pg_hba.conf is ours: only the local owner (role postgres over the Unix socket inside
  FUTUREWATCH_HOME/pgdata, a 0700 folder) is trusted; every other role and every TCP connection
  needs a scram-sha-256 password. Rewritten (and reloaded) whenever it differs.
- FUTUREWATCH_DB_LISTEN=host:port (opt-in) also listens on TCP there, e.g. 0.0.0.0:5433, so
  analysts' reader logins work from other machines. Changing it restarts the server once.
- Memory and WAL settings for bulk loads (server_settings): shared_buffers a quarter of the
  machine's memory up to 4 GB, 64 MB of WAL buffers, fewer checkpoints. Each is written to
  postgresql.auto.conf once, when the file has no value for it (a new server, or one from before
  them), and the server restarts once if one needs it; a value there (an operator's ALTER SYSTEM)
  is kept, so processes that see different memory limits never undo each other's.
- stop_embedded() stops the server unless a live process still uses it, clears the handles of
  dead processes from pgserver's list, and says which it was.
"""

from __future__ import annotations

import os
import signal
import tempfile
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

import psycopg
from psycopg import sql

HBA_RULES = """\
# Written by futurewatch (futurewatch/core/embedded.py); edits here are replaced.
# TYPE  DATABASE  USER      ADDRESS     METHOD
local   all       postgres              trust
local   all       all                   scram-sha-256
host    all       postgres  all         reject
host    all       all       all         scram-sha-256
"""
LISTEN_ENV = "FUTUREWATCH_DB_LISTEN"
MB = 2**20
SHARED_BUFFERS_MIN, SHARED_BUFFERS_MAX = 128 * MB, 4096 * MB  # PostgreSQL's default; 4 GB holds the hot index at 200k
WAL_SETTINGS = {
    "wal_buffers": "64MB",         # a bulk load writes ~9 MB of WAL per MB: 4 MB buffers left writers waiting on WAL writes
    "max_wal_size": "4GB",         # a checkpoint per ~2 GB of WAL, not per ~0.5 GB (fewer full-page images)
    "checkpoint_timeout": "15min",
}


class ListenError(ValueError):
    """A malformed FUTUREWATCH_DB_LISTEN."""


@dataclass(frozen=True)
class StopResult:
    stopped: bool
    message: str
    stale_handles: list[int]


def parse_listen(value: str | None) -> tuple[str, int] | None:
    """'0.0.0.0:5433' or '[::]:5433' → (host, port); empty → None."""
    if not value:
        return None
    host, sep, port = value.strip().rpartition(":")
    host = host.strip("[]")
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise ListenError(f"{LISTEN_ENV} must be host:port (e.g. 0.0.0.0:5433), got {value!r}")
    return host, int(port)


def admin_uri(info, database: str = "postgres") -> str:
    """The owner's URL over the Unix socket, with the port the server runs on."""
    return f"postgresql://postgres:@/{database}?host={info.socket_dir}&port={info.port}"


def secure_server(server, listen: tuple[str, int] | None) -> None:
    """Apply our pg_hba.conf, settings and listen address to a running pgserver server."""
    from pgserver.utils import PostmasterInfo

    info = PostmasterInfo.read_from_pgdata(server.pgdata)
    with psycopg.connect(admin_uri(info), autocommit=True) as conn:  # one connection for every check
        hba_written = _write_hba(server.pgdata)
        if _write_settings(conn, server_settings(machine_memory())) or hba_written:
            _reload(conn)
        as_wanted = _runs_as_wanted(conn, listen)
    if not as_wanted:
        with server._lock:  # pgserver's inter-process start-up lock
            info = PostmasterInfo.read_from_pgdata(server.pgdata)
            with psycopg.connect(admin_uri(info), autocommit=True) as conn:
                as_wanted = _runs_as_wanted(conn, listen)  # another process may have just restarted it
            if not as_wanted:
                _restart(server, info, listen)
    server._postmaster_info = PostmasterInfo.read_from_pgdata(server.pgdata)


def server_settings(memory: int) -> dict[str, str]:
    """The embedded server's memory and WAL settings on a machine with `memory` bytes: shared_buffers
    a quarter of it (PostgreSQL's manual's starting point) within [128 MB, 4 GB]."""
    shared = min(max(memory // 4, SHARED_BUFFERS_MIN), SHARED_BUFFERS_MAX)
    return {"shared_buffers": f"{shared // MB}MB", **WAL_SETTINGS}


def machine_memory() -> int:
    """Bytes of memory this process may use: the machine's, or its control group's limit if lower."""
    memory = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    for limit in ("/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"):
        try:
            value = Path(limit).read_text().strip()
        except OSError:
            continue
        if value.isdigit():
            memory = min(memory, int(value))
    return memory


def _write_settings(conn, wanted: dict[str, str]) -> bool:
    """ALTER SYSTEM the settings postgresql.auto.conf has no value for; True if any was written
    (the caller reloads)."""
    written = {row[0] for row in conn.execute("SELECT name FROM pg_file_settings"
                                              " WHERE sourcefile LIKE '%/postgresql.auto.conf'")}
    missing = {name: value for name, value in wanted.items() if name not in written}
    for name, value in missing.items():
        conn.execute(sql.SQL("ALTER SYSTEM SET {} = {}").format(sql.Identifier(name), sql.Literal(value)))
    return bool(missing)


def _write_hba(pgdata: Path) -> bool:
    """Write our rules if the file differs, keeping its owner and mode; True if written."""
    path = pgdata / "pg_hba.conf"
    if path.read_text(encoding="utf-8") == HBA_RULES:
        return False
    stat = path.stat()
    fd, tmp = tempfile.mkstemp(dir=pgdata, prefix=".pg_hba.")  # 0600; unique if two processes race
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(HBA_RULES)
    os.chown(tmp, stat.st_uid, stat.st_gid)
    os.replace(tmp, path)
    return True


def _reload(conn) -> None:
    """Reload the configuration and wait until this session has read it (so what it shows next,
    pending_restart included, is the new configuration's)."""
    before = conn.execute("SELECT pg_conf_load_time()").fetchone()[0]
    conn.execute("SELECT pg_reload_conf()")
    for _ in range(100):
        if conn.execute("SELECT pg_conf_load_time()").fetchone()[0] > before:
            return
        time.sleep(0.05)


def _runs_as_wanted(conn, listen: tuple[str, int] | None) -> bool:
    """Listening as wanted, and none of our settings waits for a restart (an operator's other
    pending changes are left to the operator)."""
    host = conn.execute("SHOW listen_addresses").fetchone()[0]
    port = int(conn.execute("SHOW port").fetchone()[0])
    pending = conn.execute("SELECT count(*) FROM pg_settings WHERE pending_restart AND name = ANY(%s)",
                           [["shared_buffers", *WAL_SETTINGS]]).fetchone()[0]
    return not pending and ((host, port) == listen if listen else host == "")


def _restart(server, info, listen: tuple[str, int] | None) -> None:
    from pgserver._commands import pg_ctl

    host, port = listen if listen else ("", info.port)
    args = ["-w", "-m", "fast", "-o", f'-h "{host}"', "-o", f"-p {port}", "-o", f"-k {info.socket_dir}",
            "-l", str(server.log), "restart"]
    pg_ctl(args, pgdata=server.pgdata, user=server.system_user, timeout=60)


def stop_embedded(pgdata: Path, *, force: bool = False) -> StopResult:
    """Stop the server in pgdata, unless a live process still holds a handle (or force)."""
    import psutil

    with warnings.catch_warnings():  # platformdirs warns when XDG_RUNTIME_DIR is unset
        warnings.simplefilter("ignore")
        from pgserver.postgres_server import PostgresServer
        from pgserver.utils import DiskList, PostmasterInfo

    if not (pgdata / "PG_VERSION").exists():
        return StopResult(False, f"no embedded database in {pgdata}", [])
    with PostgresServer._lock:
        handles = DiskList(pgdata / ".handle_pids.json")
        pids = handles.get()
        live = [p for p in pids if p != os.getpid() and psutil.pid_exists(p)]
        stale = [p for p in pids if p not in live and p != os.getpid()]
        handles.put(live)
        info = PostmasterInfo.read_from_pgdata(pgdata)
        if info is None or not info.is_running():
            return StopResult(False, f"no embedded server is running in {pgdata}", stale)
        if live and not force:
            return StopResult(False, f"not stopped: still in use by pid(s) {', '.join(map(str, live))}; "
                                     "stop them first or use --force", stale)
        _fast_shutdown(info)
        handles.put([])
    return StopResult(True, f"stopped the embedded server in {pgdata} (pid {info.pid})", stale)


def _fast_shutdown(info) -> None:
    """What `pg_ctl stop -m fast` does: SIGINT to the postmaster, then wait for it to exit."""
    import psutil

    info.process.send_signal(signal.SIGINT)
    try:
        info.process.wait(30)
    except psutil.TimeoutExpired:
        from futurewatch.core.db import DatabaseError

        raise DatabaseError(f"the embedded server (pid {info.pid}) did not stop within 30 s; "
                            "look at pgdata/log, or kill it") from None

"""Helpers for the chaos tests: the CLI as users run it (a subprocess), loopback HTTP servers,
processes to kill."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[2]
FUTUREWATCH = Path(sys.executable).parent / "futurewatch"


def env_with(**extra: str) -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    env.update(extra)
    return env


def cli(*args: str, timeout: float = 120, **extra: str) -> subprocess.CompletedProcess:
    """`futurewatch ARGS` in a fresh process (the code path users run)."""
    return subprocess.run([str(FUTUREWATCH), *args], capture_output=True, text=True, timeout=timeout,
                          env=env_with(COLUMNS="200", **extra), cwd=ROOT)


def spawn_python(code: str, *, ready: str = "READY", timeout: float = 60, **extra: str) -> subprocess.Popen:
    """Start `python -c code`; return once it printed the `ready` line."""
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env_with(**extra), cwd=ROOT)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if line.strip() == ready:
            return proc
        if not line and proc.poll() is not None:
            raise AssertionError(f"helper process ended early: {proc.stderr.read()}")
    proc.kill()
    raise AssertionError("helper process never got ready")


def kill9(proc: subprocess.Popen) -> None:
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)


def wait_until(check, timeout: float = 15.0, step: float = 0.1) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(step)
    return check()


class LoopbackServer:
    """An HTTP server on 127.0.0.1 that records every request; `redirect_to` answers 302 there."""

    def __init__(self, redirect_to: str | None = None):
        self.hits: list[str] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                outer.hits.append(self.path)
                if redirect_to:
                    self.send_response(302)
                    self.send_header("Location", redirect_to)
                    self.end_headers()
                    return
                body = b"<html><body>secret metadata</body></html>"
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def silent_server() -> socket.socket:
    """A listening socket that accepts connections and never answers (a hanging site)."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(50)
    return sock


def probe_crawl(url: str, dns: dict[str, str], mirror: str | None = None) -> dict:
    """Run tests.chaos.guard_crawl (Scrapy's engine, production settings); its RESULT dict."""
    args = [sys.executable, "-m", "tests.chaos.guard_crawl", url] + (["--mirror", mirror] if mirror else [])
    out = subprocess.run(args, capture_output=True, text=True, timeout=120, cwd=ROOT,
                         env=env_with(FW_TEST_DNS=json.dumps(dns)))
    line = next((ln for ln in out.stdout.splitlines() if ln.startswith("RESULT ")), None)
    assert line, out.stderr[-3000:]
    return json.loads(line[len("RESULT "):])


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def seed_quantum_page(db: str, taxonomy_version_id: int) -> int:
    """One new classified page about 量子 (what keyword rules on 量子 match)."""
    from datetime import datetime, timezone

    from tests.alerts import archive as A

    doc = A.add_document(db, "c114", "量子通信网络开通", "量子密钥分发。", published_at=datetime.now(timezone.utc))
    A.classify(db, A.current_version(db, doc), taxonomy_version_id, {"quantum": ["量子"]})
    return doc


def write_subscribers(path, email: str, query: str = "量子") -> None:
    path.write_text("subscribers:\n  - email: good@example.com\n    rules:\n      - {name: q, type: keyword, query: 量子}\n"
                    f"  - email: {email}\n    rules:\n      - name: big\n        type: keyword\n"
                    f"        query: {query}\n", encoding="utf-8")


def crawl_children(pid: int) -> list[psutil.Process]:
    try:
        return [p for p in psutil.Process(pid).children(recursive=True) if "crawlers.crawl_one" in " ".join(p.cmdline())]
    except psutil.NoSuchProcess:
        return []

"""A live Airflow for the tests: started through the same script as `make airflow` / `make
airflow-celery`, driven through its public REST API with the simple auth manager's login.

Each instance gets a private AIRFLOW_HOME, its own metadata database on the test server, and its own
ports: log servers (and the API, unless the test wants the script's 8080-or-next choice) on ports the
kernel hands out, so two instances started at once (pytest-xdist) never pick the same "next free"
port. Readiness also checks that the API port is served by this instance's own processes.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import httpx
import psutil

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "live-test-password"


def script_env(home: Path, extra: dict[str, str]) -> dict[str, str]:
    """The test's environment minus the session's sqlite Airflow settings, plus the script's inputs."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("AIRFLOW")}
    env.update({"AIRFLOW_HOME": str(home), "VENV": str(Path(sys.executable).parent.parent),
                "FUTUREWATCH_AIRFLOW_DB": f"af_{uuid.uuid4().hex[:10]}", "FUTUREWATCH_AIRFLOW_PASSWORD": PASSWORD,
                "AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION": "True", "PYTHONPATH": str(ROOT)})
    env.update(extra)
    return env


def kernel_ports(count: int) -> list[int]:
    """`count` distinct ports free now, chosen by the kernel (all held at once, so none repeats)."""
    socks = [socket.socket() for _ in range(count)]
    try:
        for sock in socks:
            sock.bind(("127.0.0.1", 0))
        return [sock.getsockname()[1] for sock in socks]
    finally:
        for sock in socks:
            sock.close()


def private_ports(api_port: bool) -> dict[str, str]:
    """The script's port settings for one instance: both log servers, and the API port if asked."""
    api, worker_logs, trigger_logs = kernel_ports(3)
    ports = {"AIRFLOW__LOGGING__WORKER_LOG_SERVER_PORT": str(worker_logs),
             "AIRFLOW__LOGGING__TRIGGER_LOG_SERVER_PORT": str(trigger_logs)}
    return ports | ({"FUTUREWATCH_AIRFLOW_PORT": str(api)} if api_port else {})


class LiveAirflow:
    def __init__(self, script: str, home: Path, extra_env: dict[str, str], private_api_port: bool = True):
        self.home = home
        self.env = script_env(home, private_ports(private_api_port) | extra_env)
        self.log_path = home.parent / f"{home.name}-console.log"
        self.proc = subprocess.Popen(["bash", str(ROOT / "scripts" / script)], env=self.env, cwd=ROOT,
                                     stdout=open(self.log_path, "wb"), stderr=subprocess.STDOUT,
                                     start_new_session=True)
        try:
            self.port = self._wait_for_port()
            self.base = f"http://127.0.0.1:{self.port}"
            self.client = httpx.Client(base_url=self.base, timeout=30)
            self._wait_ready()
        except BaseException:  # the fixture never gets to stop() an Airflow that did not become ready
            self.stop()
            raise

    def script_output(self) -> str:
        return self.log_path.read_text("utf-8", "replace")

    def console(self) -> str:
        """The tail of the script's output and of each service log (the Celery script writes those)."""
        parts = [self.script_output()[-4000:]]
        for log in sorted((self.home / "services").glob("*.log")):
            parts.append(f"--- {log.name} (tail) ---\n{log.read_text('utf-8', 'replace')[-1500:]}")
        return "\n".join(parts)

    def serves_api_port(self) -> bool:
        """Whether the process listening on the API port is one of this instance's."""
        try:
            root = psutil.Process(self.proc.pid)
            for process in [root, *root.children(recursive=True)]:
                for conn in process.net_connections(kind="tcp"):
                    if conn.status == psutil.CONN_LISTEN and conn.laddr.port == self.port:
                        return True
        except psutil.Error:
            pass  # a process ended while we looked: not proof that we serve it
        return False

    def _wait_for_port(self, timeout: float = 60) -> int:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in self.script_output().splitlines():
                if "log in at http://localhost:" in line:
                    return int(line.split("localhost:")[1].split()[0])
            assert self.proc.poll() is None, self.console()
            time.sleep(0.5)
        raise AssertionError(f"no port announced:\n{self.console()}")

    def _wait_ready(self, timeout: float = 150) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, self.console()
            try:
                token = self.client.post("/auth/token", json={"username": "admin", "password": PASSWORD})
                if token.status_code in (200, 201):
                    self.client.headers["Authorization"] = f"Bearer {token.json()['access_token']}"
                    if self.client.get("/api/v2/dags/crawl_sources").status_code == 200:
                        assert self.serves_api_port(), f"port {self.port} answers, but not from this Airflow:\n" \
                                                       f"{self.console()}"
                        return
            except httpx.TransportError:
                pass
            time.sleep(1)
        raise AssertionError(f"Airflow not ready in {timeout} s:\n{self.console()}")

    def api(self, method: str, path: str, **kwargs) -> dict:
        response = self.client.request(method, f"/api/v2{path}", **kwargs)
        assert response.status_code < 300, (path, response.status_code, response.text[:500])
        return response.json()

    def unpause(self, *dag_ids: str) -> None:
        for dag_id in dag_ids:
            self.api("PATCH", f"/dags/{dag_id}", json={"is_paused": False})

    def trigger(self, dag_id: str, conf: dict | None = None, logical_date: str | None = None) -> str:
        run = self.api("POST", f"/dags/{dag_id}/dagRuns", json={"logical_date": logical_date, "conf": conf or {}})
        return run["dag_run_id"]

    def wait_run(self, dag_id: str, run_id: str, timeout: float = 150, watch=None) -> str:
        """The run's final state; watch(task_instances) is called on every poll while it runs."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            state = self.api("GET", f"/dags/{dag_id}/dagRuns/{run_id}")["state"]
            if state in ("success", "failed"):
                return state
            if watch:
                watch(self.task_instances(dag_id, run_id))
            time.sleep(0.5)
        raise AssertionError(f"{dag_id} {run_id} still running after {timeout} s")

    def runs(self, dag_id: str) -> list[dict]:
        return self.api("GET", f"/dags/{dag_id}/dagRuns", params={"limit": 100})["dag_runs"]

    def wait_for_runs(self, dag_id: str, count: int, timeout: float = 120) -> list[dict]:
        """Wait until dag_id has `count` finished runs (asset-triggered runs appear on their own)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            done = [r for r in self.runs(dag_id) if r["state"] in ("success", "failed")]
            if len(done) >= count:
                return done
            time.sleep(1)
        raise AssertionError(f"{dag_id}: fewer than {count} finished runs after {timeout} s: {self.runs(dag_id)}")

    def task_instances(self, dag_id: str, run_id: str) -> list[dict]:
        return self.api("GET", f"/dags/{dag_id}/dagRuns/{run_id}/taskInstances")["task_instances"]

    def task_log(self, dag_id: str, run_id: str, task_id: str, map_index: int = -1, try_number: int = 1) -> str:
        data = self.api("GET", f"/dags/{dag_id}/dagRuns/{run_id}/taskInstances/{task_id}/logs/{try_number}",
                        params={"map_index": map_index, "full_content": True}, headers={"Accept": "application/json"})
        return "\n".join(e.get("event", "") if isinstance(e, dict) else str(e) for e in data["content"])

    def airflow_cli(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
        """A command through scripts/airflow_cli.sh, as the runbook runs it."""
        return subprocess.run(["bash", str(ROOT / "scripts" / "airflow_cli.sh"), *args], env=self.env, cwd=ROOT,
                              capture_output=True, text=True, timeout=timeout)

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()


"""Screenshots of a running Airflow UI for docs/airflow.md and docs/operations.md.

    python scripts/airflow_screenshots.py --url http://localhost:8080 --password … [--out docs/img]

Drives Debian's headless chromium through chromium-driver (W3C WebDriver over plain HTTP, so no
extra Python package), logs in through the simple auth manager's form, and shows times in
Asia/Shanghai (the browser's zone is the UI's default). Shots: the latest crawl_sources run with a failing
source (grid and graph), that source's task log, the assets, and raw_fetches' events with extras.
"""

from __future__ import annotations

import argparse
import base64
import os
import socket
import subprocess
import time
from pathlib import Path

import httpx

CHROME_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--window-size=1500,950", "--lang=en-US"]

SCROLL_TO_FIRST_ATTEMPT = """
const lines = Array.from(document.querySelectorAll('*')).filter(
    e => e.children.length === 0 && /failed \\(/.test(e.textContent || ''));
if (lines.length) { lines[0].scrollIntoView({block: 'start'}); }
"""


class Browser:
    def __init__(self, driver_port: int):
        self.http = httpx.Client(base_url=f"http://127.0.0.1:{driver_port}", timeout=60)
        caps = {"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {
            "binary": "/usr/bin/chromium", "args": CHROME_ARGS}}}}
        self.session = self._call("POST", "/session", caps)["sessionId"]

    def _call(self, method: str, path: str, body: dict | None = None):
        response = self.http.request(method, path, json=body)
        value = response.json().get("value")
        if response.status_code >= 300:
            raise RuntimeError(f"webdriver {path}: {value}")
        return value

    def _s(self, path: str) -> str:
        return f"/session/{self.session}{path}"

    def open(self, url: str, settle_s: float = 4) -> None:
        self._call("POST", self._s("/url"), {"url": url})
        time.sleep(settle_s)

    def find(self, css: str) -> str:
        found = self._call("POST", self._s("/element"), {"using": "css selector", "value": css})
        return next(iter(found.values()))

    def type(self, css: str, text: str) -> None:
        self._call("POST", self._s(f"/element/{self.find(css)}/value"), {"text": text})

    def click(self, css: str) -> None:
        self._call("POST", self._s(f"/element/{self.find(css)}/click"), {})

    def click_at(self, x: float, y: float) -> None:
        """A real mouse click at page coordinates (Monaco's fold toggles ignore element.click())."""
        pointer = {"type": "pointer", "id": "mouse", "parameters": {"pointerType": "mouse"}, "actions": [
            {"type": "pointerMove", "x": int(x), "y": int(y), "origin": "viewport"},
            {"type": "pointerDown", "button": 0}, {"type": "pointerUp", "button": 0}]}
        self._call("POST", self._s("/actions"), {"actions": [pointer]})

    def unfold_json(self, limit: int = 2) -> None:
        """Open the first folded JSON values (asset event extras) on the page."""
        boxes = self.run("return Array.from(document.querySelectorAll('.codicon-folding-collapsed'))"
                         ".map(e => { const r = e.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; });")
        for x, y in boxes[:limit]:
            self.click_at(x, y)
            time.sleep(0.7)

    def run(self, script: str):
        return self._call("POST", self._s("/execute/sync"), {"script": script, "args": []})

    def shot(self, path: Path) -> None:
        path.write_bytes(base64.b64decode(self._call("GET", self._s("/screenshot"))))
        print(f"wrote {path}")

    def close(self) -> None:
        self._call("DELETE", self._s(""))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def latest_failed_crawl(api: httpx.Client) -> tuple[str, int]:
    """(run id, map index) of the newest failed mapped crawl task."""
    runs = api.get("/api/v2/dags/crawl_sources/dagRuns", params={"order_by": "-run_after", "limit": 20}).json()
    for run in runs["dag_runs"]:
        tis = api.get(f"/api/v2/dags/crawl_sources/dagRuns/{run['dag_run_id']}/taskInstances").json()
        failed = [t for t in tis["task_instances"] if t["task_id"] == "crawl" and t["state"] == "failed"]
        if failed:
            return run["dag_run_id"], failed[0]["map_index"]
    raise SystemExit("no failed crawl task yet: trigger crawl_sources with a failing source first")


def take_screenshots(url: str, password: str, out: Path) -> None:
    api = httpx.Client(base_url=url, timeout=30)
    token = api.post("/auth/token", json={"username": "admin", "password": password}).json()["access_token"]
    api.headers["Authorization"] = f"Bearer {token}"
    run_id, map_index = latest_failed_crawl(api)
    port = free_port()
    driver = subprocess.Popen(["chromedriver", f"--port={port}"], env={**os.environ, "TZ": "Asia/Shanghai"},
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(1.5)
        browser = Browser(port)
        browser.open(f"{url}/auth/login")
        browser.type("input[name=username]", "admin")
        browser.type("input[name=password]", password)
        browser.click("button[type=submit]")
        time.sleep(4)
        out.mkdir(parents=True, exist_ok=True)
        browser.open(f"{url}/dags/crawl_sources/runs/{run_id}", settle_s=6)
        browser.shot(out / "airflow-run-failing-source.png")
        browser.click("button[aria-label^='Show Graph']")
        time.sleep(4)
        browser.shot(out / "airflow-graph.png")
        browser.click("button[aria-label^='Show Grid']")
        browser.open(f"{url}/dags/crawl_sources/runs/{run_id}/tasks/crawl/mapped/{map_index}", settle_s=6)
        browser.run(SCROLL_TO_FIRST_ATTEMPT)
        time.sleep(1)
        browser.shot(out / "airflow-failing-source.png")
        browser.open(f"{url}/assets", settle_s=5)
        browser.shot(out / "airflow-assets.png")
        asset = api.get("/api/v2/assets", params={"name_pattern": "raw_fetches"}).json()["assets"][0]
        browser.open(f"{url}/assets/{asset['id']}", settle_s=6)
        browser.unfold_json()
        browser.shot(out / "airflow-asset-events.png")
        browser.close()
    finally:
        driver.terminate()
        driver.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://localhost:8080")
    parser.add_argument("--password", required=True)
    parser.add_argument("--out", type=Path, default=Path("docs/img"))
    args = parser.parse_args()
    take_screenshots(args.url.rstrip("/"), args.password, args.out)


if __name__ == "__main__":
    main()

"""Headless Chromium through chromedriver (Debian's chromium and chromium-driver), spoken to over
the W3C WebDriver HTTP protocol with the standard library. Chromium's own --window-size cannot go
below 500 px in headless mode, so the viewport is set with the DevTools command
Emulation.setDeviceMetricsOverride (a phone is 390 px wide)."""

from __future__ import annotations

import base64
import json
import shutil
import socket
import subprocess
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage",
        "--hide-scrollbars"]


def available() -> bool:
    return bool(CHROMIUM and CHROMEDRIVER)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _call(base: str, method: str, path: str, body: dict | None = None) -> dict:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(base + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read())["value"]


class Page:
    def __init__(self, base: str, session: str):
        self.base, self.session = base, session

    def cdp(self, cmd: str, params: dict) -> dict:
        return _call(self.base, "POST", f"/session/{self.session}/goog/cdp/execute", {"cmd": cmd, "params": params})

    def open(self, path: Path, width: int, height: int = 900) -> None:
        self.cdp("Emulation.setDeviceMetricsOverride",
                 {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})
        _call(self.base, "POST", f"/session/{self.session}/url", {"url": path.resolve().as_uri()})

    def run(self, script: str):
        return _call(self.base, "POST", f"/session/{self.session}/execute/sync", {"script": script, "args": []})

    def widths(self) -> tuple[int, int]:
        """(document scroll width, viewport width): no sideways scrolling when the first <= the second."""
        sw, iw = self.run("return [document.documentElement.scrollWidth, window.innerWidth];")
        return int(sw), int(iw)

    def screenshot(self, out: Path, width: int) -> Path:
        """The whole page at `width` CSS pixels as PNG."""
        height = int(self.run("return document.documentElement.scrollHeight;"))
        self.cdp("Emulation.setDeviceMetricsOverride",
                 {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})
        shot = self.cdp("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})
        out.write_bytes(base64.b64decode(shot["data"]))
        return out


@contextmanager
def browser(profile: Path):
    port = _free_port()
    driver = subprocess.Popen([CHROMEDRIVER, f"--port={port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                _call(base, "GET", "/status")
                break
            except OSError:
                time.sleep(0.1)
        caps = {"capabilities": {"alwaysMatch": {"goog:chromeOptions": {
            "binary": CHROMIUM, "args": ARGS + [f"--user-data-dir={profile}"]}}}}
        session = _call(base, "POST", "/session", caps)["sessionId"]
        try:
            yield Page(base, session)
        finally:
            _call(base, "DELETE", f"/session/{session}")
    finally:
        driver.terminate()
        driver.wait(timeout=10)

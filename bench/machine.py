"""What every benchmark report says of the machine it ran on."""

from __future__ import annotations

import os
import platform
import subprocess
from pathlib import Path


def machine() -> str:
    """Cores, CPU model and Python version, e.g. `nproc 2; AMD EPYC 7B13; Python 3.11.7`."""
    model = subprocess.run("lscpu | grep 'Model name'", shell=True, capture_output=True, text=True).stdout
    model = " ".join(model.split(":", 1)[-1].split()) or platform.processor()
    return f"nproc {os.cpu_count()}; {model}; Python {platform.python_version()}"


def load_average() -> str:
    """The 1-, 5- and 15-minute load averages, as /proc/loadavg gives them."""
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])

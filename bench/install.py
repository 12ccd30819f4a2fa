"""How long the first `make install` takes: a fresh virtualenv, then the Makefile's install.

    python -m bench.install            # the Makefile's recipe, into a temporary venv
    python -m bench.install --before   # the recipe before issue 18 (pip self-upgrade, .pyc compile)

Downloads come from pip's cache when it is warm, as on a developer's second clone; the figure
is wall time on whatever load the machine has. Ends with `RESULT install_seconds=…`.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BEFORE = ["{py} -m pip install -q --upgrade pip",
          "{py} -m pip install -q -c constraints.txt -e '.[test,airflow,deploy]'"]


def install(venv: Path, before: bool) -> None:
    if not before:
        subprocess.run(["make", "install", f"VENV={venv}"], cwd=ROOT, check=True)
        return
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    for step in BEFORE:
        subprocess.run(step.format(py=venv / "bin" / "python"), shell=True, cwd=ROOT, check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", action="store_true", help="time the recipe as it was before issue 18")
    args = parser.parse_args()
    venv = Path(tempfile.mkdtemp(prefix="fw-bench-venv-")) / "venv"
    started = time.monotonic()
    try:
        install(venv, args.before)
        seconds = time.monotonic() - started
    finally:
        shutil.rmtree(venv.parent, ignore_errors=True)
    print(f"RESULT recipe={'before' if args.before else 'makefile'} install_seconds={seconds:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

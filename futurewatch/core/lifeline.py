"""Child processes that die with their parent, and whether a recorded process still lives.

    die_with_parent(parent_pid)        call first thing in a child (Linux: PR_SET_PDEATHSIG)
    process_alive(pid, started_before) the pid runs and is not a newer process reusing the number
"""

from __future__ import annotations

import ctypes
import logging
import os
import signal
import sys

log = logging.getLogger(__name__)
PR_SET_PDEATHSIG = 1


def die_with_parent(parent_pid: int | None, sig: int = signal.SIGKILL) -> None:
    """Ask the kernel to send `sig` to this process when its parent dies; exit now if it already has."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(PR_SET_PDEATHSIG, int(sig), 0, 0, 0) != 0:
            log.warning("prctl(PR_SET_PDEATHSIG) failed: errno %s", ctypes.get_errno())
    if parent_pid and os.getppid() != parent_pid:  # the parent died before prctl took effect
        os._exit(1)


def process_alive(pid: int | None, started_before: float | None = None) -> bool:
    """True if `pid` runs and (when given) started no later than `started_before` (epoch seconds)."""
    import psutil

    if not pid:
        return False
    try:
        process = psutil.Process(pid)
        if process.status() == psutil.STATUS_ZOMBIE:
            return False
        return started_before is None or process.create_time() <= started_before + 1.0
    except psutil.NoSuchProcess:
        return False

"""Worker processes that end with the command that started them."""

from __future__ import annotations

import os
import signal


def die_with_parent() -> None:
    """Linux: this process is killed when its parent dies, however it dies (SIGKILL too), so
    a killed command never leaves its workers running. Elsewhere, a worker notices its parent
    is gone at its next task."""
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL)
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:  # the parent died before the request was made
        os._exit(1)

"""Processes that outlive their run: the temporary Prefect server of a killed CLI, the `running` row of a
killed flow. The CLI starts a watchdog; the flow asks whether a run marked running still has its process.

`kill -9` of `newsfacts run` gives no process a chance to clean up: Prefect's temporary server is a
child stopped by an atexit hook that never runs. The watchdog is a separate small process that ends
the CLI's children once the CLI is gone (psutil identifies a process by pid and start time, so a
reused pid is never hit).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import datetime

import psutil

POLL_SECONDS = 0.5


def watch_over_children() -> subprocess.Popen:
    """Start the watchdog of this process: when it dies, its children (the temporary server) end too."""
    return subprocess.Popen([sys.executable, "-m", "flows.lifeline", str(os.getpid())], stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)


def _watch(pid: int) -> None:
    me = os.getpid()
    try:
        parent = psutil.Process(pid)
    except psutil.NoSuchProcess:
        return
    children: dict[int, psutil.Process] = {}
    # The watchdog is the parent's child: re-parented the moment the parent dies, even while the
    # parent is an unreaped zombie that psutil still calls running.
    while os.getppid() == pid:
        try:
            children.update((c.pid, c) for c in parent.children(recursive=True) if c.pid != me)
        except psutil.NoSuchProcess:
            break
        time.sleep(POLL_SECONDS)
    alive = [c for c in children.values() if c.is_running()]  # those a clean exit stopped are gone already
    for child in alive:
        child.terminate()
    _, stubborn = psutil.wait_procs(alive, timeout=10)
    for child in stubborn:
        child.kill()


def is_abandoned(pid: int | None, host: str | None, started_at: datetime) -> bool:
    """A run recorded as running on this host whose process is gone (or is another process by now)."""
    if pid is None and host is None:
        return True  # recorded by a newsfacts from before pids were: its run is over, or it is no newsfacts of today
    if pid is None or host != this_host():
        return False  # another machine's run: its processes cannot be seen from here
    try:
        process = psutil.Process(pid)
        return datetime.fromtimestamp(process.create_time()) > started_at  # the pid was reused
    except psutil.NoSuchProcess:
        return True


def this_host() -> str:
    return os.uname().nodename


if __name__ == "__main__":
    _watch(int(sys.argv[1]))

"""Is a run recorded as running still alive? (flows/lifeline.py) Real processes, on this machine."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime, timedelta

from flows.lifeline import is_abandoned, this_host


def test_a_run_whose_process_is_gone_is_abandoned():
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True)
    assert is_abandoned(int(done.stdout), this_host(), datetime.now())


def test_a_run_whose_process_lives_is_not():
    assert not is_abandoned(os.getpid(), this_host(), datetime.now())


def test_a_pid_reused_by_a_younger_process_is_abandoned():
    # the row says the run started a day before this process did: the pid is another process's by now
    assert is_abandoned(os.getpid(), this_host(), datetime.now() - timedelta(days=1))


def test_another_hosts_run_cannot_be_judged_and_an_old_rows_can():
    assert not is_abandoned(1, "another-machine", datetime.now())
    assert is_abandoned(None, None, datetime.now())  # written before etl_run had pid and host

"""`newsfacts report` as a user meets it: a path printed, clean one-line errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from flows.cli import main

NEWSFACTS = Path(sys.executable).with_name("newsfacts")


def test_report_writes_the_page_and_says_where(samples_warehouse, tmp_path, capsys):
    out = tmp_path / "out" / "report.html"
    assert main(["report", "--db", str(samples_warehouse), "--out", str(out), "--where", "year=2024"]) == 0
    printed = capsys.readouterr().out
    assert out.exists() and f"report {out}" in printed and "places" in printed


def test_report_on_a_missing_warehouse_says_what_to_do(tmp_path, capsys):
    assert main(["report", "--db", str(tmp_path / "none.duckdb"), "--out", str(tmp_path / "r.html")]) == 2
    err = capsys.readouterr().err
    assert "run `newsfacts run PATH` first" in err and "Traceback" not in err
    assert not (tmp_path / "r.html").exists()


def test_report_refuses_a_where_it_cannot_read(samples_warehouse, tmp_path, capsys):
    assert main(["report", "--db", str(samples_warehouse), "--out", str(tmp_path / "r.html"), "--where", "town=瑞丽"]) == 2
    assert "use year=2023" in capsys.readouterr().err


def test_report_explains_itself_with_an_example():
    done = subprocess.run([str(NEWSFACTS), "report", "--help"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "example: newsfacts report" in done.stdout and "--where" in done.stdout

"""The `newsfacts` command as a user meets it: help with examples, clean errors, SQL output formats."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from flows.cli import main

NEWSFACTS = Path(sys.executable).with_name("newsfacts")


@pytest.mark.parametrize("command", ["run", "sql", "extract"])
def test_each_command_explains_itself_with_an_example(command):
    done = subprocess.run([str(NEWSFACTS), command, "--help"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    assert "example: newsfacts " + command in done.stdout


def test_run_on_paths_that_do_not_exist_exits_cleanly_without_starting_prefect(tmp_path, capsys):
    assert main(["run", str(tmp_path / "nope"), "--db", str(tmp_path / "w.duckdb")]) == 2
    err = capsys.readouterr().err
    assert "no such file or folder" in err and "Traceback" not in err
    assert not (tmp_path / "w.duckdb").exists()


QUERY = "select metric, value, unit, place from facts"


def test_sql_prints_a_table(loaded, capsys):
    assert main(["sql", QUERY, "--db", str(loaded)]) == 0
    out = capsys.readouterr().out
    assert "协议资金" in out and "昆明市" in out and "(1 rows)" in out


def test_sql_prints_csv(loaded, capsys):
    assert main(["sql", QUERY, "--db", str(loaded), "--format", "csv"]) == 0
    assert list(csv.reader(io.StringIO(capsys.readouterr().out))) == [
        ["metric", "value", "unit", "place"], ["协议资金", "9635000000.0", "CNY", "昆明市"]]


def test_sql_prints_json_lines(loaded, capsys):
    assert main(["sql", QUERY, "--db", str(loaded), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"metric": "协议资金", "value": 9635000000.0, "unit": "CNY", "place": "昆明市"}


def test_sql_errors_are_one_line_not_a_traceback(loaded, capsys):
    assert main(["sql", "select nope from facts", "--db", str(loaded)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("newsfacts: the query failed") and "Traceback" not in err


def test_sql_on_a_missing_warehouse_says_what_to_do(tmp_path, capsys):
    assert main(["sql", "select 1", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "newsfacts run" in capsys.readouterr().err


def test_extract_prints_each_figure_with_its_attribution_and_rule(capsys):
    text = "2023年，瑞丽市签约招商项目32个，协议资金86.7亿元，同比增长27.5%。"
    assert main(["extract", "--text", text, "--published", "2024-01-25"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    by_value = {row["value"]: row for row in rows}
    assert set(by_value) >= {32, 8_670_000_000, 27.5}
    money = by_value[8_670_000_000]
    assert (money["unit"], money["year"], money["is_change"]) == ("CNY", 2023, False)
    assert "瑞丽" in money["place"] and money["rule"]
    assert by_value[27.5]["is_change"] is True and by_value[27.5]["unit"] == "percent"


def test_sql_while_another_process_writes_says_a_load_may_be_running(loaded, capsys):
    writer = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; con = duckdb.connect(sys.argv[1]); "
                               "print('ready', flush=True); time.sleep(30)", str(loaded)], stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout.readline().strip() == "ready"
        assert main(["sql", "select 1", "--db", str(loaded)]) == 1
        assert "a load may be running" in capsys.readouterr().err
    finally:
        writer.kill()
        writer.wait()


def test_run_with_no_source_at_all_says_what_to_give(capsys):
    assert main(["run"]) == 2
    assert "give a file, folder or URL, or --urls FILE" in capsys.readouterr().err

"""The `newsfacts` command used as a hostile or careless user would: the SQL door, closed pipes, causes named."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from flows.cli import main

NEWSFACTS = Path(sys.executable).with_name("newsfacts")


@pytest.fixture
def other_db(tmp_path) -> Path:
    """Another DuckDB file the user can write: `sql` must not reach it."""
    path = tmp_path / "other.duckdb"
    con = duckdb.connect(str(path))
    con.execute("create table precious as select 42 as answer")
    con.close()
    return path


@pytest.mark.parametrize("query", [
    "attach '{other}' as other; delete from other.precious",  # another DuckDB file, read-write
    "copy (select 1) to '{victim}'",  # over any file the user can write
    "select * from read_text('/etc/passwd')",  # a file-reading table function on an arbitrary path
    "select * from read_csv('/etc/passwd')",
    "install httpfs",  # extensions
    "set enable_external_access = true",  # and no turning the settings back
    "set lock_configuration = false",
])
def test_sql_cannot_touch_any_file_but_the_warehouse(loaded, other_db, tmp_path, capsys, query):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    assert main(["sql", query.format(other=other_db, victim=victim), "--db", str(loaded)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("newsfacts: ") and err.count("\n") == 1 and "Traceback" not in err
    assert victim.read_text(encoding="utf-8") == "keep me"
    con = duckdb.connect(str(other_db), read_only=True)
    assert con.execute("select answer from precious").fetchall() == [(42,)]
    con.close()


def test_sql_says_refused_for_files_and_names_the_flag_that_opens_a_folder(loaded, capsys):
    assert main(["sql", "select * from read_text('/etc/passwd')", "--db", str(loaded)]) == 1
    err = capsys.readouterr().err
    assert "refused" in err and "--allow-dir" in err and "load may be running" not in err


def test_allow_dir_opens_that_folder_only(loaded, tmp_path, capsys):
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "places.csv").write_text("place\n昆明市\n", encoding="utf-8")
    query = f"select count(*) as n from facts join read_csv('{shared}/places.csv') using (place)"
    assert main(["sql", query, "--db", str(loaded), "--allow-dir", str(shared), "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines() == ["n", "1"]
    assert main(["sql", "select * from read_text('/etc/passwd')", "--db", str(loaded), "--allow-dir", str(shared)]) == 1


def test_an_io_error_that_is_no_lock_says_what_it_is(tmp_path, capsys):
    garbage = tmp_path / "garbage.duckdb"
    garbage.write_bytes(b"not a database" * 500)
    assert main(["sql", "select 1", "--db", str(garbage)]) == 1
    err = capsys.readouterr().err
    assert "load may be running" not in err and str(garbage) in err and err.count("\n") == 1


def test_extract_into_a_closed_pipe_is_quiet(tmp_path):
    text = "2024年，全区签约项目15个。" + "".join(f"引进企业{n}户，" for n in range(1, 4000)) + "。"
    done = subprocess.run(f"'{NEWSFACTS}' extract --file '{_write(tmp_path, text)}' | head -1", shell=True,
                          capture_output=True, text=True, timeout=120)
    assert done.stdout.startswith("{") and done.stdout.count("\n") == 1
    assert done.stderr == ""  # no BrokenPipeError, no "Exception ignored"


def test_extract_refuses_a_number_no_float_holds_and_prints_the_rest(capsys):
    text = "2024年，全区签约项目" + "9" * 1000 + "个，利润-3.5亿元。"
    assert main(["extract", "--text", text]) == 0
    out, err = capsys.readouterr()
    assert "Infinity" not in out and "-350000000.0" in out
    assert "implausible_value" in err and err.count("\n") == 1


def test_extract_of_a_file_whose_name_is_not_utf8_prints_its_bytes_escaped(tmp_path):
    name = bytes(tmp_path) + b"/bad\xffname.txt"
    with open(name, "wb") as stream:
        stream.write("2024年，全区签约项目15个。".encode())
    done = subprocess.run([str(NEWSFACTS), "extract", "--file", os.fsdecode(name)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stderr == ""
    assert json.loads(done.stdout.splitlines()[0])["source"] == f"{tmp_path}/bad\\xffname.txt"


def test_extract_of_a_200000_character_line_prints_each_sentence_capped(capsys):
    # one line, one sentence: each figure used to print all of it (4.9 GB for this line)
    text = "2024年，" + "".join(f"第{n}批签约项目{n % 997 + 1}个，协议资金{n}.5亿元，" for n in range(1, 8000)) + "。"
    assert len(text) > 200_000
    assert main(["extract", "--text", text]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(rows) > 5_000 and max(len(r["sentence"]) for r in rows) <= 402  # 400 and the two ellipses


def _write(folder: Path, text: str) -> Path:
    path = folder / "article.txt"
    path.write_text(text, encoding="utf-8")
    return path

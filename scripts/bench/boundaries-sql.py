#!/usr/bin/env python3
"""Prints SQL that loads the Kaohsiung precinct and district boundaries from gis-data into empty tables.

Used only by benchmarks until the boundary loader runs on start: codes for districts are derived from the
English name (Yong'an -> YONGAN), as the district file carries none.
"""
import json
import re
import sys
from pathlib import Path

gis = Path(sys.argv[1] if len(sys.argv) > 1 else "gis-data/src/main/resources/gis")


def lit(s):
    return "'" + s.replace("'", "''") + "'"


for table, name in (("precinct", "kaohsiung-precincts.geojson"), ("district", "kaohsiung-districts.geojson")):
    for f in json.loads((gis / name).read_text(encoding="utf-8"))["features"]:
        p = f["properties"]
        code = p.get("code") or re.sub(r"[^A-Z0-9]", "", p["name_en"].upper())
        print(f"INSERT INTO {table} (code, name_zh, name_en, boundary) VALUES ({lit(code)}, {lit(p['name_zh'])}, "
              f"{lit(p['name_en'])}, ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON({lit(json.dumps(f['geometry']))}), 4326))) "
              f"ON CONFLICT (code) DO NOTHING;")

#!/usr/bin/env python3
"""Generates the address-matching benchmark's data (scripts/bench-geocode), deterministically:

  gazetteer.csv.gz  1,000,000 door plates as a city publishes them: 縣市, 鄉鎮市區, 村里, 鄰, 街.路段, 地區, 巷, 弄, 號,
                    橫坐標, 縱坐標 (TWD97 TM2, EPSG:3826). Per district a grid of 20 east-west and 20 north-south
                    roads 66 m apart, odd numbers on one side and even on the other, 4 m per two numbers; every
                    number ending in 0 left out (camera addresses there match the nearest number); 1 plate in 20
                    has a sub-number (之1). Road names come from one pool, so a name recurs in several districts.
  cameras.tsv       100,000 camera addresses (site code, address, district name or empty) with the variation of
                    real lists: 之 in three forms, 段 in Chinese numerals, full-width digits, spaces,
                    trailing words, a missing city or district (the camera's district given instead, or not at all),
                    intersections in four forms, road only, unknown roads.

  geocode_data.py OUT_DIR DISTRICTS_FILE   (district names, one a line, as the database has them)
"""
import gzip
import os
import random
import sys

out, districts_file = sys.argv[1], sys.argv[2]
DISTRICTS = [l.strip() for l in open(districts_file, encoding="utf-8") if l.strip()][:38]
PLATES = 1_000_000
CAMERAS = 100_000
rng = random.Random(20231111)

FIRST = "民生建國中山中正復興光華自由和平仁愛信義忠孝成功博愛自強青年文化五福七賢九如十全三多四維一心大順澄清鼎山明誠"
SECOND = "東西南北中新興安泰福德華榮昌隆盛豐平康樂"
NUMERALS = "一二三四五六七八九"
POOL = []
for a in FIRST:
    for b in SECOND:
        POOL.append(a + b)
rng.shuffle(POOL)
POOL = POOL[:500]

# roads per district: 20 east-west (ew) and 20 north-south (ns); a quarter of them have a section
ROADS = []  # (district index, name, section, axis, index)
for d in range(len(DISTRICTS)):
    for axis in ("ew", "ns"):
        for i in range(20):
            name = POOL[(d * 37 + i * 7 + (0 if axis == "ew" else 250)) % len(POOL)] + ("路" if i % 3 else "街")
            section = (i % 4) if i % 4 else 0
            ROADS.append((d, name, section, axis, i))

per_road = PLATES // len(ROADS)
SPACING = 66.0


def origin(d):
    return 168000 + (d % 7) * 1800, 2488000 + (d // 7) * 1800


def position(road, n, sub=0):
    d, _, _, axis, i = road
    x0, y0 = origin(d)
    along = (n - 1) // 2 * 4.0 + sub * 1.0
    side = 5.0 if n % 2 else -5.0
    if axis == "ew":
        return x0 + along, y0 + i * SPACING + side
    return x0 + i * SPACING + side, y0 + along


def road_text(road, zh_section=False):
    _, name, section, _, _ = road
    if not section:
        return name
    return name + (NUMERALS[section - 1] if zh_section else str(section)) + "段"


os.makedirs(out, exist_ok=True)
kept = {}  # road index -> list of numbers present
rows = 0
with gzip.open(os.path.join(out, "gazetteer.csv.gz"), "wt", encoding="utf-8", compresslevel=3) as f:
    f.write("縣市,鄉鎮市區,村里,鄰,街.路段,地區,巷,弄,號,橫坐標,縱坐標\n")
    r = 0
    while rows < PLATES:
        road = ROADS[r % len(ROADS)]
        present = kept.setdefault(r % len(ROADS), [])
        start = (r // len(ROADS)) * per_road + 1
        n = start
        while n < start + per_road + per_road // 10 and rows < PLATES:
            if n % 10 != 0:
                x, y = position(road, n)
                f.write(f"高雄市,{DISTRICTS[road[0]]},某里,{n % 30 + 1},{road_text(road, rng.random() < 0.5)},,,,{n}號,{x:.3f},{y:.3f}\n")
                rows += 1
                present.append(n)
                if n % 20 == 3 and rows < PLATES:
                    x, y = position(road, n, 1)
                    f.write(f"高雄市,{DISTRICTS[road[0]]},某里,{n % 30 + 1},{road_text(road)},,,,{n}之1號,{x:.3f},{y:.3f}\n")
                    rows += 1
            n += 1
        r += 1

FULL = str.maketrans("0123456789", "０１２３４５６７８９")
TRAIL = ["前", "旁", "對面", "附近", "燈桿", "電桿", "(路口)", "旁路燈桿", ""]


def vary_number(n, sub):
    if not sub:
        return f"{n}號"
    return rng.choice([f"{n}之{sub}號", f"{n}-{sub}號", f"{n}號之{sub}", f"{n}之一號"])


def prefix(d):
    """City and district as lists write them; returns (text, camera district or None)."""
    u = rng.random()
    if u < 0.45:
        return "高雄市" + DISTRICTS[d], DISTRICTS[d]
    if u < 0.55:
        return "高雄市 " + DISTRICTS[d] + " ", DISTRICTS[d]
    if u < 0.75:
        return DISTRICTS[d], None
    if u < 0.97:
        return "", DISTRICTS[d]  # the list names no district; the camera's district is known
    return "", None  # nothing says which district: ambiguous when the road name recurs


with open(os.path.join(out, "cameras.tsv"), "w", encoding="utf-8") as f:
    for c in range(CAMERAS):
        kind = rng.random()
        ri = rng.randrange(len(ROADS))
        while not kept.get(ri):
            ri = rng.randrange(len(ROADS))
        road = ROADS[ri]
        d = road[0]
        numbers = kept[ri]
        pre, cam_district = prefix(d)
        if kind < 0.62:  # a door plate that exists (some with their sub-number)
            n = rng.choice(numbers)
            sub = 1 if n % 20 == 3 and rng.random() < 0.5 else 0
            text = pre + road_text(road, rng.random() < 0.4) + vary_number(n, sub)
        elif kind < 0.77:  # a number left out of the gazetteer: the nearest one
            n = rng.choice(numbers) // 10 * 10 or 10
            text = pre + road_text(road, rng.random() < 0.4) + f"{n}號"
        elif kind < 0.89:  # an intersection of two roads of the grid
            other = ROADS[(ri // 40) * 40 + (20 if road[3] == "ew" else 0) + rng.randrange(20)]
            sep = rng.choice(["與{}口", "/{}口", "、{}交叉口", "與{}交岔路口"])
            text = pre + road_text(road) + sep.format(road_text(other))
        elif kind < 0.95:  # the road only
            text = pre + road_text(road) + rng.choice(["", "口", "旁"])
        else:  # a road the gazetteer does not know
            text = pre + "無名" + POOL[c % 50][0] + "路" + f"{rng.randrange(1, 300)}號"
        if rng.random() < 0.2:
            text = text.translate(FULL)
        if rng.random() < 0.3:
            text += rng.choice(TRAIL)
        text = text.replace("\t", " ")
        f.write(f"GC{c:06d}\t{text}\t{cam_district or ''}\n")
print(f"{rows} door plates, {CAMERAS} camera addresses")

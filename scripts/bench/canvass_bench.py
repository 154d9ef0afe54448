#!/usr/bin/env python3
"""Canvass benchmark client (scripts/bench-canvass): finds the densest place (the 300 m circle with the most
cameras), then times through HTTP a 300 m canvass there with a 2-hour window and a 20 km route with a 50 m corridor
through it (N requests each after a warm-up; p50/p95), and beside each the raw SQL of the same statement, taken
from CanvassQueries.java with the parameters inlined, timed by EXPLAIN ANALYZE (execution time, warm).
"""
import base64
import datetime
import http.client
import json
import math
import os
import re
import statistics
import subprocess
import sys
import time
import urllib.parse

PORT = int(os.environ.get("PORT", "8137"))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "40"))
WARMUP = int(os.environ.get("BENCH_WARMUP", "5"))
SQL_RUNS = int(os.environ.get("BENCH_SQL_RUNS", "15"))
USER, PASSWORD, QUERIES = sys.argv[1], sys.argv[2], sys.argv[3]
PSQL = os.environ["BENCH_PSQL"].split()
TAIPEI = datetime.timezone(datetime.timedelta(hours=8))


def psql(sql):
    return subprocess.run(PSQL + ["-tAX", "-v", "ON_ERROR_STOP=1", "-c", sql], check=True,
                          capture_output=True, text=True).stdout


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(math.ceil(p / 100 * len(values))) - 1)]


# --- the statements as the application runs them: the text blocks of CanvassQueries.java, formatted as Java does
source = open(QUERIES, encoding="utf-8").read()
blocks = {}
for name, body, args in re.findall(r'static final String (\w+) = """(.*?)"""(?:\.formatted\(([^)]*)\))?;', source, re.S):
    blocks[name] = (body, [a.strip() for a in args.split(",")] if args else [])


def statement(name):
    body, args = blocks[name]
    for a in args:
        body = body.replace("%s", statement(a), 1)
    return body


def inline(sql, params):
    def value(m):
        v = params[m.group(1)]
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, (int, float)):
            return repr(v)
        return "'" + v + "'"
    return re.sub(r"(?<![:\w]):(\w+)", value, sql)


def degrees_of_latitude(metres):  # as CanvassQueries.degreesOfLatitude
    return metres / 110_000 * 1.05


def degrees_of_longitude(metres, latitude):  # as CanvassQueries.degreesOfLongitude
    return metres / (110_000 * math.cos(math.radians(min(abs(latitude) + 1, 89)))) * 1.05


def local_plane(latitude):  # as CanvassQueries.localPlane: metres per degree on the ellipsoid's local plane
    a, e2 = 6_378_137.0, 0.00669437999014
    w = math.sqrt(1 - e2 * math.sin(math.radians(latitude)) ** 2)
    return {"kx": math.radians(a / w), "ky": math.radians(a * (1 - e2) / w ** 3)}


def pieces(points):  # as CanvassQueries.pieces: no piece longer than 100 m
    a_, e2 = 6_378_137.0, 0.00669437999014
    out = []
    for k, b in enumerate(points):
        if k > 0:
            a = points[k - 1]
            mid = math.radians((a[1] + b[1]) / 2)
            w = math.sqrt(1 - e2 * math.sin(mid) ** 2)
            dx = math.radians(b[0] - a[0]) * a_ / w * math.cos(mid)
            dy = math.radians(b[1] - a[1]) * a_ * (1 - e2) / w ** 3
            parts = max(1, math.ceil(math.hypot(dx, dy) / 100))
            for part in range(1, parts):
                f = part / parts
                out.append([a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1])])
        out.append(b)
    return out


def sql_times(sql):
    explain = "SET jit = off; EXPLAIN (ANALYZE, TIMING OFF) "  # JIT off as CanvassQueries sets it for its transaction
    psql(explain + sql)  # warm
    times = []
    for _ in range(SQL_RUNS):
        out = psql(explain + sql)
        times.append(float(re.search(r"Execution Time: ([0-9.]+) ms", out).group(1)))
    return statistics.median(times), pct(times, 95)


auth = "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
conn = http.client.HTTPConnection("localhost", PORT, timeout=120)


def call(method, path, body=None, parse=True):
    """One request; the body is read whole (gzip, as a browser asks); parsed only when the answer is needed, so the
    timed calls measure the application's answer, not this client's JSON parsing."""
    headers = {"Authorization": auth, "Accept-Encoding": "gzip", "X-Forwarded-For": "198.18.0.97"}
    if body is not None:
        headers["Content-Type"] = "application/json"
    conn.request(method, path, body=body, headers=headers)
    r = conn.getresponse()
    data = r.read()
    if r.status // 100 != 2:
        raise SystemExit(f"{path}: HTTP {r.status} {data[:300]!r}")
    if not parse:
        return len(data)
    if r.getheader("Content-Encoding") == "gzip":
        import gzip
        data = gzip.decompress(data)
    return json.loads(data)


def timed(method, path, body=None):
    for _ in range(WARMUP):
        call(method, path, body)
    times = []
    for _ in range(REQUESTS):
        t = time.perf_counter()
        call(method, path, body, parse=False)
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), pct(times, 95)


# --- the densest place: the fullest 200 m grid cells, each refined once to the mean of the cameras within 300 m
t = time.time()
cells = psql("""SELECT (floor(ST_X(location) / 0.002) + 0.5) * 0.002, (floor(ST_Y(location) / 0.002) + 0.5) * 0.002
                  FROM camera WHERE location IS NOT NULL AND status <> 'PLANNED'
                 GROUP BY floor(ST_X(location) / 0.002), floor(ST_Y(location) / 0.002) ORDER BY count(*) DESC LIMIT 5""")
best = None
for line in cells.split():
    lon, lat = map(float, line.split("|"))
    for _ in range(2):
        row = psql(f"""SELECT avg(ST_X(location)), avg(ST_Y(location)) FROM camera
                        WHERE location && ST_Expand(ST_SetSRID(ST_MakePoint({lon}, {lat}), 4326), 0.004)
                          AND ST_DWithin(location::geography, ST_SetSRID(ST_MakePoint({lon}, {lat}), 4326)::geography, 300)
                          AND status <> 'PLANNED'""").strip()
        lon, lat = map(float, row.split("|"))
    n = int(psql(f"""SELECT count(*) FROM camera WHERE location && ST_Expand(ST_SetSRID(ST_MakePoint({lon}, {lat}), 4326), 0.004)
                      AND ST_DWithin(location::geography, ST_SetSRID(ST_MakePoint({lon}, {lat}), 4326)::geography, 300)
                      AND status <> 'PLANNED'""").strip())
    if best is None or n > best[2]:
        best = (lon, lat, n)
lon, lat, dense = best
print(f"densest place: {lon:.5f}, {lat:.5f} with {dense} cameras (not planned) within 300 m (found in {time.time() - t:.1f} s)")

# a 2-hour window 30 days back, on the hour
start = datetime.datetime.now(datetime.timezone.utc).replace(minute=0, second=0, microsecond=0) - datetime.timedelta(days=30)
end = start + datetime.timedelta(hours=2)
iso = lambda d: d.strftime("%Y-%m-%dT%H:%M:%SZ")
window = {"from": iso(start) + "", "to": iso(end),
          "fromDate": start.astimezone(TAIPEI).date().isoformat(), "toDate": end.astimezone(TAIPEI).date().isoformat(),
          "lprOnly": False}

# --- a canvass needs a case the caller may see (each preview is audited against it): one benchmark case per run
opened = call("POST", "/api/cases", json.dumps({"caseNumber": f"BENCH-{int(time.time())}", "title": "scripts/bench-canvass",
                                                "incidentFrom": iso(start), "incidentTo": iso(end)}))
CASE_ID = opened["id"]


# --- 300 m canvass: at the densest place, and at the seeded cluster of about 2,000 cameras (Formosa Boulevard)
def canvass(lon, lat, label):
    path = "/api/investigation/canvass-preview?" + urllib.parse.urlencode(
        {"caseId": CASE_ID, "longitude": lon, "latitude": lat, "radiusM": 300, "from": iso(start), "to": iso(end)})
    answer = call("GET", path)
    mix = {}
    for c in answer["cameras"]:
        mix[c["availability"]] = mix.get(c["availability"], 0) + 1
    p50, p95 = timed("GET", path)
    point_sql = inline(statement("POINT"), dict(window, lon=lon, lat=lat, radius=300, dx=degrees_of_longitude(300, lat),
                                                 dy=degrees_of_latitude(300), **local_plane(lat)))
    s50, s95 = sql_times(point_sql)
    print(f"canvass 300 m {label} ({lon:.5f}, {lat:.5f}), 2-hour window {iso(start)}..{iso(end)}: "
          f"{answer['summary']['found']} cameras ({', '.join(f'{k} {v}' for k, v in sorted(mix.items()))}), "
          f"{answer['summary']['facingAndRecording']} facing and recording")
    print(f"  HTTP (GET /api/investigation/canvass-preview, {REQUESTS} after {WARMUP} warm-up, request sent to last byte of the gzipped answer): p50 {p50:.1f} ms, p95 {p95:.1f} ms")
    print(f"  raw SQL of the same statement (EXPLAIN ANALYZE, {SQL_RUNS} warm runs): median {s50:.1f} ms, p95 {s95:.1f} ms")
    print(f"  target p95 <= 50 ms and <= 2x raw SQL ({2 * s50:.1f} ms): {'yes' if p95 <= 50 and p95 <= 2 * s50 else 'NO'}",
          flush=True)


def place_with(cameras):
    """The centre of a 300 m circle holding about this many cameras: 200 m cells whose count, scaled to the circle's
    area, comes nearest, each refined once to the mean of the cameras within 300 m; the closest count wins."""
    found = None
    rows = psql(f"""SELECT (floor(ST_X(location) / 0.002) + 0.5) * 0.002, (floor(ST_Y(location) / 0.002) + 0.5) * 0.002
                      FROM camera WHERE location IS NOT NULL AND status <> 'PLANNED'
                     GROUP BY floor(ST_X(location) / 0.002), floor(ST_Y(location) / 0.002)
                     ORDER BY abs(count(*) * 6.2 - {cameras}) LIMIT 8""")
    for line in rows.split():
        x, y = map(float, line.split("|"))
        within = f"""location && ST_Expand(ST_SetSRID(ST_MakePoint({{x}}, {{y}}), 4326), 0.004)
                     AND ST_DWithin(location::geography, ST_SetSRID(ST_MakePoint({{x}}, {{y}}), 4326)::geography, 300)
                     AND status <> 'PLANNED'"""
        x, y = map(float, psql(f"SELECT avg(ST_X(location)), avg(ST_Y(location)) FROM camera WHERE {within.format(x=x, y=y)}").strip().split("|"))
        n = int(psql(f"SELECT count(*) FROM camera WHERE {within.format(x=x, y=y)}").strip())
        if found is None or abs(n - cameras) < abs(found[2] - cameras):
            found = (x, y, n)
    return found


canvass(lon, lat, "at the densest place")
canvass(120.3022, 22.6313, "at the seeded cluster")
typical = place_with(2000)
canvass(typical[0], typical[1], f"where the circle holds about 2,000 cameras (the issue's density; {typical[2]} here)")

# --- 20 km routes: 41 points 500 m apart heading 20°, wiggling 150 m either side, centred on a place
def route(lon, lat, label):
    bearing = math.radians(20)
    points = []
    for i in range(41):
        along, side = -10_000 + i * 500, 150 * math.sin(i)
        north = along * math.cos(bearing) - side * math.sin(bearing)
        east = along * math.sin(bearing) + side * math.cos(bearing)
        points.append([round(lon + east / (111_320 * math.cos(math.radians(lat))), 7), round(lat + north / 110_750, 7)])
    lons = "{" + ",".join(repr(p[0]) for p in points) + "}"
    lats = "{" + ",".join(repr(p[1]) for p in points) + "}"
    # the statement's points as the application binds them: the drawn route cut into pieces of at most 100 m
    cut = pieces(points)
    piece_lons = "{" + ",".join(repr(p[0]) for p in cut) + "}"
    piece_lats = "{" + ",".join(repr(p[1]) for p in cut) + "}"
    length = float(psql(f"""SELECT ST_Length(ST_SetSRID(ST_MakeLine(ARRAY(SELECT ST_MakePoint(x, y)
                              FROM unnest('{lons}'::float8[], '{lats}'::float8[]) WITH ORDINALITY AS t (x, y, n) ORDER BY n)), 4326)::geography)"""))
    body = json.dumps({"caseId": CASE_ID, "route": points, "halfWidthM": 50, "from": iso(start), "to": iso(end)})
    answer = call("POST", "/api/investigation/route-preview", body)
    r50, r95 = timed("POST", "/api/investigation/route-preview", body)
    route_sql = inline(statement("ROUTE"), dict(window, lons=piece_lons, lats=piece_lats, radius=50,
                                                 dx=degrees_of_longitude(50, max(abs(p[1]) for p in cut)),
                                                 dy=degrees_of_latitude(50),
                                                 **local_plane(sum(p[1] for p in cut) / len(cut))))
    q50, q95 = sql_times(route_sql)
    print(f"route {length / 1000:.2f} km ({len(points)} points) {label}, 50 m corridor, same window: "
          f"{answer['summary']['found']} cameras")
    print(f"  HTTP (POST /api/investigation/route-preview, {REQUESTS} after {WARMUP} warm-up, request sent to last byte "
          f"of the gzipped answer): p50 {r50:.1f} ms, p95 {r95:.1f} ms")
    print(f"  raw SQL of the same statement (EXPLAIN ANALYZE, {SQL_RUNS} warm runs): median {q50:.1f} ms, p95 {q95:.1f} ms")
    print(f"  target p95 <= 100 ms: {'yes' if r95 <= 100 else 'NO'}", flush=True)


route(lon, lat, "through the densest place")
route(typical[0], typical[1], "through the place of about 2,000 cameras in 300 m")

#!/usr/bin/env python3
"""Map viewport benchmark client: GET /api/map/cameras for a 1920x1080 view around central Kaohsiung
(120.31, 22.63) at every zoom from 8 to 18, N requests each (after a warm-up), with gzip as a browser asks;
prints p50/p95 and the gzipped size per zoom. Beside it, the time of a direct SQL aggregation of the same view
over the camera table (ST_Transform to 3857, ST_SnapToGrid of a 64-pixel cell, count and state mix per cell,
through psql's EXPLAIN ANALYZE), the baseline the issue names.
"""
import base64
import http.client
import json
import math
import os
import re
import statistics
import subprocess
import sys
import time

PORT = int(os.environ.get("PORT", "8096"))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "30"))
WARMUP = int(os.environ.get("BENCH_WARMUP", "3"))
SQL_RUNS = int(os.environ.get("BENCH_SQL_RUNS", "3"))
ZOOMS = [int(z) for z in os.environ.get("BENCH_ZOOMS", "8,9,10,11,12,13,14,15,16,17,18").split(",")]
USER, PASSWORD = sys.argv[1], sys.argv[2]
PSQL = os.environ["BENCH_PSQL"].split()
CENTRE = (120.31, 22.63)
R = 6378137.0
EQUATOR = 40075016.686


def merc(lon, lat):
    return R * math.radians(lon), R * math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def unmerc(x, y):
    return math.degrees(x / R), math.degrees(2 * math.atan(math.exp(y / R)) - math.pi / 2)


def view(zoom, width=1920, height=1080):
    res = EQUATOR / 256 / 2 ** zoom
    cx, cy = merc(*CENTRE)
    a = unmerc(cx - width / 2 * res, cy - height / 2 * res)
    b = unmerc(cx + width / 2 * res, cy + height / 2 * res)
    return a[0], a[1], b[0], b[1]


def psql(sql):
    return subprocess.run(PSQL + ["-tAX", "-v", "ON_ERROR_STOP=1", "-c", sql], check=True,
                          capture_output=True, text=True).stdout


def sql_ms(box, zoom):
    cell = EQUATOR / 2 ** zoom / 256 * 64
    sql = f"""EXPLAIN (ANALYZE, TIMING OFF)
      SELECT count(*), avg(ST_X(c.location)), avg(ST_Y(c.location)),
             count(*) FILTER (WHERE o.id IS NOT NULL) AS outage, count(*) FILTER (WHERE c.status = 'FAULTY') AS faulty,
             count(*) FILTER (WHERE c.lpr = 'LPR') AS lpr
      FROM camera c LEFT JOIN outage o ON o.camera_id = c.id AND o.ended_at IS NULL
      WHERE c.location && ST_MakeEnvelope({box[0]}, {box[1]}, {box[2]}, {box[3]}, 4326)
      GROUP BY ST_SnapToGrid(ST_Transform(c.location, 3857), {cell})"""
    times = []
    for _ in range(SQL_RUNS):
        out = psql(sql)
        times.append(float(re.search(r"Execution Time: ([0-9.]+) ms", out).group(1)))
    return statistics.median(times)


auth = "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
conn = http.client.HTTPConnection("localhost", PORT, timeout=120)


def get(path):
    conn.request("GET", path, headers={"Authorization": auth, "Accept-Encoding": "gzip",
                                       "X-Forwarded-For": "198.18.0.96"})
    r = conn.getresponse()
    body = r.read()
    if r.status != 200:
        raise SystemExit(f"{path}: HTTP {r.status} {body[:300]!r}")
    gz = r.getheader("Content-Encoding") == "gzip"
    return body, gz


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(math.ceil(p / 100 * len(values))) - 1)]


# The first low-zoom request starts the (re)build of the kept per-cell counts when they are missing or a rebuild is
# queued (a migration or a bulk change); wait until it is done.
started = time.time()
get("/api/map/cameras?bbox=" + ",".join(f"{v:.6f}" for v in view(8)) + "&zoom=8")
while (psql("SELECT count(*) FROM map_cell_refresh").strip() == "0"
       or psql("SELECT count(*) FROM map_dirty WHERE camera_id IS NULL").strip() != "0") and time.time() - started < 300:
    time.sleep(0.5)
print(f"per-cell counts built after {time.time() - started:.1f} s "
      f"({psql('SELECT count(*) FROM map_cell').strip()} cells, {psql('SELECT count(*) FROM map_camera').strip()} cameras)",
      flush=True)

print(f"viewport 1920x1080 around {CENTRE}, {REQUESTS} requests per zoom after {WARMUP} warm-up; "
      f"target p95 <= 100 ms and <= 300 KB gzipped")
print(f"{'zoom':>4} {'mode':>8} {'total':>8} {'features':>8} {'p50 ms':>8} {'p95 ms':>8} {'gzip KB':>8} {'SQL ms':>8}  ok")
misses = 0
for zoom in ZOOMS:
    box = view(zoom)
    path = "/api/map/cameras?bbox=" + ",".join(f"{v:.6f}" for v in box) + f"&zoom={zoom}"
    for _ in range(WARMUP):
        get(path)
    times = []
    body, gz = b"", False
    for _ in range(REQUESTS):
        t = time.perf_counter()
        body, gz = get(path)
        times.append((time.perf_counter() - t) * 1000)
    import gzip
    doc = json.loads(gzip.decompress(body) if gz else body)
    size = len(body) if gz else len(gzip.compress(body))
    features = len(doc["clusters"]) + len(doc["cameras"])
    p50, p95 = statistics.median(times), pct(times, 95)
    sql = sql_ms(box, zoom)
    ok = p95 <= 100 and size <= 300 * 1024
    misses += 0 if ok else 1
    print(f"{zoom:>4} {doc['mode']:>8} {doc['total']:>8} {features:>8} {p50:>8.1f} {p95:>8.1f} {size / 1024:>8.1f} "
          f"{sql:>8.1f}  {'yes' if ok else 'NO'}" + ("" if gz else "  (answer was not gzipped; size gzipped here)"),
          flush=True)
print(f"{len(ZOOMS) - misses} of {len(ZOOMS)} zooms within the target")


def timed(path, n):
    for _ in range(2):
        get(path)
    times = []
    for _ in range(n):
        t = time.perf_counter()
        get(path)
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), pct(times, 95)


def answer(path):
    import gzip
    body, gz = get(path)
    return json.loads(gzip.decompress(body) if gz else body)


# Freshness: outages opened and closed in one statement each; the next low-zoom answer applies them first.
box12 = view(12)
path12 = "/api/map/cameras?bbox=" + ",".join(f"{v:.6f}" for v in box12) + "&zoom=12"
env = f"ST_MakeEnvelope({box12[0]}, {box12[1]}, {box12[2]}, {box12[3]}, 4326)"
CHANGED = int(os.environ.get("BENCH_CHANGED", "1000"))
before = sum(c["states"]["OUTAGE"] for c in answer(path12)["clusters"])
time.sleep(2.1)  # past aggregate-max-age: the next request applies what is queued
psql(f"""INSERT INTO outage (camera_id, started_at, cause, source)
         SELECT c.id, now() - interval '1 minute', 'MANUAL', 'bench-map-fresh' FROM camera c
         WHERE c.location && {env} AND c.status = 'ACTIVE'
           AND NOT EXISTS (SELECT 1 FROM outage o WHERE o.camera_id = c.id AND o.ended_at IS NULL)
         ORDER BY random() LIMIT {CHANGED}""")
t = time.perf_counter()
after_doc = answer(path12)
first_ms = (time.perf_counter() - t) * 1000
after = sum(c["states"]["OUTAGE"] for c in after_doc["clusters"])
time.sleep(2.1)
psql("UPDATE outage SET ended_at = now() WHERE source = 'bench-map-fresh' AND ended_at IS NULL")
t = time.perf_counter()
cleared = sum(c["states"]["OUTAGE"] for c in answer(path12)["clusters"])
clear_ms = (time.perf_counter() - t) * 1000
print(f"freshness at zoom 12: {CHANGED} outages opened in one statement -> the next answer took {first_ms:.1f} ms and "
      f"counted {after - before:+d} outages; closed again -> {clear_ms:.1f} ms, {cleared - before:+d}", flush=True)

# Low zoom with filters the cells are not split by: counted from the camera table.
funding = psql("SELECT funding_source_id FROM camera WHERE funding_source_id IS NOT NULL "
               "GROUP BY 1 ORDER BY count(*) DESC LIMIT 1").strip()
print(f"filters at zoom 12 and 8 (1920x1080), {REQUESTS} requests after 2 warm-up:")
for zoom in (12, 8):
    box = view(zoom)
    base = "/api/map/cameras?bbox=" + ",".join(f"{v:.6f}" for v in box) + f"&zoom={zoom}"
    for label, q in (("state=OUTAGE (cells)", "&state=OUTAGE"), ("lpr=ANY_LPR (cells)", "&lpr=ANY_LPR"),
                     (f"funding={funding}", f"&funding={funding}"), ("installFrom=2018&installTo=2020",
                     "&installFrom=2018&installTo=2020"), ("eolTo=2026", "&eolTo=2026")):
        p50, p95 = timed(base + q, REQUESTS)
        doc = answer(base + q)
        print(f"  zoom {zoom:>2} {label:<34} total {doc['total']:>8}  p50 {p50:>7.1f} ms  p95 {p95:>7.1f} ms", flush=True)

# The choropleth's figures and the outage poll.
for kind in ("precinct", "district"):
    p50, p95 = timed(f"/api/map/areas?kind={kind}", 10)
    print(f"/api/map/areas?kind={kind} (last 30 days): p50 {p50:.1f} ms, p95 {p95:.1f} ms (10 requests)", flush=True)
cams_sql = []
for _ in range(SQL_RUNS):
    out = psql("""EXPLAIN (ANALYZE, TIMING OFF) SELECT c.precinct_id, count(*) FILTER (WHERE c.status IN ('ACTIVE', 'FAULTY')),
                  count(*) FILTER (WHERE c.status = 'ACTIVE' AND o.id IS NULL), count(o.id)
                  FROM camera c LEFT JOIN outage o ON o.camera_id = c.id AND o.ended_at IS NULL
                  WHERE c.precinct_id IS NOT NULL GROUP BY c.precinct_id""")
    cams_sql.append(float(re.search(r"Execution Time: ([0-9.]+) ms", out).group(1)))
print(f"  baseline: cameras/working/down per precinct counted from the camera table: {statistics.median(cams_sql):.1f} ms")
since = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() - 15))
p50, p95 = timed(f"/api/map/outages/changes?since={since}", REQUESTS)
print(f"/api/map/outages/changes (15 s back): p50 {p50:.1f} ms, p95 {p95:.1f} ms", flush=True)

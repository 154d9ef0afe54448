#!/usr/bin/env python3
"""Camera list benchmark client: logs in once (session cookie, as the pages do), then calls
GET /api/cameras with two filters and a text search, many times with varied terms, and prints
p50/p95/p99. Beside it, the raw SQL time of the same queries (EXPLAIN ANALYZE through psql).

The SQL below mirrors CameraQueries.matchingIds/list/listAmong for these filters (keep them in step).
"""
import http.client
import json
import os
import random
import re
import statistics
import subprocess
import sys
import time
import urllib.parse

PORT = int(os.environ.get("PORT", "8081"))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "500"))
WARMUP = int(os.environ.get("BENCH_WARMUP", "150"))
SQL_SAMPLE = int(os.environ.get("BENCH_SQL_SAMPLE", "200"))
USER, PASSWORD = sys.argv[1], sys.argv[2]
PSQL = os.environ["BENCH_PSQL"].split()
COUNT_CAP = int(os.environ.get("WATCHKEEPER_CAMERA_COUNT_CAP", "1000"))
PAGE = 50

ROADS = ["中山一路", "中山二路", "中正四路", "民族一路", "博愛二路", "九如二路", "建國三路", "自由一路", "七賢二路",
         "五福一路", "成功二路", "三多四路", "青年一路", "光華二路", "河堤路", "大順二路", "澄清路", "鼎山街", "覺民路",
         "文化路", "光遠路", "維新路", "明誠二路", "裕誠路", "民權二路", "四維三路", "凱旋二路", "一心一路", "鳳頂路",
         "楠梓新路", "岡山路", "介壽路", "中華路", "仁愛路", "信義路", "和平路", "勝利路", "民生路", "公園路"]


def psql(sql):
    return subprocess.run(PSQL + ["-tAX", "-v", "ON_ERROR_STOP=1", "-c", sql], check=True,
                          capture_output=True, text=True).stdout


def ids(table):
    return [int(x) for x in psql(f"SELECT id FROM {table} ORDER BY id").split()]


def sample_cameras(n):
    rows = psql("SELECT asset_tag, coalesce(address, ''), coalesce(precinct_id, 0), coalesce(district_id, 0), "
                "coalesce(funding_source_id, 0), lpr, status FROM camera TABLESAMPLE SYSTEM (1) REPEATABLE (7) "
                f"WHERE precinct_id IS NOT NULL LIMIT {n}")
    return [line.split("|") for line in rows.splitlines() if line]


random.seed(20230630)
precincts, districts, funds = ids("precinct"), ids("district"), ids("funding_source")
cameras = sample_cameras(400)
tags = [c[0] for c in cameras]
ROAD = re.compile(r"([\u4e00-\u9fff]{1,4}(?:路|街|大道)(?:[一二三四五六七八九十]段)?)")


def road_of(address):
    m = ROAD.findall(address)
    return m[-1] if m else None


def term(camera=None):
    r = random.random()
    if camera is not None and r < 0.6 and road_of(camera[1]):
        return road_of(camera[1])                      # a road the camera is on
    if r < 0.6:
        return random.choice(ROADS)                    # a road name, as typed by a dispatcher
    t = camera[0] if camera is not None else random.choice(tags)
    if r < 0.85:
        return t[:random.choice([5, 6, 7])].lower()    # the start of an asset tag, any case
    return t.split("-")[0]                             # a pole's site code


def filters(camera=None):
    """Two filters; with a camera, the ones that camera satisfies (so that the page is not empty)."""
    kind = random.randrange(6)
    if camera is not None:
        tag, address, precinct, district, fund, lpr, status = camera
        if kind == 0:
            return {"precinct": int(precinct), "status": status}
        if kind == 1:
            return {"district": int(district), "lpr": "ANY" if lpr != "NONE" else "NONE"}
        if kind == 2:
            return {"precinct": int(precinct), "lpr": lpr}
        if kind == 4 and int(fund):
            return {"fundingSource": int(fund), "status": status}
        return {"district": int(district), "status": status}
    if kind == 0:
        return {"precinct": random.choice(precincts), "status": "ACTIVE"}
    if kind == 1:
        return {"district": random.choice(districts), "lpr": "ANY"}
    if kind == 2:
        return {"precinct": random.choice(precincts), "lpr": "LPR"}
    if kind == 3:
        return {"status": "FAULTY", "endOfLifeYear": random.choice([2022, 2023, 2024, 2025, 2026])}
    if kind == 4:
        return {"fundingSource": random.choice(funds), "status": "ACTIVE"}
    return {"district": random.choice(districts), "status": "ACTIVE"}


def where(f, q):
    parts = ["TRUE"]
    if "precinct" in f: parts.append(f"c.precinct_id = {f['precinct']}")
    if "district" in f: parts.append(f"c.district_id = {f['district']}")
    if "status" in f: parts.append(f"c.status = '{f['status']}'")
    if f.get("lpr") == "ANY": parts.append("c.lpr IN ('LPR', 'REALTIME_LPR')")
    elif "lpr" in f: parts.append(f"c.lpr = '{f['lpr']}'")
    if "fundingSource" in f: parts.append(f"c.funding_source_id = {f['fundingSource']}")
    if "endOfLifeYear" in f:
        y = f["endOfLifeYear"]
        parts.append(f"c.end_of_life >= DATE '{y}-01-01' AND c.end_of_life < DATE '{y + 1}-01-01'")
    like = "'%" + q.replace("'", "''") + "%'"
    if re.fullmatch(r"[A-Za-z0-9._/-]+", q):
        parts.append(f"(c.asset_tag ILIKE {like} OR c.address ILIKE {like} OR c.site_id = ANY "
                     f"(ARRAY(SELECT s.id FROM site s WHERE s.code ILIKE {like})))")
    else:
        parts.append(f"c.address ILIKE {like}")
    return " AND ".join(parts)


def list_sql(f, q):
    return f"""SELECT c.id, c.asset_tag, s.code AS site_code, c.address, c.status, c.lpr, c.install_date, c.end_of_life,
       c.placed, p.id, p.code, p.name_zh, p.name_en, d.id, d.code, d.name_zh, d.name_en
  FROM (SELECT c.id, c.asset_tag, c.site_id, c.address, c.status, c.lpr, c.install_date, c.end_of_life,
               c.updated_at, c.location IS NOT NULL AS placed, c.precinct_id, c.district_id
          FROM camera c WHERE {where(f, q)} ORDER BY c.asset_tag ASC LIMIT {PAGE + 1} OFFSET 0) c
  LEFT JOIN site s ON s.id = c.site_id LEFT JOIN precinct p ON p.id = c.precinct_id
  LEFT JOIN district d ON d.id = c.district_id ORDER BY c.asset_tag ASC"""


def ids_sql(f, q):
    return f"SELECT c.id FROM camera c WHERE {where(f, q)} LIMIT {COUNT_CAP + 1}"


def among_sql(f, q):
    """The page sorted out of the matching ids (the app binds the ids it fetched; here a CTE stands in)."""
    return list_sql(f, q).replace(f"FROM camera c WHERE {where(f, q)}",
                                  f"FROM camera c WHERE c.id IN (SELECT id FROM ({ids_sql(f, q)}) m)")


class Client:
    def __init__(self):
        self.conn = http.client.HTTPConnection("localhost", PORT, timeout=60)
        self.cookie = ""

    def request(self, method, path, body=None, headers=None):
        h = {"Cookie": self.cookie} if self.cookie else {}
        h.update(headers or {})
        self.conn.request(method, path, body=body, headers=h)
        r = self.conn.getresponse()
        data = r.read()
        for k, v in r.getheaders():
            if k.lower() == "set-cookie" and v.startswith("JSESSIONID="):
                self.cookie = v.split(";")[0]
        return r.status, data

    def log_in(self):
        status, page = self.request("GET", "/login")
        token = re.search(rb'name="_csrf" value="([^"]+)"', page).group(1).decode()
        body = urllib.parse.urlencode({"username": USER, "password": PASSWORD, "_csrf": token})
        status, _ = self.request("POST", "/login", body, {"Content-Type": "application/x-www-form-urlencoded"})
        if status != 302:
            sys.exit(f"login failed: HTTP {status}")


def pct(values, p):
    s = sorted(values)
    return s[min(len(s) - 1, max(0, int(round(p / 100 * len(s) + 0.5)) - 1))]


client = Client()
client.log_in()
def case():
    # two in three requests look for a camera that exists (its own road or tag under its own precinct,
    # district, status or LPR), one in three for random combinations, which are mostly empty
    if random.random() < 2 / 3:
        camera = random.choice(cameras)
        return filters(camera), term(camera)
    return filters(), term()


cases = [case() for _ in range(WARMUP + REQUESTS)]
times, rows, capped, exact, slow_http = [], [], 0, [], []
for i, (f, q) in enumerate(cases):
    qs = urllib.parse.urlencode({**f, "q": q, "size": PAGE})
    t0 = time.perf_counter()
    status, data = client.request("GET", "/api/cameras?" + qs)
    elapsed = (time.perf_counter() - t0) * 1000
    if status != 200:
        sys.exit(f"HTTP {status} for {qs}: {data[:300]!r}")
    if i >= WARMUP:
        page = json.loads(data)
        times.append(elapsed)
        slow_http.append((elapsed, f, q))
        rows.append(len(page["items"]))
        capped += 0 if page["totalExact"] else 1
        exact.append(page["totalExact"])

print(f"camera list API, {len(times)} requests after {WARMUP} warm-up, page size {PAGE}, two filters + text search")
print(f"  HTTP  p50 {pct(times, 50):6.1f} ms   p95 {pct(times, 95):6.1f} ms   p99 {pct(times, 99):6.1f} ms   "
      f"max {max(times):6.1f} ms   mean {statistics.mean(times):5.1f} ms")
print(f"  pages: {sum(1 for r in rows if r == PAGE)} full, {sum(1 for r in rows if 0 < r < PAGE)} partial, "
      f"{sum(1 for r in rows if r == 0)} empty; {capped} with a total that is not exact (estimated, or more than {COUNT_CAP} for a text search)")

print("  slowest HTTP: " + "; ".join(f"{ms:.0f} ms {f} q={q}" for ms, f, q in sorted(slow_http, key=lambda x: -x[0])[:4]))
sys.stdout.flush()

# Raw SQL: the same list + count statements, server-side execution time (EXPLAIN ANALYZE), same planner setting.
sample = cases[WARMUP:WARMUP + SQL_SAMPLE]
script = ["SET random_page_cost = 1.1;"]
for (f, q), was_exact in zip(sample, exact):
    # as the app does: the ids of at most cap + 1 matches, then the page among them or, beyond the cap, the ordered list
    script.append("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) " + ids_sql(f, q) + ";")
    script.append("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) " + (among_sql(f, q) if was_exact else list_sql(f, q)) + ";")
out = subprocess.run(PSQL + ["-tAX", "-v", "ON_ERROR_STOP=1"], input="\n".join(script), check=True,
                     capture_output=True, text=True).stdout
exec_ms = [float(x) for x in re.findall(r"Execution Time: ([0-9.]+) ms", out)]
plan_ms = [float(x) for x in re.findall(r"Planning Time: ([0-9.]+) ms", out)]
per_request = [exec_ms[i] + exec_ms[i + 1] + plan_ms[i] + plan_ms[i + 1] for i in range(0, len(exec_ms), 2)]
print(f"raw SQL (psql EXPLAIN ANALYZE of the same {len(per_request)} filter/term combinations: matching ids up to the "
      f"cap + the page, execution + planning)")
print(f"  SQL   p50 {pct(per_request, 50):6.1f} ms   p95 {pct(per_request, 95):6.1f} ms   p99 {pct(per_request, 99):6.1f} ms")
slow = sorted(zip(per_request, sample), key=lambda x: -x[0])[:3]
print("  slowest SQL: " + "; ".join(f"{ms:.0f} ms {f} q={q}" for ms, (f, q) in slow))

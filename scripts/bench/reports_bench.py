#!/usr/bin/env python3
"""Reports benchmark driver (scripts/bench-reports): the maintenance figures of 2023 H1 by precinct, vendor and
contract and the map's area figures of the last 30 days through HTTP, each beside the former full-scan SQL of the
same figures (the statements of reporting/FullScanFigures and of MapQueries.areas before issue 12, timed by EXPLAIN
ANALYZE in the same run); the half-year report page, JSON and DOCX when the branch has them; and the write-side cost
of the daily-sum triggers (closing 2,000 outages in one statement, rolled back, with and without the triggers).
Uses Context from planning_bench.py (HTTP Basic as the benchmark's ADMIN user, warm-up, p50/p95)."""
import http.client
import os
import re
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from planning_bench import Context  # noqa: E402

FIGURES_TARGET_MS = 300
AREAS_TARGET_MS = 100
PAGE_TARGET_MS = 1000
DOCX_TARGET_MS = 2000
OLD_RUNS = 5

# --- the figures' SQL before issue 12 (reporting/FullScanFigures), with the period written in
PERIOD = dict(frm="2023-01-01", to="2023-06-30", s="2023-01-01 00:00+08", e="2023-07-01 00:00+08", zone="Asia/Taipei")
DATES = "DATE '{frm}' AS wd_from, DATE '{to}' AS wd_to, timestamptz '{s}' AS ws, timestamptz '{e}' AS we"
TERM = """greatest(DATE '{frm}', {a}) AS wd_from, least(DATE '{to}', {b}) AS wd_to,
          greatest(timestamptz '{s}', ({a})::timestamp AT TIME ZONE '{zone}') AS ws,
          least(timestamptz '{e}', ({b} + 1)::timestamp AT TIME ZONE '{zone}') AS we"""
IN_PERIOD = """FROM maintenance_contract mc JOIN maintenance_contract_precinct mp ON mp.contract_id = mc.id
               WHERE mc.starts_on <= DATE '{to}' AND mc.ends_on >= DATE '{frm}'"""
PIECES = {
    "city": "SELECT 0::bigint AS group_key, NULL::bigint AS precinct_id, " + DATES,
    "precinct": "SELECT p.id AS group_key, p.id AS precinct_id, " + DATES + " FROM precinct p",
    "contract": "SELECT mc.id AS group_key, mp.precinct_id, " + TERM.replace("{a}", "mc.starts_on").replace("{b}", "mc.ends_on")
                + " " + IN_PERIOD,
    "vendor": "SELECT mc.vendor_id AS group_key, mp.precinct_id, " + TERM.replace("{a}", "min(mc.starts_on)")
              .replace("{b}", "max(mc.ends_on)") + " " + IN_PERIOD + " GROUP BY mc.vendor_id, mp.precinct_id",
}
ORDER_KEY = {"city": "0::bigint", "precinct": "c.precinct_id", "contract": "w.contract_id", "vendor": "w.vendor_id"}


def full_scan_statements(grouping):
    join = "true" if grouping == "city" else "p.precinct_id = c.precinct_id"
    with_ = "WITH pieces AS (SELECT * FROM (" + PIECES[grouping] + ") x WHERE ws < we) "
    cameras = with_ + f"""
        SELECT p.group_key, count(c.id) AS cameras, sum(extract(epoch FROM p.we - p.ws)) FILTER (WHERE c.id IS NOT NULL) / 3600.0,
               count(c.id) FILTER (WHERE c.decommissioned_on <= p.wd_to AND c.decommission_kind IS DISTINCT FROM 'REPLACED'),
               count(c.id) FILTER (WHERE c.decommissioned_on <= p.wd_to AND c.decommission_kind = 'REPLACED')
          FROM pieces p
          LEFT JOIN camera c ON {join} AND c.status <> 'PLANNED' AND c.install_date <= p.wd_to
                            AND (c.decommissioned_on IS NULL OR c.decommissioned_on >= p.wd_from)
         GROUP BY p.group_key"""
    outages = with_ + f"""
        SELECT p.group_key,
               count(*) FILTER (WHERE o.started_at >= p.ws) AS outages,
               sum(greatest(0, extract(epoch FROM least(coalesce(o.ended_at, p.we), p.we,
                       coalesce((c.decommissioned_on + 1)::timestamp AT TIME ZONE '{{zone}}', p.we)) - greatest(o.started_at, p.ws)))) / 3600.0,
               count(*) FILTER (WHERE o.ended_at < p.we) AS ended,
               sum(extract(epoch FROM o.ended_at - o.started_at)) FILTER (WHERE o.ended_at < p.we) / 3600.0
          FROM outage o
          JOIN camera c ON c.id = o.camera_id
          JOIN pieces p ON {join}
         WHERE o.started_at < timestamptz '{{e}}' AND (o.ended_at IS NULL OR o.ended_at > timestamptz '{{s}}')
           AND o.started_at < p.we AND (o.ended_at IS NULL OR o.ended_at > p.ws)
           AND c.status <> 'PLANNED' AND (c.decommissioned_on IS NULL OR c.decommissioned_on >= p.wd_from)
         GROUP BY p.group_key"""
    restored = "w.kind = 'REPAIR' AND w.restored_at >= timestamptz '{s}' AND w.restored_at < timestamptz '{e}'"
    verified = ("coalesce(w.restored_at, w.closed_at) >= timestamptz '{s}' "
                "AND coalesce(w.restored_at, w.closed_at) < timestamptz '{e}'")
    orders = f"""
        SELECT {ORDER_KEY[grouping]} AS group_key,
               count(*) FILTER (WHERE w.opened_at >= timestamptz '{{s}}'),
               count(*) FILTER (WHERE w.closed_at >= timestamptz '{{s}}' AND w.closed_at < timestamptz '{{e}}'),
               count(*) FILTER (WHERE {restored}),
               sum(extract(epoch FROM w.restored_at - w.opened_at)) FILTER (WHERE {restored}) / 3600.0,
               count(*) FILTER (WHERE w.resolution = 'RESTORED_BY_VENDOR' AND w.state = 'CLOSED' AND {verified}),
               count(*) FILTER (WHERE w.resolution = 'RESTORED_IN_HOUSE' AND w.state = 'CLOSED' AND {verified})
          FROM work_order w {"JOIN camera c ON c.id = w.camera_id" if grouping == "precinct" else ""}
         WHERE w.opened_at < timestamptz '{{e}}' AND (w.closed_at IS NULL OR w.closed_at >= timestamptz '{{s}}')
         GROUP BY 1"""
    return [sql.format(**PERIOD) for sql in (cameras, outages, orders)]


def reconnect(ctx):
    """a fresh keep-alive connection: the server closes an idle one while the full-scan SQL is timed"""
    ctx._conn.close()
    ctx._conn = http.client.HTTPConnection("localhost", ctx.port, timeout=300)


def execution_ms(ctx, sql):
    out = ctx.psql("EXPLAIN (ANALYZE, TIMING OFF) " + sql)
    return float(re.search(r"Execution Time: ([0-9.]+) ms", out).group(1))


def full_scan_times(ctx, statements, runs=OLD_RUNS):
    """The figures() of before: the grouping's three statements and the city's three, one after another."""
    for sql in statements:  # warm
        execution_ms(ctx, sql)
    return ctx.p50_p95([sum(execution_ms(ctx, sql) for sql in statements) for _ in range(runs)])


def old_areas_sql(kind):
    column = kind + "_id"
    return f"""
        WITH cams AS (
            SELECT c.{column} AS area_id,
                   count(*) FILTER (WHERE c.status IN ('ACTIVE', 'FAULTY')) AS cameras,
                   count(*) FILTER (WHERE c.status = 'ACTIVE' AND o.id IS NULL) AS working,
                   count(o.id) FILTER (WHERE c.status IN ('ACTIVE', 'FAULTY')) AS down
            FROM camera c LEFT JOIN outage o ON o.camera_id = c.id AND o.ended_at IS NULL
            WHERE c.{column} IS NOT NULL AND c.location IS NULL GROUP BY c.{column}),
        downtime AS (
            SELECT c.{column} AS area_id, sum(extract(epoch FROM least(COALESCE(o.ended_at, now()), now())
                   - greatest(o.started_at, now() - interval '30 days'))) / 3600.0 AS hours
            FROM outage o JOIN camera c ON c.id = o.camera_id
            WHERE o.started_at < now() AND (o.ended_at IS NULL OR o.ended_at > now() - interval '30 days') GROUP BY c.{column}),
        orders AS (
            SELECT c.{column} AS area_id, count(*) AS n FROM work_order w JOIN camera c ON c.id = w.camera_id
            WHERE w.state NOT IN ('CLOSED', 'CANCELLED') GROUP BY c.{column})
        SELECT a.id, a.code, a.name_zh, a.name_en, COALESCE(cams.cameras, 0), COALESCE(cams.working, 0), COALESCE(cams.down, 0),
               COALESCE(downtime.hours, 0), COALESCE(orders.n, 0)
        FROM {kind} a LEFT JOIN cams ON cams.area_id = a.id LEFT JOIN downtime ON downtime.area_id = a.id
        LEFT JOIN orders ON orders.area_id = a.id ORDER BY a.code"""


class Session:
    """A form-login session, as a browser has (for pages that do not take HTTP Basic)."""

    def __init__(self, port, user, password):
        self.conn = http.client.HTTPConnection("localhost", port, timeout=300)
        self.cookie = ""
        status, page = self.get("/login")
        token = re.search(rb'name="_csrf" value="([^"]+)"', page).group(1).decode()
        body = urllib.parse.urlencode({"username": user, "password": password, "_csrf": token})
        status, _ = self.request("POST", "/login", body, {"Content-Type": "application/x-www-form-urlencoded"})
        if status not in (200, 302):
            raise SystemExit(f"login failed: HTTP {status}")

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

    def get(self, path):
        return self.request("GET", path)


def timed_get(ctx, get, path):
    """warm-up and ctx.requests timed GETs of path through get(path) -> (status, body); None when the path is 404."""
    status, body = get(path)
    if status == 404:
        return None
    if status // 100 != 2:
        raise SystemExit(f"GET {path}: HTTP {status} {body[:300]!r}")
    for _ in range(ctx.warmup):
        get(path)
    times = []
    for _ in range(ctx.requests):
        t = time.perf_counter()
        get(path)
        times.append((time.perf_counter() - t) * 1000)
    return ctx.p50_p95(times)


def basic_get(ctx):
    def get(path):
        conn = ctx._conn
        conn.request("GET", path, headers={"Authorization": ctx._auth, "X-Forwarded-For": "198.18.0.98"})
        r = conn.getresponse()
        return r.status, r.read()
    return get


def main():
    ctx = Context()
    log = os.environ.get("BENCH_LOG")
    print(f"== maintenance figures 2023 H1 (load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)", flush=True)
    first = time.perf_counter()
    ctx.call("GET", "/api/reports/maintenance?from=2023-01-01&to=2023-06-30&groupBy=precinct")
    print(f"  first request after start: {(time.perf_counter() - first) * 1000:.0f} ms", flush=True)
    if log and os.path.exists(log):
        for line in open(log, encoding="utf-8", errors="replace"):
            if "Daily sums rebuilt" in line:
                print("  " + line.strip().split(" : ")[-1], flush=True)
    settle = int(os.environ.get("BENCH_SETTLE", "60"))
    print(f"  waiting {settle} s for the start's own work (map cells, jobs) to end", flush=True)
    time.sleep(settle)
    # the write side below rolls its updates back, and the index entries of those rows stay until a vacuum: a run
    # after another would read tens of thousands of dead outages (the map's partial days went 16 -> 100 ms)
    ctx.psql("VACUUM (ANALYZE) outage, work_order")
    reconnect(ctx)
    city = full_scan_statements("city")
    for grouping in ("precinct", "vendor", "contract"):
        path = f"/api/reports/maintenance?from=2023-01-01&to=2023-06-30&groupBy={grouping}"
        answer = ctx.call("GET", path)
        t = answer["totals"]
        print(f"  by {grouping}: {len(answer['rows'])} rows; city: {t['camerasInService']:,} cameras in service, "
              f"{t['outages']:,} outages, {t['downtimeHours']} h down, availability {t['availabilityPercent']} %, "
              f"{t['ordersOpened']:,} orders opened, {t['restoredByVendors']:,} restored by vendors, "
              f"{t['restoredInHouse']:,} in-house", flush=True)
        p50, p95 = ctx.timed("GET", path)
        ctx.report(f"HTTP GET {path} (from the kept sums; {ctx.requests} after {ctx.warmup} warm-up)", p50, p95, FIGURES_TARGET_MS)
        o50, o95 = full_scan_times(ctx, full_scan_statements(grouping) + city)
        reconnect(ctx)
        ctx.report(f"  beside it: the former full-scan SQL of the same figures (its 3 + the city's 3 statements, "
                   f"EXPLAIN ANALYZE execution times added, {OLD_RUNS} warm runs)", o50, o95)

    print(f"== map area figures, last 30 days (load average {os.getloadavg()[0]:.1f})", flush=True)
    for kind in ("precinct", "district"):
        path = "/api/map/areas" + ("" if kind == "precinct" else "?kind=district")
        answer = ctx.call("GET", path)
        print(f"  {kind}: {len(answer['areas'])} areas, {sum(a['downtimeHours'] for a in answer['areas']):,.1f} h down, "
              f"{sum(a['openOrders'] for a in answer['areas']):,} open orders", flush=True)
        p50, p95 = ctx.timed("GET", path)
        ctx.report(f"HTTP GET {path} ({ctx.requests} after {ctx.warmup} warm-up)", p50, p95, AREAS_TARGET_MS)
        o50, o95 = ctx.sql_times(old_areas_sql(kind), runs=OLD_RUNS)
        reconnect(ctx)
        ctx.report(f"  beside it: the former areas SQL (downtime summed over the outages per request; EXPLAIN ANALYZE, "
                   f"{OLD_RUNS} warm runs)", o50, o95)

    print(f"== half-year report 2023 H1 (load average {os.getloadavg()[0]:.1f})", flush=True)
    basic = basic_get(ctx)
    for label, path, target, get in (
            ("JSON", "/api/reports/half-year?year=2023&half=1", None, basic),
            ("DOCX", "/api/reports/half-year.docx?year=2023&half=1", DOCX_TARGET_MS, basic),
            ("page", "/reports/half-year?year=2023&half=1", PAGE_TARGET_MS, None)):
        if get is None:
            session = Session(ctx.port, os.environ["BENCH_USER"], os.environ["BENCH_PASSWORD"])
            get = session.get
        result = timed_get(ctx, get, path)
        if result is None:
            print(f"  {label} GET {path}: n/a (404)", flush=True)
        else:
            ctx.report(f"{label} GET {path} ({ctx.requests} after {ctx.warmup} warm-up, whole body)", *result, target)

    if os.environ.get("BENCH_WRITES", "1") == "1":
        print(f"== write side (each statement rolled back; load average {os.getloadavg()[0]:.1f})", flush=True)
        cases = (
            ("moving the end of the 2,000 latest closed outages by a minute (typical: hours-long outages)",
             "UPDATE outage SET ended_at = ended_at + interval '1 minute' WHERE id IN "
             "(SELECT id FROM outage WHERE ended_at IS NOT NULL ORDER BY ended_at DESC LIMIT 2000)"),
            ("closing every open outage (the demo's are open for days: their downtime is split over each day)",
             "UPDATE outage SET ended_at = now() WHERE ended_at IS NULL"))
        for what, sql in cases:
            print(f"  {what}:", flush=True)
            for label, prefix in (("with the daily-sum triggers", ""),
                                  ("without them (DISABLE TRIGGER in the same rolled-back transaction)",
                                   "ALTER TABLE outage DISABLE TRIGGER outage_daily_sum_update; ")):
                times = []
                for _ in range(7):
                    out = ctx.psql(f"BEGIN; {prefix}EXPLAIN (ANALYZE, TIMING OFF) {sql}; ROLLBACK;")
                    times.append(float(re.search(r"Execution Time: ([0-9.]+) ms", out).group(1)))
                ctx.report("  " + label, *ctx.p50_p95(times[1:]))
        ctx.psql("VACUUM outage")  # the rolled-back updates' dead index entries, for the next run


if __name__ == "__main__":
    main()

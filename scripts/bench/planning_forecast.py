"""Section of scripts/bench-planning: the 10-year end-of-life forecast by precinct (GET /api/planning/forecast),
5 warm-up + 30 timed requests, and beside it the plain SQL GROUP BY of the same counts (cameras in service, not in a
replacement project, by fiscal year of end of life and precinct, backlog included) timed the same way in the same run.
Target: p95 <= 300 ms on 1,000,000 cameras."""
import datetime

TARGET_MS = 300


def run(ctx):
    today = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=8))).date()
    first, years = today.year, 10
    path = f"/api/planning/forecast?years={years}&groupBy=precinct&asOf={today.isoformat()}"
    answer = ctx.call("GET", path)
    total = sum(r["cameras"] for r in answer["rows"])
    print(f"  forecast {first}..{first + years - 1} by precinct as of {today}: {total:,} cameras reach end of life "
          f"(NT${sum(r['cost'] for r in answer['rows']):,}), backlog {answer['backlog']['cameras']:,} "
          f"(NT${answer['backlog']['cost']:,}), {len(answer['groups'])} groups")
    p50, p95 = ctx.timed("GET", path)
    ctx.report(f"HTTP GET {path} ({ctx.requests} after {ctx.warmup} warm-up, to the last byte of the gzipped answer)",
               p50, p95, TARGET_MS)
    sql = f"""SELECT CASE WHEN c.end_of_life < DATE '{first}-01-01' THEN 0 ELSE date_part('year', c.end_of_life)::int END AS fy,
                     c.precinct_id, c.lpr, count(*)
                FROM camera c
               WHERE c.status NOT IN ('DECOMMISSIONED', 'PLANNED') AND c.end_of_life < DATE '{first + years}-01-01'
                 AND NOT EXISTS (SELECT 1 FROM work_order w WHERE w.camera_id = c.id AND w.kind = 'REPLACEMENT'
                                    AND w.state <> 'CANCELLED' AND w.project_id IS NOT NULL)
               GROUP BY 1, 2, 3"""
    # the statement as the application runs it (JIT off, random_page_cost 1.1: see ForecastQueries.counts)
    sql = "SET jit = off; SET random_page_cost = 1.1; EXPLAIN (ANALYZE, TIMING OFF) " + sql
    s50, s95 = ctx.sql_times(sql, explain=False)
    ctx.report(f"plain SQL GROUP BY (fiscal year, precinct, lpr) of the same counts (EXPLAIN ANALYZE, {ctx.requests} warm runs)",
               s50, s95)
    w50, w95 = ctx.wall_sql_times(sql.replace("EXPLAIN (ANALYZE, TIMING OFF) ", ""))
    ctx.report(f"the same SQL through psql, wall time ({ctx.requests} runs, includes starting psql)", w50, w95)

"""Section of scripts/bench-planning: the 10-year budget-capped replacement plan with priority scores
(POST /api/planning/plans/preview) on the 1,000,000-camera database, beside the bare SQL of the same ranking and
running sum.

First, timed once (the work of the nightly job planning.priority-facts; target well under a minute), the kept priority
facts of today are computed through POST /api/planning/priority-facts (12 months of downtime over ~10,000,000 outages,
repair orders, useful footage, the field-of-view coverage of every camera); its wall time is printed with how many
cameras came out covered. BENCH_PLAN_FACTS=empty leaves that out (an empty snapshot for today instead). Then the preview WITH those facts (target p95 <= 3 s): the
candidates with their kept facts and important flags read from PostgreSQL, ranked in Java, filled year by year.
Beside it, timed by EXPLAIN ANALYZE in the same run: the bare SQL that scores the same candidates by the same
normalisation, ranks them (score desc, id) and takes the running sum of their unit prices over the ranked list (a
window sum) against the budget of year 1.
"""
import http.client
import os
import time

BUDGET = int(os.environ.get("BENCH_PLAN_BUDGET", "60000000"))  # NT$ a year: about 800 standard cameras


def bare_sql(first_year, budget):
    last_day = f"{first_year + 9}-12-31"
    end_first = f"{first_year}-12-31"
    return f"""
WITH asof AS (SELECT (now() AT TIME ZONE 'Asia/Taipei')::date AS d),
price AS (SELECT DISTINCT ON (kind) kind, unit_price_ntd FROM price_list_entry
           WHERE applies_from <= DATE '{first_year}-01-01' ORDER BY kind, applies_from DESC),
scored AS (
  SELECT c.id, p.unit_price_ntd, c.end_of_life,
         3 * ((DATE '{end_first}' - c.end_of_life) / 365.25) / 5
         + 2 * least(coalesce(f.downtime_hours, 0), 720) / 720
         + 2 * least(coalesce(f.repair_orders, 0), 5) / 5.0
         + 1 * CASE c.lpr WHEN 'NONE' THEN 0 WHEN 'LPR' THEN 0.5 ELSE 1 END
         + 1 * least(coalesce(f.useful_footage, 0), 5) / 5.0
         - 2 * (coalesce(f.covered, false))::int
         + 3 * (i.camera_id IS NOT NULL)::int AS score
    FROM camera c
    JOIN price p ON p.kind = c.lpr
    LEFT JOIN planning_priority_fact f ON f.as_of = (SELECT d FROM asof) AND f.camera_id = c.id
    LEFT JOIN planning_important_camera i ON i.camera_id = c.id
   WHERE c.status NOT IN ('DECOMMISSIONED', 'PLANNED') AND c.end_of_life <= DATE '{last_day}'
     AND NOT EXISTS (SELECT 1 FROM work_order w WHERE w.camera_id = c.id AND w.kind = 'REPLACEMENT'
                      AND w.state <> 'CANCELLED' AND w.project_id IS NOT NULL)),
running AS (
  SELECT id, end_of_life, sum(unit_price_ntd) OVER (ORDER BY score DESC, id ROWS UNBOUNDED PRECEDING) AS spent
    FROM scored WHERE end_of_life <= DATE '{end_first}')
SELECT count(*) FILTER (WHERE spent <= {budget}), max(spent) FILTER (WHERE spent <= {budget}), count(*) FROM running"""


def run(ctx):
    # the facts take tens of seconds on a million cameras: a connection that waits long enough
    ctx._conn.close()
    ctx._conn = http.client.HTTPConnection("localhost", ctx.port, timeout=3600)
    if os.environ.get("BENCH_PLAN_FACTS", "compute") == "empty":
        # the facts' computation is left out: an empty snapshot for today, so the preview reads, ranks and fills the
        # same candidates (every part but LPR and the important flag zero) without computing facts first
        ctx.psql("INSERT INTO planning_priority_snapshot (as_of, cameras) "
                 "VALUES ((now() AT TIME ZONE 'Asia/Taipei')::date, 0) ON CONFLICT DO NOTHING")
        print("  priority facts: NOT computed (BENCH_PLAN_FACTS=empty): an empty snapshot for today", flush=True)
    else:
        started = time.perf_counter()
        facts = ctx.call("POST", "/api/planning/priority-facts")
        took = time.perf_counter() - started
        covered = ctx.psql("SELECT count(*) FILTER (WHERE covered) FROM planning_priority_fact "
                           f"WHERE as_of = DATE '{facts['asOf']}'").strip()
        print(f"  priority facts for {facts['asOf']} (the nightly job's work, once per asOf): {facts['cameras']:,} "
              f"cameras with a row, {int(covered):,} covered, {took:.1f} s (target < 60 s)", flush=True)
    body = {"years": 10, "budgetPerYear": BUDGET}
    plan = ctx.call("POST", "/api/planning/plans/preview", body)
    first = plan["yearRows"][0]
    print(f"  plan: {plan['candidates']:,} candidates, first year {plan['firstYear']}: {first['cameras']:,} cameras, "
          f"NT${first['costNtd']:,} of NT${first['budgetNtd']:,}; 10 years: {plan['plannedCameras']:,} cameras, "
          f"backlog with the cap {plan['yearRows'][-1]['backlogCapped']:,}", flush=True)
    requests = max(10, min(ctx.requests, 15))
    saved = ctx.requests
    ctx.requests = requests
    try:
        p50, p95 = ctx.timed("POST", "/api/planning/plans/preview", body)
        ctx.report(f"10-year plan preview, {requests} runs after {ctx.warmup} warm-up", p50, p95, 3000)
        sql = bare_sql(plan["firstYear"], BUDGET)
        print("  bare SQL answer (year 1 cameras within budget, their cost, due in year 1): "
              + ctx.psql(sql).strip(), flush=True)
        s50, s95 = ctx.sql_times(sql, runs=requests)
        ctx.report("bare SQL of the same ranking and running sum (EXPLAIN ANALYZE)", s50, s95)
    finally:
        ctx.requests = saved

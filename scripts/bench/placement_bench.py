#!/usr/bin/env python3
"""Placement queue benchmark driver (scripts/bench-placement): each step of the queue over HTTP as a dispatcher
works it, on a list of 20,000 cameras most of which have no position. Steps: next (no filter; a precinct filter
ordered by precinct; with after=), place (a different pole each time, at its suggested point) and skip. Uses
Context from planning_bench.py (HTTP Basic, warm-up, p50/p95). Target: p95 <= 100 ms for every step."""
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from planning_bench import Context  # noqa: E402

TARGET_MS = 100
API = "/api/placement/queue"


def timed_steps(ctx, label, step):
    """Runs step() warm-up + requests times; each call returns the milliseconds of its own request."""
    for _ in range(ctx.warmup):
        step()
    times = [step() for _ in range(ctx.requests)]
    p50, p95 = ctx.p50_p95(times)
    ctx.report(label, p50, p95, TARGET_MS)


def main():
    ctx = Context()
    unplaced = ctx.psql("SELECT count(*) FROM camera WHERE location IS NULL AND status <> 'DECOMMISSIONED'").strip()
    total = ctx.psql("SELECT count(*) FROM camera").strip()
    first = ctx.call("GET", API + "/next")
    print(f"[bench] {total} cameras, {unplaced} without position; {first['progress']['remaining']} poles in the queue",
          flush=True)
    precinct = ctx.psql("""SELECT p.code FROM camera c JOIN precinct p ON p.id = c.precinct_id
                           WHERE c.location IS NULL GROUP BY p.code ORDER BY count(*) DESC LIMIT 1""").strip()

    def get(path):
        t = time.perf_counter()
        ctx.call("GET", path, parse=False)
        return (time.perf_counter() - t) * 1000

    timed_steps(ctx, "next (no filter)", lambda: get(API + "/next"))
    timed_steps(ctx, f"next (precinct {precinct}, by precinct, with an address)",
                lambda: get(f"{API}/next?precinct={precinct}&order=precinct&withAddress=true"))
    pole = ctx.call("GET", API + "/next")["pole"]
    timed_steps(ctx, "next after the pole shown", lambda: get(f"{API}/next?after={pole['kind'].lower()}:{pole['id']}"))

    state = {"pole": ctx.call("GET", API + "/next")["pole"]}

    def skip():
        p = state["pole"]
        t = time.perf_counter()
        answer = ctx.call("POST", f"{API}/{p['kind'].lower()}/{p['id']}/skip")
        ms = (time.perf_counter() - t) * 1000
        state["pole"] = answer["pole"]
        return ms

    timed_steps(ctx, "skip (answers the next pole)", skip)

    def place():
        p = ctx.call("GET", API + "/next")["pole"]
        s = p.get("suggestion") or {"longitude": 120.31, "latitude": 22.63}
        body = {"longitude": s["longitude"], "latitude": s["latitude"], "confirmOutside": True,
                "cameraIds": [c["id"] for c in p["cameras"]]}
        t = time.perf_counter()
        ctx.call("POST", f"{API}/{p['kind'].lower()}/{p['id']}/place", body)
        return (time.perf_counter() - t) * 1000

    timed_steps(ctx, "place (a pole's cameras, areas following, audited)", place)
    last = ctx.call("GET", API + "/next")["progress"]
    print(f"[bench] afterwards: {last['remaining']} poles remain, {last['placedToday']} placed today", flush=True)


if __name__ == "__main__":
    main()

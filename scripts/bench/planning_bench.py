#!/usr/bin/env python3
"""Planning benchmark driver (scripts/bench-planning): runs every section module scripts/bench/planning_*.py that
defines run(ctx), in name order, and prints each section's figures. BENCH_ONLY=NAME runs only planning_NAME.py.

ctx (a Context) gives a section:
  ctx.base                       the application's base URL (http://localhost:PORT)
  ctx.requests, ctx.warmup       how many timed requests and warm-up requests a figure takes (30 and 5 by default)
  ctx.call(method, path, body=None, parse=True, expect=2)
                                 one HTTP request as the ADMIN benchmark user (Basic auth, so no CSRF token is
                                 needed); body: a dict (sent as JSON) or bytes/str; returns the parsed JSON answer
                                 (or the body's length when parse=False); stops the run on an unexpected status
  ctx.timed(method, path, body=None)
                                 warm-up, then ctx.requests timed calls; returns (p50, p95) in ms
  ctx.psql(sql)                  runs SQL with psql -tAX on the benchmark database, returns its output
  ctx.sql_times(sql, runs=None, explain=True)
                                 the statement's execution time by EXPLAIN (ANALYZE, TIMING OFF), warm, runs times
                                 (default ctx.requests); returns (p50, p95) in ms; explain=False when sql already
                                 holds its own EXPLAIN ANALYZE (e.g. after SET statements)
  ctx.wall_sql_times(sql, runs=None)
                                 the same statement's wall time through psql (includes psql's start and transfer)
  ctx.pct(values, p)             the p-th percentile (nearest rank), ctx.p50_p95(values) both
  ctx.report(label, p50, p95, target_ms=None)
                                 prints one figure line, with "target p95 <= X ms: yes/NO" when a target is given
"""
import base64
import glob
import http.client
import importlib.util
import json
import math
import os
import re
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(math.ceil(p / 100 * len(values))) - 1)]


class Context:
    def __init__(self):
        self.port = int(os.environ.get("PORT", "8139"))
        self.base = f"http://localhost:{self.port}"
        self.requests = int(os.environ.get("BENCH_REQUESTS", "30"))
        self.warmup = int(os.environ.get("BENCH_WARMUP", "5"))
        self._psql = os.environ["BENCH_PSQL"].split()
        user, password = os.environ["BENCH_USER"], os.environ["BENCH_PASSWORD"]
        self._auth = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
        self._conn = http.client.HTTPConnection("localhost", self.port, timeout=300)

    # --- HTTP
    def call(self, method, path, body=None, parse=True, expect=2):
        headers = {"Authorization": self._auth, "Accept-Encoding": "gzip", "X-Forwarded-For": "198.18.0.98"}
        if isinstance(body, (dict, list)):
            body = json.dumps(body)
        if body is not None:
            headers["Content-Type"] = "application/json"
        self._conn.request(method, path, body=body, headers=headers)
        r = self._conn.getresponse()
        data = r.read()
        if r.status // 100 != expect:
            raise SystemExit(f"{method} {path}: HTTP {r.status} {data[:300]!r}")
        if not parse:
            return len(data)
        if r.getheader("Content-Encoding") == "gzip":
            import gzip
            data = gzip.decompress(data)
        return json.loads(data) if data else None

    def timed(self, method, path, body=None):
        for _ in range(self.warmup):
            self.call(method, path, body, parse=False)
        times = []
        for _ in range(self.requests):
            t = time.perf_counter()
            self.call(method, path, body, parse=False)
            times.append((time.perf_counter() - t) * 1000)
        return self.p50_p95(times)

    # --- SQL
    def psql(self, sql):
        return subprocess.run(self._psql + ["-tAX", "-v", "ON_ERROR_STOP=1", "-c", sql], check=True,
                              capture_output=True, text=True).stdout

    def sql_times(self, sql, runs=None, explain=True):
        explain = "EXPLAIN (ANALYZE, TIMING OFF) " if explain else ""
        self.psql(explain + sql)  # warm
        times = []
        for _ in range(runs or self.requests):
            out = self.psql(explain + sql)
            times.append(float(re.search(r"Execution Time: ([0-9.]+) ms", out).group(1)))
        return self.p50_p95(times)

    def wall_sql_times(self, sql, runs=None):
        self.psql(sql)
        times = []
        for _ in range(runs or self.requests):
            t = time.perf_counter()
            self.psql(sql)
            times.append((time.perf_counter() - t) * 1000)
        return self.p50_p95(times)

    # --- figures
    pct = staticmethod(pct)

    @staticmethod
    def p50_p95(values):
        return statistics.median(values), pct(values, 95)

    @staticmethod
    def report(label, p50, p95, target_ms=None):
        line = f"  {label}: p50 {p50:.1f} ms, p95 {p95:.1f} ms"
        if target_ms is not None:
            line += f"  (target p95 <= {target_ms} ms: {'yes' if p95 <= target_ms else 'NO'})"
        print(line, flush=True)


def sections():
    only = os.environ.get("BENCH_ONLY", "")
    for path in sorted(glob.glob(os.path.join(HERE, "planning_*.py"))):
        name = os.path.basename(path)[len("planning_"):-3]
        if name == "bench" or (only and name != only):
            continue
        spec = importlib.util.spec_from_file_location(f"planning_{name}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        if callable(getattr(module, "run", None)):
            yield name, module


def main():
    ctx = Context()
    ran = 0
    for name, module in sections():
        print(f"== {name} (load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)", flush=True)
        started = time.time()
        module.run(ctx)
        print(f"   ({name} took {time.time() - started:.0f} s; load average {os.getloadavg()[0]:.1f})", flush=True)
        ran += 1
    if ran == 0:
        raise SystemExit("no section ran (scripts/bench/planning_*.py with run(ctx))")


if __name__ == "__main__":
    sys.path.insert(0, HERE)
    main()

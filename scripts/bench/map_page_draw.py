#!/usr/bin/env python3
"""Time until the map page has drawn its cameras, in headless Chromium, through the W3C WebDriver protocol
spoken to Debian's chromedriver with nothing but the standard library (no Selenium for Python needed).

usage: map_page_draw.py BASE_URL USER PASSWORD [RUNS]
Prints, per run, the milliseconds from navigation start to the page's data-loaded="true" (set when the first
answer of /api/map/cameras is drawn), then the median. The page load strategy is "none", so that base-map tiles
that cannot be fetched (no network) do not hold the measurement until the load event; the page is polled every
20 ms, so a figure is late by up to that much.
"""
import json
import socket
import subprocess
import sys
import time
import urllib.request


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def call(base, method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, method=method, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as r:
        return json.load(r)["value"]


def main():
    base_url, user, password = sys.argv[1], sys.argv[2], sys.argv[3]
    runs = int(sys.argv[4]) if len(sys.argv) > 4 else 5
    port = free_port()
    driver = subprocess.Popen(["chromedriver", f"--port={port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wd = f"http://127.0.0.1:{port}"
    try:
        for _ in range(50):
            try:
                urllib.request.urlopen(wd + "/status", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        caps = {"capabilities": {"alwaysMatch": {"browserName": "chrome", "pageLoadStrategy": "none", "goog:chromeOptions": {
            "binary": "/usr/bin/chromium",
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1920,1080"]}}}}
        session = call(wd, "POST", "/session", caps)["sessionId"]
        s = f"/session/{session}"
        call(wd, "POST", s + "/url", {"url": base_url + "/login"})
        for _ in range(200):  # the page load strategy "none" returns at once: wait for the form
            if call(wd, "POST", s + "/execute/sync", {"script": "return !!document.querySelector('input[name=password]')", "args": []}):
                break
            time.sleep(0.05)
        call(wd, "POST", s + "/execute/sync", {"script": """
            document.querySelector('input[name=username]').value = arguments[0];
            document.querySelector('input[name=password]').value = arguments[1];
            document.querySelector('form').submit();""", "args": [user, password]})
        time.sleep(1.5)
        times = []
        for i in range(runs):
            call(wd, "POST", s + "/url", {"url": base_url + "/map?lat=22.63&lon=120.31&zoom=12"})
            ms = None
            deadline = time.time() + 30
            while time.time() < deadline:
                state = call(wd, "POST", s + "/execute/sync", {"script": """
                    const p = document.getElementById('map-page');
                    if (!p || !p.dataset.loaded) return null;
                    return [p.dataset.loaded, performance.now(), p.dataset.total || ''];""", "args": []})
                if state:
                    ms = state[1]
                    print(f"run {i + 1}: {state[0]} after {ms:.0f} ms (cameras in view: {state[2]})")
                    break
                time.sleep(0.02)
            if ms is not None:
                times.append(ms)
        call(wd, "DELETE", s)
        if times:
            times.sort()
            print(f"median {times[len(times) // 2]:.0f} ms over {len(times)} runs (navigation start to cameras drawn)")
    finally:
        driver.terminate()


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Latency of /ogc/collections/{id}/items?limit=100&bbox=...&filter=status='confirmed' against a running service.

Usage: bench/ogc-items.py http://127.0.0.1:18090 [requests=400] [clients=8]
Prints median and p95 (ms) for a fixed, seeded list of district bboxes (~2-4 km wide), after a warm-up pass,
and the ratio p95 / 100 ms (target <= 1).
"""
import random
import statistics
import sys
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

base = sys.argv[1].rstrip("/")
total = int(sys.argv[2]) if len(sys.argv) > 2 else 400
clients = int(sys.argv[3]) if len(sys.argv) > 3 else 8
rnd = random.Random(20261129)
W, S, E, N = 110.0168, 40.5871, 110.5456, 40.8931


def url():
    w = rnd.uniform(0.02, 0.05)
    h = rnd.uniform(0.02, 0.04)
    x = rnd.uniform(W, E - w)
    y = rnd.uniform(S, N - h)
    q = urllib.parse.urlencode({"limit": 100, "bbox": f"{x:.5f},{y:.5f},{x + w:.5f},{y + h:.5f}",
                                "filter": "status='confirmed'"})
    return f"{base}/ogc/collections/waste_heaps/items?{q}"


def fetch(u):
    t0 = time.perf_counter()
    with urllib.request.urlopen(u) as r:
        body = r.read()
        assert r.status == 200
    return (time.perf_counter() - t0) * 1000, len(body)


urls = [url() for _ in range(total)]
with ThreadPoolExecutor(clients) as pool:
    list(pool.map(fetch, urls[: total // 4]))  # warm-up: JIT, plans, page cache
    t0 = time.perf_counter()
    results = list(pool.map(fetch, urls))
    wall = time.perf_counter() - t0
ms = sorted(r[0] for r in results)
p95 = ms[int(len(ms) * 0.95) - 1]
print(f"requests {len(ms)}, clients {clients}, throughput {len(ms) / wall:.0f} req/s, "
      f"mean body {statistics.mean(r[1] for r in results) / 1024:.1f} KiB")
print(f"median {statistics.median(ms):.1f} ms, p95 {p95:.1f} ms, max {ms[-1]:.1f} ms")
print(f"ratio p95 / 100 ms = {p95 / 100:.2f} (target <= 1)")

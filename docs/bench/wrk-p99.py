#!/usr/bin/env python3
"""wrk 4.1's p50/p99 from per-request latencies: its stats_correct() (run before the summary) adds, for every latency
n >= 2*interval, synthetic samples n-interval, n-2*interval, ... > interval, interval = runtime / requests-per-connection.
usage: wrkcorrect.py timed.txt [runtime_s]"""
import sys, collections
lat = [int(l.split()[1]) for l in open(sys.argv[1]) if l.strip()]
rt = float(sys.argv[2]) * 1e6 if len(sys.argv) > 2 else sum(lat)
iv = int(rt / len(lat)); d = collections.Counter(lat)
for n in sorted(d):
    if n >= 2 * iv:
        c = d[n]; m = n - iv
        while m > iv: d[m] += c; m -= iv
tot = sum(d.values())
def pct(p):
    rank = round(p / 100 * tot + 0.5); acc = 0
    for k in sorted(d):
        acc += d[k]
        if acc >= rank: return k / 1000
raw = sorted(lat); N = len(raw)
print(f"interval {iv} us; raw: n {N} p50 {raw[N//2]/1000:.3f} p99 {raw[int(.99*N)]/1000:.3f} ms; "
      f"wrk-corrected: n {tot} (+{tot-N} synthetic) p50 {pct(50):.3f} p99 {pct(99):.3f} ms")

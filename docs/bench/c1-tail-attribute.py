#!/usr/bin/env python3
"""Attribute slow c=1 requests (c1-tail.sh): per request window (timed.txt, CLOCK_MONOTONIC), who held core 1 (perf
sched_switch, sched.data) and which JFR events overlap (tail.jfr); the cause of a slow request is the largest component
of its window. Writes OUTDIR/slow.tsv (start_ns, latency_us, cause) and prints the table, and wrk's p99 recomputed
with the machine's share removed (requests whose cause is another process or an idle core 1 set to the median).
    c1-tail-attribute.py OUTDIR GATEWAY_PID MOCK_PID [threshold_ms]"""
import sys, json, subprocess, collections, bisect, statistics, re
out, gw, mock = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
thr_us = float(sys.argv[4]) * 1000 if len(sys.argv) > 4 else 5000
PG_PORT = "5432"   # a JDBC read from it that waited >= 1 ms (jdk.SocketRead's threshold in c1-tail.sh): the request waited on the database
reqs = [tuple(map(int, l.split()[:2])) for l in open(f"{out}/timed.txt") if l.strip()]
lat = sorted(r[1] for r in reqs)
n = len(reqs); p = lambda q: lat[min(n - 1, int(q * n))] / 1000
slow = [r for r in reqs if r[1] > thr_us]
print(f"requests {n}; p50 {p(.5):.3f} ms p99 {p(.99):.3f} ms p99.9 {p(.999):.3f} max {lat[-1]/1000:.1f} ms; "
      f"> {thr_us/1000:g} ms: {len(slow)} ({len(slow)/n*10000:.0f} per 10,000)")
try:
    ml = sorted(int(l.split()[1]) for l in open(f"{out}/mock-timed.txt") if l.strip())
    mn = len(ml); print(f"mock alone: {mn} requests, p50 {ml[mn//2]/1000:.3f} p99 {ml[int(.99*mn)]/1000:.3f} ms, > {thr_us/1000:g} ms: {sum(1 for x in ml if x > thr_us)} ({sum(1 for x in ml if x > thr_us)/mn*10000:.0f} per 10,000)")
except FileNotFoundError: pass

def klass(pid, comm):
    if pid == 0: return "idle"
    if pid == gw:
        if re.match(r"C[12] Compiler", comm): return "gw:JIT"
        if re.match(r"(GC |G1 |VM Thread|VM Periodic)", comm): return "gw:GC+VM"
        if comm.startswith("audit-writer"): return "gw:audit-writer"
        if comm.startswith("audit-store-com"): return "gw:store-compaction"
        if comm.startswith("JFR") or comm.startswith("JDK Flight"): return "gw:JFR"
        if re.match(r"(ForkJoinPool|http-nio|tomcat)", comm): return "gw:request"
        return "gw:other(" + comm + ")"
    if pid == mock: return "mock"
    if comm.startswith("postgres"): return "postgres"
    if comm == "wrk": return "wrk"
    if comm.startswith("perf"): return "perf"
    return "machine"
# perf sched_switch -> per-cpu intervals of the task switched out
ps = subprocess.run(["perf", "script", "-i", f"{out}/sched.data", "-F", "pid,tid,cpu,time,trace"],
                    capture_output=True, text=True).stdout
iv = {0: [], 1: []}; last = {}
rx = re.compile(r"^\s*(\d+)/(\d+)\s+\[(\d+)\]\s+([\d.]+):\s+prev_comm=(.*?) prev_pid=(\d+).*?==> next_comm=(.*?) next_pid=(\d+)")
mcomm = collections.Counter()
for line in ps.splitlines():
    m = rx.match(line)
    if not m: continue
    pid, tid, cpu, t = int(m[1]), int(m[2]), int(m[3]), int(float(m[4]) * 1e9)
    if cpu in last:
        k = klass(pid if int(m[6]) != 0 else 0, m[5])
        iv[cpu].append((last[cpu], t, k, m[5]))
    last[cpu] = t
starts = {c: [x[0] for x in iv[c]] for c in iv}
def share(cpu, a, b):
    acc = collections.Counter(); who = collections.Counter()
    i = max(0, bisect.bisect_right(starts[cpu], a) - 1)
    while i < len(iv[cpu]) and iv[cpu][i][0] < b:
        s, e, k, c = iv[cpu][i]; d = min(e, b) - max(s, a)
        if d > 0:
            acc[k] += d
            if k == "machine": who[c] += d
        i += 1
    return acc, who
# JFR events
off = int(open(f"{out}/clock-offset.txt").read())
def iso_ns(s):
    # 2026-12-03T05:30:12.123456789Z -> epoch ns
    import datetime
    m = re.match(r"(.*T\d\d:\d\d:\d\d)(\.\d+)?(.*)", s)
    base = datetime.datetime.fromisoformat(m[1] + (m[3] if m[3] not in ("Z", "") else "+00:00"))
    frac = (m[2] or ".0")[1:]; return int(base.timestamp()) * 10**9 + int(frac.ljust(9, "0")[:9])
def dur_ns(s):
    m = re.match(r"PT(?:(\d+)M)?(?:([\d.]+)S)?", s or "PT0S"); return int((int(m[1] or 0) * 60 + float(m[2] or 0)) * 1e9)
names = "jdk.SocketRead,jdk.GCPhasePause,jdk.SafepointBegin,jdk.ExecuteVMOperation,jdk.FileForce,jdk.FileWrite,jdk.Deoptimization,jdk.Compilation,jdk.ThreadSleep,jdk.VirtualThreadPinned,jdk.JavaMonitorEnter,jdk.ThreadPark"
js = subprocess.run(["/usr/lib/jvm/temurin-25-jdk-amd64/bin/jfr", "print", "--json", "--stack-depth", "8", "--events", names, f"{out}/tail.jfr"],
                    capture_output=True, text=True).stdout
evs = []
for e in json.loads(js)["recording"]["events"]:
    v = e["values"]; s = iso_ns(v["startTime"]) - off; d = dur_ns(v.get("duration"))
    th = (v.get("eventThread") or {}).get("javaName") or ""
    extra = ""
    if e["type"] == "jdk.ExecuteVMOperation": extra = v.get("operation", "")
    if e["type"] == "jdk.GCPhasePause": extra = v.get("name", "")
    if e["type"] == "jdk.Compilation": extra = (v.get("method") or {}).get("name", "") + f" c{v.get('compileLevel')}"
    if e["type"] in ("jdk.FileForce", "jdk.FileWrite"): extra = (v.get("path") or "").split("/")[-1]
    if e["type"] == "jdk.ThreadPark": extra = ((v.get("parkedClass") or {}).get("name") or "")
    if e["type"] == "jdk.SocketRead": extra = str(v.get("port", ""))
    evs.append((s, s + d, e["type"], th, extra))
evs.sort(); est = [x[0] for x in evs]
tot = collections.Counter(x[2] for x in evs)
print("JFR events in the recording:", dict(tot))
def overl(a, b):
    i = max(0, bisect.bisect_left(est, a - 2 * 10**9)); r = []
    while i < len(evs) and evs[i][0] < b:
        if evs[i][1] > a: r.append(evs[i])
        i += 1
    return r
# per-request core-1 shares; typical (p50 request) vs slow
med = statistics.median(r[1] for r in reqs) * 1000
cause = collections.Counter(); stall = collections.Counter(); rows = []; agg = collections.Counter(); aggwho = collections.Counter(); aggf = collections.Counter()
def shares(a, b):
    s1, w1 = share(1, a, b); s0, _ = share(0, a, b); return s1, w1, s0
import random; random.seed(1)
for r in random.sample(reqs, min(2000, n)):
    s1, _, _ = shares(r[0], r[0] + r[1] * 1000)
    for k, v in s1.items(): aggf[k] += v / min(2000, n)
typ_req = aggf["gw:request"]
def ov(ev, a, b): return sum(max(0, min(e[1], b) - max(e[0], a)) for e in ev)
for t0, lus in slow:
    a, b = t0, t0 + lus * 1000
    s1, w1, s0 = shares(a, b)
    for k, v in s1.items(): agg[k] += v
    aggwho.update(w1)
    ev = overl(a, b)
    gcp = ov([e for e in ev if e[2] == "jdk.GCPhasePause"], a, b)
    spt = ov([e for e in ev if e[2] == "jdk.SafepointBegin"], a, b)
    pgw = ov([e for e in ev if e[2] == "jdk.SocketRead" and e[4] == PG_PORT], a, b)
    comp = {
      "GC pause": gcp,
      "other safepoints": max(0, spt - gcp),
      "waiting on PostgreSQL (JDBC reads >= 1 ms)": pgw,
      "PostgreSQL processes on core 1": s1.get("postgres", 0),
      "other processes on core 1": s1.get("machine", 0),
      "JIT compiler threads": s1.get("gw:JIT", 0),
      "GC/VM threads outside pauses": max(0, s1.get("gw:GC+VM", 0) - gcp),
      "audit writer / store compaction": s1.get("gw:audit-writer", 0) + s1.get("gw:store-compaction", 0),
      "other gateway threads": sum(v for k, v in s1.items() if k.startswith("gw:other") or k == "gw:JFR"),
      "request thread's own CPU above typical": max(0, s1.get("gw:request", 0) - typ_req),
      "core 1 idle (waiting on core 0: wrk, mock, others)": s1.get("idle", 0),
    }
    top = max(comp, key=comp.get)
    cause[top] += 1; stall[top] += lus * 1000 - med
    rows.append((lus, top, s1, s0, ev, t0))
print(f"\ntypical request (mean over a sample of {min(2000,n)}): core-1 time by holder (µs):",
      {k: round(v / 1000) for k, v in sorted(aggf.items(), key=lambda x: -x[1])})
print(f"slow requests (> {thr_us/1000:g} ms), mean core-1 time by holder (µs):",
      {k: round(v / 1000 / max(1, len(slow))) for k, v in sorted(agg.items(), key=lambda x: -x[1])})
print("  other processes on core 1 during slow requests, by name (ms total):", {k: round(v / 1e6, 1) for k, v in aggwho.most_common(8)})
print("\ncause per slow request (the largest component of its window):  count, share, stall ms above the median")
for k, v in cause.most_common(): print(f"  {k:52s} {v:5d} ({v/max(1,len(slow))*100:4.1f} %)  {stall[k]/1e6:8.1f} ms  ({v/n*10000:.1f} per 10,000 requests)")
fw = collections.Counter((e[3] or "?").split("-")[0] for e in evs if e[2] == "jdk.FileWrite")
print("FileWrite events by thread:", dict(fw.most_common(6)), "FileForce:", tot.get("jdk.FileForce", 0))
gcs = [e for e in evs if e[2] == "jdk.GCPhasePause"]
if gcs:
    d = sorted((e[1] - e[0]) / 1e6 for e in gcs)
    print(f"GC pauses in the recording: {len(d)}, p50 {d[len(d)//2]:.2f} ms, max {d[-1]:.2f} ms, total {sum(d):.0f} ms; one per {n/len(d):.0f} requests")
ecount = collections.Counter()
for lus, top, s1, s0, ev, _ in rows:
    for t in set(e[2] for e in ev): ecount[t] += 1
print("\nslow requests overlapping at least one JFR event of each type:", dict(ecount.most_common()))
fast_all = [r for r in reqs if r[1] <= thr_us]   # fewer than the slow ones in a short, still-compiling run
fast = random.sample(fast_all, min(len(slow) or 1, 2000, len(fast_all)))
fc = collections.Counter()
for t0, lus in fast:
    for t in set(e[2] for e in overl(t0, t0 + lus * 1000)): fc[t] += 1
print(f"  same for {len(fast)} random fast requests:", dict(fc.most_common()))
print("\nthe 25 slowest:")
for lus, top, s1, s0, ev, _ in sorted(rows, key=lambda x: -x[0])[:25]:
    desc = ", ".join(f"{k}={v/1e6:.1f}" for k, v in sorted(s1.items(), key=lambda x: -x[1])[:4])
    evd = collections.Counter((e[2].split(".")[1], e[4] if e[2] in ("jdk.GCPhasePause", "jdk.ExecuteVMOperation") else "") for e in ev)
    print(f"  {lus/1000:7.1f} ms  {top:22s} core1[{desc}] core0 machine={s0.get('machine',0)/1e6:.1f} | {dict(evd)}")

# PostgreSQL's checkpoints (c1-tail.sh --store postgres): "checkpoint complete: ... sync=S s, total=T s" logged at the end;
# the sync phase (fsync of every file the checkpoint wrote) is the last S seconds, the write phase the T - S before
def checkpoints():
    import datetime
    try: lines = open(f"{out}/pg-checkpoints.log").read().splitlines()
    except FileNotFoundError: return []
    r = []
    for l in lines:
        m = re.match(r"(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+) UTC .*checkpoint complete:.*write=([\d.]+) s, sync=([\d.]+) s, total=([\d.]+) s", l)
        if not m: continue
        end = int(datetime.datetime.fromisoformat(m[1] + "+00:00").timestamp() * 1e9) - off
        r.append((end - int(float(m[4]) * 1e9), end - int(float(m[3]) * 1e9), end))
    return r
cps = checkpoints()
if cps:
    t_a, t_b = reqs[0][0], reqs[-1][0] + reqs[-1][1] * 1000
    def inside(t, phase):  # phase 0: write, 1: sync
        return any((c[0] <= t < c[1]) if phase == 0 else (c[1] <= t < c[2]) for c in cps)
    for phase, name in ((1, "sync phase"), (0, "write phase")):
        span = sum(max(0, min(c[2] if phase else c[1], t_b) - max(c[1] if phase else c[0], t_a)) for c in cps)
        inr = [r for r in reqs if inside(r[0], phase)]; ins = [r for r in slow if inside(r[0], phase)]
        print(f"PostgreSQL checkpoints' {name}: {span/1e9:.1f} s of the run's {(t_b-t_a)/1e9:.0f} s ({span/max(1,t_b-t_a)*100:.1f} %); "
              f"requests in it {len(inr)}, slow ones {len(ins)} of {len(slow)} ({len(ins)/max(1,len(slow))*100:.0f} %)"
              + (f"; p99 inside {sorted(x[1] for x in inr)[int(.99*len(inr))]/1000:.2f} ms" if len(inr) >= 100 else ""))
with open(f"{out}/slow.tsv", "w") as f:
    for lus, top, s1, s0, ev, t0 in rows: f.write(f"{t0}\t{lus}\t{top}\n")
machine = {t0 for lus, top, s1, s0, ev, t0 in rows if top.startswith("other processes") or top.startswith("core 1 idle")}
kept = [(t0, int(med / 1000) if t0 in machine else l) for t0, l in reqs]
import os, tempfile
with tempfile.NamedTemporaryFile("w", delete=False) as f:
    for t0, l in kept: f.write(f"{t0} {l}\n")
span = (reqs[-1][0] + reqs[-1][1] * 1000 - reqs[0][0]) / 1e9
print("\nwithout the machine's share (slow requests caused by other processes or an idle core 1 set to the median):")
print("  " + subprocess.run([sys.executable, os.path.join(os.path.dirname(os.path.abspath(__file__)), "wrk-p99.py"), f.name, str(span)],
                            capture_output=True, text=True).stdout.strip())
os.unlink(f.name)

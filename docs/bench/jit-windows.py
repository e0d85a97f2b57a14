#!/usr/bin/env python3
"""Where the JIT's time goes in a gateway's first minutes: C1 and C2 compile time per window after the JVM's start,
by package, and the methods C2 compiles after readiness (first time, or again).

Reads a JFR recording made with every compilation recorded, e.g. a first-minute run with
  B_JAVA_OPTS="-XX:StartFlightRecording=settings=default,jdk.Compilation#threshold=0ms,filename=b.jfr,dumponexit=true"
  docs/bench/first-minute-ab.sh --solo --slices 8 gateway.jar
then
  python3 docs/bench/jit-windows.py b.jfr WARM_UP_START_S READY_S
WARM_UP_START_S: "started N ms after the JVM" of the warm-up's log line (N / 1000); READY_S: that plus its "in M ms"
(the warm-up's end; readiness follows within ~0.1 s). Compile times are wall times of the compiler thread (on a busy
machine longer than its CPU time: read them as shares). Needs the JDK's `jfr` tool (next to JAVA, or on PATH).
"""
import collections
import datetime
import json
import os
import shutil
import subprocess
import sys

if len(sys.argv) < 4:
    sys.exit(__doc__)
recording, warm_up, ready = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
jfr = os.path.join(os.path.dirname(os.environ.get("JAVA", "")), "jfr") if os.environ.get("JAVA") else None
jfr = jfr if jfr and os.path.exists(jfr) else (shutil.which("jfr") or "/usr/lib/jvm/temurin-25-jdk-amd64/bin/jfr")
events = json.loads(subprocess.run([jfr, "print", "--json", "--events", "jdk.Compilation,jdk.JVMInformation", recording],
                                   check=True, capture_output=True, text=True).stdout)["recording"]["events"]
info = next(e for e in events if e["type"] == "jdk.JVMInformation")
jvm_start = datetime.datetime.fromisoformat(info["values"]["jvmStartTime"])


def seconds(duration):  # ISO-8601 as JFR prints it: PT0.000135S, PT1.2S, PT1M2.5S
    text, total = duration.replace("PT", "").rstrip("S"), 0.0
    if "M" in text:
        minutes, text = text.split("M")
        total += float(minutes) * 60
    return total + (float(text) if text else 0.0)


def package(method_type):
    parts = method_type.replace(".", "/").split("/")  # hidden classes (lambdas) come with dots
    return ".".join(parts[:3] if parts[0] in ("nl", "org", "com", "io") else parts[:2])


windows = [("start to warm-up", 0, warm_up), ("warm-up", warm_up, ready)] + [
    (f"ready +{i * 10}–{i * 10 + 10} s", ready + i * 10, ready + i * 10 + 10) for i in range(9)]
per_window = {w[0]: collections.Counter() for w in windows}
c2_packages = {w[0]: collections.Counter() for w in windows}
c2_before_ready, after = set(), collections.Counter()
after_methods, after_counts = collections.Counter(), collections.Counter()
for event in events:
    if event["type"] != "jdk.Compilation":
        continue
    v = event["values"]
    at = (datetime.datetime.fromisoformat(v["startTime"]) - jvm_start).total_seconds()
    window = next((w[0] for w in windows if w[1] <= at < w[2]), None)
    if window is None:
        continue
    method = v["method"]["type"]["name"] + "::" + v["method"]["name"]
    took = seconds(v["duration"])
    tier = "C2" if v["compileLevel"] == 4 else "C1"
    per_window[window][tier + " n"] += 1
    per_window[window][tier + " s"] += took
    if tier == "C2":
        c2_packages[window][package(v["method"]["type"]["name"])] += took
        if at < ready:
            c2_before_ready.add(method)
        else:
            after["again (C2 before readiness too)" if method in c2_before_ready else "first C2 compilation"] += took
            after_methods[method] += took
            after_counts[method] += 1

print("| window (s after the JVM's start) | C1 compilations | C1 s | C2 compilations | C2 s | largest C2 packages (s) |")
print("|---|---:|---:|---:|---:|---|")
for name, lo, hi in windows:
    c = per_window[name]
    top = ", ".join(f"{p} {s:.1f}" for p, s in c2_packages[name].most_common(6))
    print(f"| {name} ({lo:.0f}–{hi:.0f}) | {c['C1 n']} | {c['C1 s']:.1f} | {c['C2 n']} | {c['C2 s']:.1f} | {top} |")
print()
print("C2 after readiness: " + ", ".join(f"{k} {v:.1f} s" for k, v in after.most_common()))
print("largest C2 compilations after readiness (s, times compiled):")
for method, took in after_methods.most_common(20):
    print(f"  {took:5.2f} {after_counts[method]:2d}  {method.replace('/', '.')}")

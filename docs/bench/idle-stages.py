#!/usr/bin/env python3
"""Where the idle gap's time goes: a scratch gateway's stage times joined with idle-gap.sh's client times.

    git apply docs/bench/idle-stamps.patch    # SCRATCH build only, never commit it: one STAMP line per request on stderr
    ./mvnw -q -B -o -pl gateway package -Dmaven.test.skip=true; cp gateway/target/gateway-*.jar stamps.jar; git checkout gateway
    docs/bench/idle-gap.sh ... A=stamps.jar        # c=1 only: the stamps are one global set
    python3 docs/bench/idle-stages.py $BENCH_WORK/idle-gap/<stamp> A

For every raw-<gap>-<mode>.tsv of the run: the median of each segment (µs) for the requests after the gap and for the
follow-ups straight after them, and the difference. Both clocks are CLOCK_MONOTONIC (Python's perf_counter, Java's
System.nanoTime), so client and gateway times subtract. Segments: send>coyote (the client's send until Tomcat starts
reading the request: its poller and the request's virtual thread), coyote>handler (filters), handler>piped (policy
pipeline), up_send>up_head (the upstream round trip), up_first>flush1 (the first event until it is flushed),
flush1>cl_first (to the client), aud0>aud1 (the audit record: build, commit, journal).
"""
import glob
import os
import statistics
import sys

SEGMENTS = [("send>coyote", "CS", "coyote"), ("coyote>handler", "coyote", "handler"), ("handler>piped", "handler", "piped"),
            ("piped>up_send", "piped", "up_send"), ("up_send>up_head", "up_send", "up_head"),
            ("up_head>up_first", "up_head", "up_first"), ("up_first>flush1", "up_first", "flush1"),
            ("flush1>cl_first", "flush1", "CF"), ("aud0>aud1", "aud0", "aud1"), ("aud1>done", "aud1", "done"),
            ("done>cl_done", "done", "CD"), ("TOTAL send>cl_first", "CS", "CF")]


def main():
    run, name = sys.argv[1], sys.argv[2]
    stamps = []
    for line in open(os.path.join(run, name, "gateway.log"), errors="replace"):
        if line.startswith("STAMP "):
            stamps.append({k: int(v) for k, v in (p.split("=") for p in line.split()[2:])})
    for raw in sorted(glob.glob(os.path.join(run, "raw-*.tsv"))):
        by_kind = {}
        for row in (l.rstrip("\n").split("\t") for l in open(raw)):
            if row[0] not in (name, name + "+follow"):
                continue
            t0, _, tf, td = map(int, row[1:5])
            match = [s for s in stamps if t0 <= s["handler"] <= td]
            if len(match) != 1:
                continue
            s = dict(match[0], CS=t0, CF=tf, CD=td)
            vals = {label: (s[b] - s[a]) / 1000 for label, a, b in SEGMENTS if s.get(a, 0) > 0 and s.get(b, 0) > 0}
            by_kind.setdefault("follow" if row[0].endswith("+follow") else "gap", []).append(vals)
        gap, follow = by_kind.get("gap", []), by_kind.get("follow", [])
        print(f"== {os.path.basename(raw)} (µs, medians; n {len(gap)} after the gap, {len(follow)} straight after)")
        print(f"{'segment':22s}{'gap':>9s}{'follow':>9s}{'diff':>9s}")
        for label, _, _ in SEGMENTS:
            g = [v[label] for v in gap if label in v]
            f = [v[label] for v in follow if label in v]
            if g and f:
                mg, mf = statistics.median(g), statistics.median(f)
                print(f"{label:22s}{mg:9.0f}{mf:9.0f}{mg - mf:+9.0f}")


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Where the idle gap's time goes: a scratch gateway's stage times joined with idle-gap.sh's client times.

    git apply docs/bench/idle-stamps.patch    # SCRATCH build only, never commit it: one STAMP line per request on stderr
    ./mvnw -q -B -o -pl gateway package -Dmaven.test.skip=true; cp gateway/target/gateway-*.jar stamps.jar
    git checkout gateway; rm gateway/src/main/java/nl/dijkwacht/Stamp*.java
    docs/bench/idle-gap.sh --modes stream ... A=stamps.jar [B=stamps-of-a-change.jar]   # c=1 only: the stamps are one global set
    python3 docs/bench/idle-stages.py $BENCH_WORK/idle-gap/<stamp> A

For every raw-<gap>-<mode>.tsv of the run: the median (µs) of each segment between two consecutive stamps the request
has, for the requests after the gap and for the follow-ups straight after them, and the difference; then a few longer
segments. Both clocks are CLOCK_MONOTONIC (Python's perf_counter, Java's System.nanoTime), so client and gateway times
subtract. Stamps, in the order of a streamed request (session 35, first19; a JSON request has fewer):
CS the client sends · coyote Tomcat starts reading it · f_first/f_last the first and last servlet filter · mapped the
handler found (Spring MVC) · srclimit/authed/bodyread the route filters · handler · opened the exchange and audit
capture · surfaced the surface's translation · st:<step> the end of each policy step · piped · premodel the audit
store's availability · router the model client called · up_send the upstream request built · hc_lease the pooled
connection leased · hc_prot HttpClient's request interceptors (just before the write) · hc_resp the upstream's head
read · up_head · sink_open the tool's head set · up_first the first upstream event read · rw_first/rw_out the answer
rewrite · flush0/flush1 around the first write to the tool · CF the client has the first answer text.
Also aud0>aud1 (the audit record: build, commit, journal) and flush1>aud0 (the rest of the stream).
"""
import bisect
import glob
import os
import statistics
import sys

STEPS = ["request", "use-case", "ai-literacy", "rate-limit", "fields", "attachments", "purpose", "model", "pii", "route",
         "token-budget", "step11", "step12"]
ORDER = ["CS", "coyote", "f_first", "f_last", "mapped", "srclimit", "authed", "bodyread", "handler", "opened", "surfaced",
         *[f"s{i}" for i in range(13)], "piped", "premodel", "router", "up_send", "hc_lease", "hc_prot", "hc_resp",
         "up_head", "sink_open", "up_first", "rw_first", "rw_out", "flush0", "flush1", "CF"]
LABEL = {f"s{i}": "st:" + name for i, name in enumerate(STEPS)}
LONGER = [("coyote", "handler"), ("handler", "piped"), ("piped", "up_send"), ("up_send", "up_head"), ("up_head", "flush0"),
          ("flush0", "flush1"), ("flush1", "aud0"), ("aud0", "aud1"), ("CS", "CF")]


def main():
    run, name = sys.argv[1], sys.argv[2]
    stamps = []
    for line in open(os.path.join(run, name, "gateway.log"), errors="replace"):
        if line.startswith("STAMP "):
            stamps.append({k: int(v) for k, v in (p.split("=") for p in line.split()[2:])})
    stamps.sort(key=lambda s: s["handler"])
    starts = [s["handler"] for s in stamps]
    for raw in sorted(glob.glob(os.path.join(run, "raw-*.tsv"))):
        by_kind = {}
        for row in (l.rstrip("\n").split("\t") for l in open(raw)):
            if row[0] not in (name, name + "+follow"):
                continue
            t0, _, tf, td = map(int, row[1:5])
            i, j = bisect.bisect_left(starts, t0), bisect.bisect_right(starts, td)
            if j - i != 1:
                continue
            s = dict(stamps[i], CS=t0, CF=tf, CD=td)
            present = [k for k in ORDER if s.get(k, 0) > 0]
            vals = {f"{LABEL.get(a, a)}>{LABEL.get(b, b)}": (s[b] - s[a]) / 1000 for a, b in zip(present, present[1:])}
            vals.update({f"[{a}>{b}]": (s[b] - s[a]) / 1000 for a, b in LONGER if s.get(a, 0) > 0 and s.get(b, 0) > 0})
            by_kind.setdefault("follow" if row[0].endswith("+follow") else "gap", []).append(vals)
        gap, follow = by_kind.get("gap", []), by_kind.get("follow", [])
        print(f"== {os.path.basename(raw)} (µs, medians; n {len(gap)} after the gap, {len(follow)} straight after)")
        print(f"{'segment':30s}{'gap':>9s}{'follow':>9s}{'diff':>9s}")
        labels = list(dict.fromkeys(k for v in gap + follow for k in v))
        for label in labels:
            g = [v[label] for v in gap if label in v]
            f = [v[label] for v in follow if label in v]
            if g and f:
                mg, mf = statistics.median(g), statistics.median(f)
                print(f"{label:30s}{mg:9.0f}{mf:9.0f}{mg - mf:+9.0f}")


if __name__ == "__main__":
    sys.exit(main())

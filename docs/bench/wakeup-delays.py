#!/usr/bin/env python3
"""Joins wakeup-delays.sh's scheduler events with the client's request times (both CLOCK_MONOTONIC).

    wakeup-delays.py RESULT_DIR [--show K]

For every request of every target in raw.tsv (stream-first-chunk.py --raw: target, send, headers, first text, end in
ns), the wake-ups inside [send, first text]: the woken thread (process group from tids.tsv: gw, mock, or the thread's
own name), who woke it, how long it had slept and its scheduler delay (wake-up → on a CPU); and how long the
gateway's threads were on a CPU inside that window, per thread kind. Prints per target the wake-ups per request and
their delays by woken thread kind (digits in a thread's name folded to N), after the first K requests of each target in
full (default 2). Only scheduler events are read. Thread names are the kernel's (15 characters): Tomcat's poller and
its platform request threads both read "http-nio-N-".
"""
import bisect
import collections
import re
import statistics
import sys

SWITCH = re.compile(r"prev_comm=(.*?) prev_pid=(\d+) .*?prev_state=(\S+) ==> next_comm=(.*?) next_pid=(\d+)")
WAKE = re.compile(r"sched_(?:waking|wakeup|wakeup_new):\s+comm=(.*?) pid=(\d+) prio=\d+ target_cpu=(\d+)")
HEAD = re.compile(r"^\s*(.*?)\s+(\d+)\s+\[(\d+)\]\s+(\d+)\.(\d+):\s+sched:(\S+):")


def kind(name):
    return re.sub(r"\d+", "N", name.strip())


def main():
    out = sys.argv[1]
    show = int(sys.argv[sys.argv.index("--show") + 1]) if "--show" in sys.argv else 2
    group = {}
    for line in open(f"{out}/tids.tsv", encoding="utf-8"):
        tid, g, _ = (line.rstrip("\n").split("\t") + ["", ""])[:3]
        if tid.isdigit():
            group[int(tid)] = g
    names = {}           # tid -> last seen comm

    def label(tid):
        g = group.get(tid)
        n = kind(names.get(tid, "?"))
        return f"{g}:{n}" if g else n

    slept_at = {}        # tid -> time it last left a CPU asleep (prev_state not R)
    since = {}           # cpu -> when that tid got it
    oncpu = collections.defaultdict(list)   # process group -> [(start, end)] its threads ran
    pending = {}         # tid -> wake-up record waiting for its switch-in
    wakes = []           # (t_wake, record)
    for line in open(f"{out}/sched.txt", encoding="utf-8", errors="replace"):
        h = HEAD.match(line)
        if not h:
            continue
        comm, tid, cpu = h.group(1), int(h.group(2)), int(h.group(3))
        t = int(h.group(4)) * 1_000_000_000 + int(h.group(5).ljust(9, "0")[:9])
        ev = h.group(6)
        names[tid] = comm
        if ev == "sched_switch":
            m = SWITCH.search(line)
            if not m:
                continue
            prev, state, nxt = int(m.group(2)), m.group(3), int(m.group(5))
            names[prev], names[nxt] = m.group(1), m.group(4)
            if not state.startswith("R"):
                slept_at[prev] = t
            if cpu in since and group.get(prev):
                oncpu[group[prev]].append((since[cpu], t))
                oncpu[label(prev)].append((since[cpu], t))
            since[cpu] = t
            rec = pending.pop(nxt, None)
            if rec is not None:
                rec["delay"] = t - rec["t"]
        elif ev in ("sched_waking", "sched_wakeup", "sched_wakeup_new"):
            m = WAKE.search(line)
            if not m:
                continue
            wakee = int(m.group(2))
            names[wakee] = m.group(1)
            rec = {"t": t, "tid": wakee, "waker": tid, "slept": t - slept_at[wakee] if wakee in slept_at else None,
                   "delay": None}
            pending[wakee] = rec
            wakes.append((t, rec))

    requests = collections.defaultdict(list)
    for line in open(f"{out}/raw.tsv", encoding="utf-8"):
        f = line.split("\t")
        if len(f) >= 5:
            requests[f[0]].append(tuple(int(x) for x in f[1:5]))
    wakes.sort(key=lambda w: w[0])
    times = [w[0] for w in wakes]
    for g in oncpu:
        oncpu[g].sort()
    starts = {g: [iv[0] for iv in ivs] for g, ivs in oncpu.items()}

    def ran(g, lo, hi):   # µs the group's threads were on a CPU inside [lo, hi]
        ivs = oncpu.get(g, [])
        i = max(0, bisect.bisect_left(starts.get(g, []), lo) - 64)
        total = 0
        for a, b in ivs[i:]:
            if a > hi:
                break
            total += max(0, min(b, hi) - max(a, lo))
        return total / 1000
    for target, reqs in requests.items():
        per_kind = collections.defaultdict(list)
        totals, counts, firsts, gw_cpu = [], [], [], []
        kind_cpu = collections.defaultdict(list)
        for i, (send, head, first, end) in enumerate(reqs):
            lo, hi = bisect.bisect_left(times, send), bisect.bisect_right(times, first)
            inside = [w[1] for w in wakes[lo:hi]]
            firsts.append((first - send) / 1000)
            own = [r for r in inside if r["delay"] is not None]
            mine = [r for r in own if group.get(r["tid"]) == "gw"]
            counts.append(len(mine))
            totals.append(sum(r["delay"] for r in mine) / 1000)
            gw_cpu.append(ran("gw", send, first))
            for g in oncpu:
                if g.startswith("gw:"):
                    kind_cpu[g].append(ran(g, send, first))
            for r in own:
                per_kind[(label(r["tid"]), label(r["waker"]))].append(r)
            if i < show:
                print(f"-- {target} request {i}: first text after {(first - send) / 1000:.0f} µs, headers {(head - send) / 1000:.0f} µs")
                for r in own:
                    print(f"   +{(r['t'] - send) / 1000:7.0f} µs  {label(r['tid']):34s} woken by {label(r['waker']):34s}"
                          f" slept {((r['slept'] or 0) / 1000):8.0f} µs"
                          f"  delay {r['delay'] / 1000:6.1f} µs")
        n = len(reqs)
        print(f"== {target}: {n} requests; first text p50 {statistics.median(firsts):.0f} µs; wake-ups before it "
              f"of the gateway's threads p50 {statistics.median(counts):.0f}, their scheduler delays summed p50 {statistics.median(totals):.0f} µs; "
              f"the gateway's threads on a CPU meanwhile p50 {statistics.median(gw_cpu):.0f} µs")
        print("   woken thread <- waker (every process)\tper request\tdelay p50 µs\tdelay p90 µs\tslept p50 µs")
        print("   gateway thread kind: on a CPU inside [send, first text], mean µs per request")
        for g, v in sorted(kind_cpu.items(), key=lambda kv: -sum(kv[1])):
            if sum(v) / n >= 5:
                print(f"   {g}\t{sum(v) / n:.0f}")
        for (wk, wr), rs in sorted(per_kind.items(), key=lambda kv: -len(kv[1])):
            if len(rs) < n / 10:
                continue
            d = sorted(r["delay"] / 1000 for r in rs)
            sl = [r["slept"] / 1000 for r in rs if r["slept"] is not None]
            print(f"   {wk} <- {wr}\t{len(rs) / n:.2f}\t{statistics.median(d):.1f}\t{d[int(len(d) * 0.9)]:.1f}\t"
                  f"{(statistics.median(sl) if sl else float('nan')):.0f}")


if __name__ == "__main__":
    main()

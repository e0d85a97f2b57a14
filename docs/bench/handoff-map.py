#!/usr/bin/env python3
"""The hand-off map of handoff-map.sh's run: per request, every gateway thread that slept and woke while it was served.

    python3 docs/bench/handoff-map.py $BENCH_WORK/handoff-map/<stamp> [--verbose]

Reads strace.txt (strace -f -ttt -T), threads.txt (native id, Java thread name) and requests.tsv (mode, i, epoch
send / headers / first data / end). A thread "woke" when one of its blocking syscalls (futex wait, epoll_wait, poll, a
socket read) that had lasted at least --slept-ms ended inside the request's window (send − 1 ms .. end + 3 ms); for a
futex the waker is the thread that made a FUTEX_WAKE on the same address just before. Per mode: how many requests saw
each wake (thread names with their numbers folded, e.g. ForkJoinPool-1-worker-#), and the first request's timeline.
"""
import argparse
import collections
import os
import re

LINE = re.compile(r"^(\d+)\s+(\d+\.\d+)\s+(.*)$")
CALL = re.compile(r"^(\w+)\((.*?)(?:\) += (.*?) <(\d+\.\d+)>|\s*<unfinished \.\.\.>)$")
RESUMED = re.compile(r"^<\.\.\. (\w+) resumed>(.*?)\) += (.*?) <(\d+\.\d+)>$")
BLOCKING = {"futex", "epoll_wait", "epoll_pwait", "poll", "ppoll", "read", "recvfrom", "readv"}


class Call:
    __slots__ = ("tid", "name", "args", "ret", "start", "end")

    def __init__(self, tid, name, args, ret, start, end):
        self.tid, self.name, self.args, self.ret, self.start, self.end = tid, name, args, ret, start, end

    def futex_addr(self):
        return self.args.split(",", 1)[0] if self.name == "futex" else None

    def futex_op(self):
        parts = self.args.split(",")
        return parts[1].strip() if self.name == "futex" and len(parts) > 1 else ""

    def is_wait(self):
        if self.name == "futex":
            return "WAIT" in self.futex_op()
        return self.name in BLOCKING


def parse(path):
    calls, open_calls = [], {}
    for raw in open(path, errors="replace"):
        m = LINE.match(raw.rstrip("\n"))
        if not m:
            continue
        tid, ts, rest = int(m.group(1)), float(m.group(2)), m.group(3)
        c = CALL.match(rest)
        if c:
            if c.group(3) is None:
                open_calls[tid] = (c.group(1), c.group(2), ts)
            else:
                dur = float(c.group(4))
                calls.append(Call(tid, c.group(1), c.group(2), c.group(3), ts, ts + dur))
            continue
        r = RESUMED.match(rest)
        if r and tid in open_calls:
            name, args, start = open_calls.pop(tid)
            dur = float(r.group(4))
            calls.append(Call(tid, name, args + r.group(2), r.group(3), start, start + dur))
    calls.sort(key=lambda c: c.end)
    return calls


def fold(name):
    return re.sub(r"\d+", "#", name)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("run")
    ap.add_argument("--slept-ms", type=float, default=0.2)
    ap.add_argument("--verbose", action="store_true", help="every request's timeline, not only the first of each mode")
    a = ap.parse_args()
    names = {}
    for line in open(os.path.join(a.run, "threads.txt")):
        tid, name = line.rstrip("\n").split("\t", 1)
        names[int(tid)] = name
    requests = []
    for line in open(os.path.join(a.run, "requests.tsv")):
        mode, i, t0, th, tf, t1, status = line.rstrip("\n").split("\t")
        requests.append((mode, int(i), float(t0), float(th), float(tf), float(t1), status))
    calls = parse(os.path.join(a.run, "strace.txt"))
    wakes_by_addr = collections.defaultdict(list)
    for c in calls:
        if c.name == "futex" and "WAKE" in c.futex_op() and c.ret.split()[0] not in ("0", "-1"):
            wakes_by_addr[c.futex_addr()].append(c)

    def who(tid):
        return names.get(tid, f"tid {tid}")

    def waker(c):
        if c.name != "futex":
            return ""
        best = None
        for w in wakes_by_addr.get(c.futex_addr(), []):
            if w.tid != c.tid and w.start <= c.end and (best is None or w.start > best.start):
                best = w
        return who(best.tid) if best is not None and c.end - best.start < 0.05 else "?"

    counts = collections.defaultdict(collections.Counter)
    per_mode = collections.Counter()
    shown = set()
    for mode, i, t0, th, tf, t1, status in requests:
        lo, hi = t0 - 0.001, t1 + 0.003
        inside = [c for c in calls if lo <= c.end <= hi]
        woke = [c for c in inside if c.is_wait() and (c.end - c.start) * 1000 >= a.slept_ms and not c.ret.startswith("-1 EAGAIN")]
        per_mode[mode] += 1
        seen = set()
        for c in woke:
            key = (fold(who(c.tid)), c.name if c.name != "futex" else "futex wait", fold(waker(c)) if c.name == "futex" else "")
            if key not in seen:
                seen.add(key)
                counts[mode][key] += 1
        if a.verbose or mode not in shown:
            shown.add(mode)
            print(f"== {mode} request {i} (status {status}): client headers +{(th - t0) * 1000:.2f} ms, first data "
                  f"+{(tf - t0) * 1000:.2f} ms, end +{(t1 - t0) * 1000:.2f} ms (strace-slowed)")
            for c in inside:
                slept = (c.end - c.start) * 1000
                if c.is_wait() and slept >= a.slept_ms and not c.ret.startswith("-1 EAGAIN"):
                    by = f" woken by {waker(c)}" if c.name == "futex" else ""
                    print(f"  +{(c.end - t0) * 1000:8.3f} ms  WOKE  {who(c.tid):34s} {c.name}({c.args[:60]}) slept {slept:.1f} ms{by}")
                elif c.name in ("write", "writev", "sendto", "read", "recvfrom", "readv", "epoll_ctl", "pwrite64", "fsync", "fdatasync") \
                        or (c.name == "futex" and "WAKE" in c.futex_op() and not c.ret.startswith("0")):
                    print(f"  +{(c.end - t0) * 1000:8.3f} ms        {who(c.tid):34s} {c.name}({c.args[:48]}) = {c.ret[:24]}")
    print()
    for mode, counter in counts.items():
        print(f"== {mode}: threads woken per request ({per_mode[mode]} requests; after ≥ {a.slept_ms} ms asleep)")
        for (thread, call, by), n in counter.most_common():
            print(f"  {n:3d}/{per_mode[mode]}  {thread:34s} {call:12s} {('by ' + by) if by else ''}")


if __name__ == "__main__":
    main()

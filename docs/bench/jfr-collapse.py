#!/usr/bin/env python3
"""Turns `jfr print --events jdk.ExecutionSample` output (stdin) into collapsed stacks (stdout), one
"frame;frame;... count" line per distinct stack, root first, for flamegraph.py and profile-summary.py.

    --thread-class  prefix each stack with the sampled thread's class: request (virtual threads, Tomcat),
                    audit-writer, store-compaction, or other:<name without its number> (c1-breakdown.sh --jfr)
    --weight        for `jfr print --events jdk.ObjectAllocationSample`: each stack counts the bytes its samples
                    stand for (their `weight`), not the samples, so the lines add up to the bytes allocated
                    (profile-summary.py --bytes)
"""
import collections
import re
import sys


def thread_class(name):
    if name.startswith("audit-writer"):
        return "audit-writer"
    if name.startswith("audit-store"):
        return "store-compaction"
    if name == "" or name.startswith(("ForkJoinPool", "http-nio", "tomcat")):
        return "request"
    return "other:" + re.sub(r"[-#]?\d+$", "", name)


UNITS = {"byte": 1, "bytes": 1, "kB": 1024, "MB": 1024 ** 2, "GB": 1024 ** 3}


def amount(text):
    """`jfr print`'s data amounts: "512 bytes", "12.5 kB", "1.2 MB"."""
    number, _, unit = text.strip().partition(" ")
    return float(number.replace(",", "")) * UNITS.get(unit.strip(), 1)


by_thread = "--thread-class" in sys.argv[1:]
by_weight = "--weight" in sys.argv[1:]
counts = collections.Counter()
stack = None
thread = "?"
weight = 1
for line in sys.stdin:
    s = line.strip()
    if s.startswith(("sampledThread = ", "eventThread = ")):
        m = re.match(r'\w+ = "(.*?)"', s)
        thread = thread_class(m.group(1) if m else "")
    elif by_weight and s.startswith("weight = "):
        weight = amount(s[len("weight = "):])
    elif s.startswith("stackTrace = ["):
        stack = []
    elif stack is not None and (s == "]" or s.startswith("truncated")):
        if s == "]":
            counts[(thread + ";" if by_thread else "") + ";".join(reversed(stack))] += weight if by_weight else 1
            stack = None
    elif stack is not None and s:
        stack.append(re.sub(r"\(.*$|\s+line:.*$", "", s).strip())
for k, v in counts.items():
    print(k, round(v))

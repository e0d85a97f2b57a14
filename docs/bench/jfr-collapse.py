#!/usr/bin/env python3
"""Turns `jfr print --events jdk.ExecutionSample` output (stdin) into collapsed stacks (stdout), one
"frame;frame;... count" line per distinct stack, root first, for flamegraph.py and profile-summary.py.

    --thread-class  prefix each stack with the sampled thread's class: request (virtual threads, Tomcat),
                    audit-writer, store-compaction, or other:<name without its number> (c1-breakdown.sh --jfr)
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


by_thread = "--thread-class" in sys.argv[1:]
counts = collections.Counter()
stack = None
thread = "?"
for line in sys.stdin:
    s = line.strip()
    if s.startswith("sampledThread = "):
        m = re.match(r'sampledThread = "(.*?)"', s)
        thread = thread_class(m.group(1) if m else "")
    elif s.startswith("stackTrace = ["):
        stack = []
    elif stack is not None and (s == "]" or s.startswith("truncated")):
        if s == "]":
            counts[(thread + ";" if by_thread else "") + ";".join(reversed(stack))] += 1
            stack = None
    elif stack is not None and s:
        stack.append(re.sub(r"\(.*$|\s+line:.*$", "", s).strip())
for k, v in counts.items():
    print(k, v)

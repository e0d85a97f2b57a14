#!/usr/bin/env python3
"""Turns `jfr print --events jdk.ExecutionSample` output (stdin) into collapsed stacks (stdout), one
"frame;frame;... count" line per distinct stack, root first, for flamegraph.py and profile-summary.py."""
import collections
import re
import sys

counts = collections.Counter()
stack = None
for line in sys.stdin:
    s = line.strip()
    if s.startswith("stackTrace = ["):
        stack = []
    elif stack is not None and (s == "]" or s.startswith("truncated")):
        if s == "]":
            counts[";".join(reversed(stack))] += 1
            stack = None
    elif stack is not None and s:
        stack.append(re.sub(r"\(.*$|\s+line:.*$", "", s).strip())
for k, v in counts.items():
    print(k, v)

#!/usr/bin/env python3
"""What the JIT compiles and throws away after readiness, per time window: C1/C2 compilations, whether a C2
compilation is the method's first or a recompilation, deoptimisations by reason and method, code made not entrant by
cause, and the methods C2 compiled more than twice.

Reads a gateway's stdout written with -XX:+PrintCompilation (product flag: "<ms since JVM start> <id> <flags> <tier>
<method> [@ bci] (<bytes> bytes) [made not entrant: <cause>]") and the deoptimisation log of
-Xlog:deoptimization=debug:file=deopt.log:utctime,uptime (one line per uncommon trap: method, trap_bci, reason,
action).

  python3 docs/bench/jit-after-ready.py gateway.log deopt.log READY_S [WINDOW_S [END_S]]

READY_S: seconds after the JVM's start at which the gateway became ready (the warm-up's log line: "started N ms after
the JVM" + "in M ms"); windows of WINDOW_S (default 60) from there to END_S (default: the last line). Every C2
compilation counts as "first" when the method had no C2 (tier 4) code before in the log, "again" otherwise.
"""
import collections
import re
import sys

if len(sys.argv) < 4:
    sys.exit(__doc__)
log_path, deopt_path, ready = sys.argv[1], sys.argv[2], float(sys.argv[3])
window = float(sys.argv[4]) if len(sys.argv) > 4 else 60.0
end = float(sys.argv[5]) if len(sys.argv) > 5 else float("inf")
compile_re = re.compile(r"^\s*(\d+)\s+(\d+)\s+([%sbn!]*)\s*(\d)\s+(\S+)(?:\s+@\s+(\d+))?\s+\((\d+|native) bytes\)\s*(.*)$")
deopt_re = re.compile(r"\]\[([\d.]+)s\].*level=(\d)\s+(\S+?)\(.*?trap_bci=(\d+)\s+(\w+)\s+(\w+)")


def bucket(seconds):
    if seconds < ready or seconds >= end:
        return None
    return int((seconds - ready) // window)


c2_seen = collections.Counter()          # method -> C2 compilations so far (whole log)
per = collections.defaultdict(lambda: collections.defaultdict(collections.Counter))
c2_after = collections.Counter()         # method -> C2 compilations after ready
c2_first_at = {}
for line in open(log_path, errors="replace"):
    m = compile_re.match(line)
    if not m:
        continue
    t, flags, tier, method, osr, rest = int(m.group(1)) / 1000, m.group(3), m.group(4), m.group(5), m.group(6), m.group(8)
    b = bucket(t)
    if "made not entrant" in rest:
        if b is not None:
            cause = rest.split("made not entrant", 1)[1].lstrip(": ").strip() or "?"
            per[b]["not entrant"][cause] += 1
            if cause != "not used":
                per[b]["not entrant methods"][f"{method} (tier {tier})"] += 1
        continue
    if "made zombie" in rest or tier not in "1234":
        continue
    kind = "OSR " if "%" in flags else ""
    if tier == "4":
        again = c2_seen[method] > 0
        c2_seen[method] += 1
        if b is not None:
            per[b]["compiles"][kind + ("C2 again" if again else "C2 first")] += 1
            per[b]["c2 methods"][method] += 1
            c2_after[method] += 1
    elif b is not None:
        per[b]["compiles"][kind + "C1 tier " + tier] += 1
deopts_after = collections.Counter()
for line in open(deopt_path, errors="replace"):
    m = deopt_re.search(line)
    if not m:
        continue
    t, level, method, bci, reason, action = float(m.group(1)), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6)
    b = bucket(t)
    if b is None:
        continue
    per[b]["deopt reasons"][f"{reason}/{action}"] += 1
    per[b]["deopt methods"][f"{method} @{bci} {reason} (tier {level})"] += 1
    deopts_after[f"{method} @{bci} {reason}"] += 1

for b in sorted(per):
    d = per[b]
    lo, hi = ready + b * window, ready + (b + 1) * window
    print(f"== ready +{b * window:.0f}–{(b + 1) * window:.0f} s (JVM {lo:.0f}–{hi:.0f} s)")
    print("  compilations:", ", ".join(f"{k} {v}" for k, v in sorted(d["compiles"].items())), f"(total {sum(d['compiles'].values())})")
    print("  made not entrant:", ", ".join(f"{k} {v}" for k, v in d["not entrant"].most_common()))
    print("  deoptimisations:", sum(d["deopt reasons"].values()), "—", ", ".join(f"{k} {v}" for k, v in d["deopt reasons"].most_common(8)))
    for k, v in d["deopt methods"].most_common(8):
        print(f"    {v:4d}  {k}")
    print("  C2 compilations, most frequent methods:", ", ".join(f"{k} {v}" for k, v in d["c2 methods"].most_common(6)))
print("== after ready: methods C2 compiled more than twice (count after ready; all C2 compilations in the log)")
for method, n in c2_after.most_common():
    if n <= 2:
        break
    print(f"  {n:3d} ({c2_seen[method]:3d})  {method}")
print("== after ready: most frequent deoptimisation sites")
for k, v in deopts_after.most_common(20):
    print(f"  {v:4d}  {k}")

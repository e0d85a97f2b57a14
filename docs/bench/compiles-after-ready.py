#!/usr/bin/env python3
"""What the JIT compiles, and what it throws away, in a time window of a gateway's life.

Reads a gateway log written with -XX:+UnlockDiagnosticVMOptions -XX:+PrintCompilation (one line per compilation,
"<ms since JVM start> <id> <flags> <tier> <method> (<bytes> bytes) [made not entrant]") and counts, between two
moments, the compilations by tier and by package, the C2 (tier 4) compilations by package, and the compiled methods
made not entrant (deoptimised: the code was compiled for a profile the later requests did not keep to).

  python3 docs/bench/compiles-after-ready.py gateway.log FROM_MS [TO_MS]

FROM_MS: usually the end of the start-up warm-up, i.e. "started N ms after the JVM" + "in M ms" of its log line; a
first-minute run: docs/bench/first-minute-ab.sh with GATEWAY_JAVA_OPTS="-Xms512m -Xmx512m -XX:+UnlockDiagnosticVMOptions
-XX:+PrintCompilation" (docs/history/benchmark-sessions.md, "Session 26 — start-up").
"""
import collections
import re
import sys

if len(sys.argv) < 3:
    sys.exit(__doc__)
path, start = sys.argv[1], float(sys.argv[2])
end = float(sys.argv[3]) if len(sys.argv) > 3 else float("inf")
line_re = re.compile(r"^\s*(\d+)\s+(\d+)\s+([%sbn!]*)\s*(\d)?\s+(\S+)\s+\((\d+) bytes\)(.*)$")
tiers, packages, c2, thrown_away, methods = (collections.Counter() for _ in range(5))
for line in open(path, errors="replace"):
    m = line_re.match(line)
    if not m or not start <= int(m.group(1)) < end:
        continue
    tier, method, rest = m.group(4) or "?", m.group(5), m.group(7)
    parts = method.split("::")[0].split(".")
    package = ".".join(parts[:3] if parts[0] in ("nl", "org", "com", "io") else parts[:2])
    if "made not entrant" in rest:
        thrown_away[package] += 1
        methods["made not entrant  " + method] += 1
    elif "made zombie" not in rest:
        tiers[tier] += 1
        packages[package] += 1
        if tier == "4":
            c2[package] += 1
            methods["C2                " + method] += 1
print(f"compilations {sum(tiers.values())}, by tier {dict(sorted(tiers.items()))}; made not entrant {sum(thrown_away.values())}")
print("by package:", ", ".join(f"{p} {n}" for p, n in packages.most_common(15)))
print("C2 by package:", ", ".join(f"{p} {n}" for p, n in c2.most_common(12)))
print("made not entrant by package:", ", ".join(f"{p} {n}" for p, n in thrown_away.most_common(12)))
print("most frequent methods:")
for method, n in methods.most_common(25):
    print(f"  {n:3d}  {method}")

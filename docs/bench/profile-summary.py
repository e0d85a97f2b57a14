#!/usr/bin/env python3
"""Where the CPU goes, from collapsed stacks (docs/bench/gateway-bench.sh --profile): for each part of the request
path the share of all CPU samples whose stack passes through it (inclusive, so parts overlap: the PII engine runs
inside the pipeline), and the CPU time per request when the number of requests served during the profile is given.

    python3 docs/bench/profile-summary.py profile.collapsed [requests] [cpu_seconds]
"""
import sys

PARTS = [
    ("request pipeline (all policy steps)", ["nl/dijkwacht/pipeline/RequestPipeline", "nl.dijkwacht.pipeline.RequestPipeline"]),
    ("PII engine (detect + anonymise)", ["nl/dijkwacht/pii/", "nl.dijkwacht.pii."]),
    ("  of which OpenNLP name model", ["opennlp/"]),
    ("purpose guard", ["nl/dijkwacht/policy/PurposeGuard", "nl.dijkwacht.policy.PurposeGuard"]),
    ("regular expressions (anywhere)", ["java/util/regex/"]),
    ("token counting (jtokkit)", ["com/knuddels/jtokkit"]),
    ("request schema / JSON parsing and writing (Jackson)", ["com/fasterxml/jackson", "com/networknt"]),
    ("answer rewriting (restore, disclaimer, output scan)", ["nl/dijkwacht/response/", "nl.dijkwacht.response."]),
    ("audit record + store (all)", ["nl/dijkwacht/audit/", "nl.dijkwacht.audit."]),
    ("  of which H2", ["org/h2/"]),
    ("  of which PostgreSQL driver", ["org/postgresql/"]),
    ("upstream call (Apache HttpClient 5)", ["org/apache/hc/"]),
    ("Tomcat (HTTP server)", ["org/apache/catalina", "org/apache/coyote", "org/apache/tomcat"]),
    ("Spring MVC / Security / Cloud Gateway dispatch", ["org/springframework/web", "org/springframework/security", "org/springframework/cloud"]),
    ("metrics and tracing (Micrometer)", ["io/micrometer"]),
    ("JIT compiler threads", ["CompileBroker", "C2Compiler", "Compile::", "C1 Compiler", "C2 Compiler"]),
    ("garbage collector", ["G1", "GC_active", "[GC", "GCTaskThread", "WorkerThread::run"]),
]


def main():
    path = sys.argv[1]
    requests = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    cpu = float(sys.argv[3]) if len(sys.argv) > 3 else 0.0
    stacks = []
    total = 0
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            stack, _, n = line.rstrip("\n").rpartition(" ")
            try:
                n = int(n)
            except ValueError:
                continue
            stacks.append((stack, n))
            total += n
    print(f"| part | share of CPU samples |" + (" CPU µs per request |" if requests and cpu else ""))
    print("|---|---:|" + ("---:|" if requests and cpu else ""))
    for name, keys in PARTS:
        n = sum(c for s, c in stacks if any(k in s for k in keys))
        share = n / total if total else 0
        extra = f" {share * cpu / requests * 1e6:.0f} |" if requests and cpu else ""
        print(f"| {name} | {share * 100:.1f} % |{extra}")
    print(f"\n{total} samples" + (f"; {requests} requests, {cpu:.1f} s CPU of the gateway process" if requests else ""))


if __name__ == "__main__":
    main()

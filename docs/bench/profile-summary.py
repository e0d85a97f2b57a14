#!/usr/bin/env python3
"""Where the CPU goes, from collapsed stacks (docs/bench/gateway-bench.sh --profile, docs/bench/ab-cpu.sh --jfr): for
each part of the request path the share of all CPU samples whose stack passes through it (inclusive, so parts overlap:
the PII engine runs inside the pipeline), and the CPU time per request when the number of requests served during the
profile is given.

    python3 docs/bench/profile-summary.py profile.collapsed [requests] [cpu_seconds] [sample_ms]
    python3 docs/bench/profile-summary.py --bytes alloc.collapsed [requests]

With --bytes the stacks are allocation samples weighted by bytes (jfr-collapse.py --weight on
jdk.ObjectAllocationSample): each part's share of the bytes allocated and, given the requests served during the
recording, KB per request.

Frame names differ by profiler: async-profiler writes `nl/dijkwacht/audit/AuditTrail.record`, JFR (via
jfr-collapse.py) `nl.dijkwacht.audit.AuditTrail.record`. Both are brought to the dotted form before matching, so the
patterns below are written once, dotted. JFR samples Java threads only: the JIT and GC rows stay at 0 % for a JFR
profile (ab-cpu.sh reports the JIT threads' CPU apart, from /proc).

The "CPU µs per request" column is a part's share of the samples times ALL the process's CPU: with JFR's execution
samples (Java code only) it spreads the JIT, the collector, the kernel and threads outside Java over the parts in
proportion. pii17 (session 32) measured the PII calls' own thread CPU in the gateway: share × CPU gave 1.3–1.7× too
much, samples × sampling interval matched. Given sample_ms (JFR settings=profile: 10; async-profiler: its interval),
a second column gives that: the part's samples × sample_ms per request, and the footer says what share of the process
CPU the samples stand for.
"""
import sys

PARTS = [
    ("request pipeline (all policy steps)", ["nl.dijkwacht.pipeline.RequestPipeline."]),
    ("PII engine (detect + anonymise)", ["nl.dijkwacht.pii."]),
    # the name finder only: the purpose guard's categorizer is OpenNLP too (opennlp.tools.doccat), and until
    # 2026-12-02 (session 22) this row matched all of "opennlp." and so counted the categorizer as name model
    ("  of which OpenNLP name model", ["opennlp.tools.namefind."]),
    ("purpose guard", ["nl.dijkwacht.purpose.", "nl.dijkwacht.policy.ForbiddenPurpose."]),
    # the classifier: OpenNLP's categorizer until session 27, then purpose.IndexedCategorizer (same model, same probabilities)
    ("  of which the classifier", ["opennlp.tools.doccat.", "nl.dijkwacht.purpose.IndexedCategorizer."]),
    ("regular expressions (anywhere)", ["java.util.regex."]),
    ("token counting (jtokkit)", ["com.knuddels.jtokkit."]),
    ("request schema / JSON parsing and writing (Jackson)", ["com.fasterxml.jackson.", "tools.jackson.", "com.networknt."]),
    ("answer rewriting (restore, disclaimer, output scan)", ["nl.dijkwacht.response."]),
    ("audit record + store (all)", ["nl.dijkwacht.audit."]),
    # ChainAppender since session 32 (audit17); the older name matches profiles taken before
    ("  of which the writer's transaction (H2 / PostgreSQL / pool)", ["ChainAppender.tryWrite", "ChainedJdbcAuditSink.tryWrite"]),
    ("  of which embedded store compaction", ["EmbeddedStoreCompaction."]),
    ("  of which H2", ["org.h2."]),
    ("  of which PostgreSQL driver", ["org.postgresql."]),
    ("upstream call (Apache HttpClient 5)", ["org.apache.hc."]),
    ("Tomcat (HTTP server)", ["org.apache.catalina.", "org.apache.coyote.", "org.apache.tomcat."]),
    ("Spring Security filter chain", ["org.springframework.security."]),
    ("Spring MVC / Cloud Gateway dispatch", ["org.springframework.web.", "org.springframework.cloud."]),
    ("metrics and tracing (Micrometer, OpenTelemetry)", ["io.micrometer.", "io.opentelemetry."]),
    ("logging (Logback, SLF4J)", ["ch.qos.logback.", "org.slf4j."]),
    ("exceptions thrown (stack traces filled)", ["java.lang.Throwable.fillInStackTrace"]),
    ("JIT compiler threads (async-profiler only)", ["CompileBroker", "C2Compiler", "Compile::", "C1 Compiler", "C2 Compiler"]),
    ("garbage collector (async-profiler only)", ["G1", "GC_active", "[GC", "GCTaskThread", "WorkerThread::run"]),
]


def main():
    args = [a for a in sys.argv[1:] if a != "--bytes"]
    if len(args) < len(sys.argv) - 1:
        return summarise_bytes(args[0], int(args[1]) if len(args) > 1 else 0)
    path = args[0]
    requests = int(args[1]) if len(args) > 1 else 0
    cpu = float(args[2]) if len(args) > 2 else 0.0
    sample_ms = float(args[3]) if len(args) > 3 else 0.0
    stacks = []
    total = 0
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            stack, _, n = line.rstrip("\n").rpartition(" ")
            try:
                n = int(n)
            except ValueError:
                continue
            stacks.append((stack.replace("/", "."), n))
            total += n
    sampled = requests and sample_ms
    print(f"| part | share of CPU samples |" + (" CPU µs per request |" if requests and cpu else "")
          + (f" samples × {sample_ms:g} ms per request (µs) |" if sampled else ""))
    print("|---|---:|" + ("---:|" if requests and cpu else "") + ("---:|" if sampled else ""))
    for name, keys in PARTS:
        n = sum(c for s, c in stacks if any(k in s for k in keys))
        share = n / total if total else 0
        extra = f" {share * cpu / requests * 1e6:.0f} |" if requests and cpu else ""
        extra += f" {n * sample_ms * 1e3 / requests:.0f} |" if sampled else ""
        print(f"| {name} | {share * 100:.1f} % |{extra}")
    print(f"\n{total} samples" + (f"; {requests} requests, {cpu:.1f} s CPU of the gateway process" if requests else ""))
    if sampled and cpu:
        print(f"The samples stand for {total * sample_ms / 1e3:.1f} s ({total * sample_ms / 1e3 / cpu * 100:.0f} % of the"
              " process CPU); the rest (JIT, collector, kernel, threads outside Java) is spread over the parts by the"
              " share × CPU column.")


def read(path):
    stacks = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            stack, _, n = line.rstrip("\n").rpartition(" ")
            try:
                stacks.append((stack.replace("/", "."), int(n)))
            except ValueError:
                continue
    return stacks


def summarise_bytes(path, requests):
    stacks = read(path)
    total = sum(n for _, n in stacks)
    print("| part | share of bytes allocated |" + (" KB per request |" if requests else ""))
    print("|---|---:|" + ("---:|" if requests else ""))
    for name, keys in PARTS:
        n = sum(c for s, c in stacks if any(k in s for k in keys))
        extra = f" {n / requests / 1024:.1f} |" if requests else ""
        print(f"| {name} | {n / total * 100 if total else 0:.1f} % |{extra}")
    print(f"\n{total / 1024 ** 2:.1f} MB sampled" + (f"; {requests} requests" if requests else ""))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""A streamed profile beside a JSON one, each sample counted ONCE: its owner is the deepest frame of the stack that matches
a part (a socket write under the rewriter counts as the tool's socket write, not as the rewriter; profile-summary.py
counts inclusively, so there the rewriter — run inside the audit's sink — also shows under "audit"). From
docs/bench/stream-profile.sh's recordings (async-profiler, 1 ms): µs per request = samples × 1 ms / requests.

    python3 docs/bench/stream-owners.py stream.collapsed STREAM_REQUESTS json.collapsed JSON_REQUESTS
"""
import sys, collections
CATS = [
    ("tool socket: SseWriter (stream) / respond (JSON) writes", ["nl.dijkwacht.api.SseWriter.", "nl.dijkwacht.api.ChatCompletionsHandler.respond"]),
    ("SSE splitting (invoke.SseEvents, ChunkedBody)", ["nl.dijkwacht.invoke.SseEvents.", "nl.dijkwacht.invoke.ChunkedBody.", "nl.dijkwacht.invoke.OpenAiCompatibleClient.drained"]),
    ("plain-text check (invoke.PlainEvents)", ["nl.dijkwacht.invoke.PlainEvents."]),
    ("chunk as a tree (RawChunk.tree)", ["nl.dijkwacht.invoke.RawChunk.tree"]),
    ("output scan (response.StreamingOutputScan / OutputScan)", ["nl.dijkwacht.response.StreamingOutputScan.", "nl.dijkwacht.response.OutputScan", "nl.dijkwacht.pii.PiiEngine.scanOutput"]),
    ("placeholder restoring", ["nl.dijkwacht.pii.anonymize.PlaceholderRestorer."]),
    ("event rewriting other (response.*)", ["nl.dijkwacht.response."]),
    ("audit (nl.dijkwacht.audit, not AuditCapture's sink)", ["nl.dijkwacht.audit.chain.", "nl.dijkwacht.audit.store.", "nl.dijkwacht.audit.AuditTrail", "nl.dijkwacht.audit.AuditRecord", "nl.dijkwacht.audit.Mac", "org.h2."]),
    ("upstream client (org.apache.hc)", ["org.apache.hc."]),
    ("request pipeline (policy steps)", ["nl.dijkwacht.pipeline.RequestPipeline."]),
    ("JIT", ["CompileBroker", "C2Compiler", "Compile::", "C1 Compiler", "C2 Compiler"]),
    ("GC", ["G1", "GC_active", "[GC", "GCTaskThread", "WorkerThread::run", "VM_GenCollect", "SerialHeap", "DefNewGeneration"]),
]
def owners(path):
    c = collections.Counter(); tot = 0
    for line in open(path, encoding="utf-8", errors="replace"):
        s, _, n = line.rstrip("\n").rpartition(" ")
        try: n = int(n)
        except ValueError: continue
        tot += n
        fr = s.replace("/", ".").split(";")
        owner = "other"
        for f in reversed(fr):
            hit = next((name for name, pats in CATS if any(f.startswith(p) or (not p.startswith("nl.") and p in f) for p in pats)), None)
            if hit: owner = hit; break
        c[owner] += n
    return c, tot
a, ta = owners(sys.argv[1]); qa = int(sys.argv[2]); b, tb = owners(sys.argv[3]); qb = int(sys.argv[4])
print("| owner (deepest matching frame) | streamed: share | µs/req | JSON: share | µs/req | streamed − JSON µs/req |")
print("|---|---:|---:|---:|---:|---:|")
for name in [n for n, _ in CATS] + ["other"]:
    ua = a[name] * 1000 / qa; ub = b[name] * 1000 / qb
    print(f"| {name} | {100*a[name]/ta:.1f} % | {ua:.0f} | {100*b[name]/tb:.1f} % | {ub:.0f} | {ua-ub:+.0f} |")
print(f"| all samples | 100 % | {ta*1000/qa:.0f} | 100 % | {tb*1000/qb:.0f} | {ta*1000/qa - tb*1000/qb:+.0f} |")

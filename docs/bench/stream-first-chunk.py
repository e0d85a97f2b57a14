#!/usr/bin/env python3
"""First-chunk delay of streamed chat completions, target against target, interleaved.

    stream-first-chunk.py --n 200 --body body.json floor=http://127.0.0.1:18080/v1 \
        gw=http://127.0.0.1:18096/v1 [--header 'Name: value'] [--target-header 'gw=Name: value'] [--tsv FILE]

Sends N sequential streaming requests to each target in turn (one kept-alive connection per target, so connection
set-up is not in the figure) and measures, per request, the time from sending the request to the first response
byte (the headers), to the first data event that carries answer text, and to "data: [DONE]". The first target is
the reference: the other targets' "added" figures are their p50 minus its p50. Only timings are printed; the answer
text is never printed or kept. --header goes to every target but the first; --target-header 'NAME=Name: value' to
target NAME only (repeatable). --tsv appends one row per target (target, n, the p50s) for a report. --gap-ms pauses
before each target's request, so every connection (and the client) sits idle as between a staff member's requests. --follow K sends K more requests
right after each target's first one of a round (no pause) and reports them as "NAME+follow": the same moment's cost of a
request after the gap against one straight after another. --json sends non-streamed requests (the "first chunk" is then
the whole answer read).
"""
import argparse
import http.client
import json
import statistics
import sys
import time
import urllib.parse


def pct(values, p):
    s = sorted(values)
    if not s:
        return float("nan")
    i = max(0, min(len(s) - 1, int(len(s) * p / 100 + 0.999) - 1))
    return s[i]


class Target:
    def __init__(self, name, base, headers, body, stream=True):
        self.name = name
        self.stream = stream
        url = urllib.parse.urlsplit(base.rstrip("/") + "/chat/completions")
        self.host, self.port, self.path = url.hostname, url.port or 80, url.path
        self.headers = {"Content-Type": "application/json", "Authorization": "Bearer sk-bench-not-a-real-key",
                        "Accept": "text/event-stream" if stream else "application/json", **headers}
        self.body = body
        self.conn = None
        self.headers_ms, self.first_ms, self.done_ms = [], [], []
        self.raw = []

    def one(self, into=None):
        into = into or self
        if self.conn is None:
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
        t0 = time.perf_counter()
        self.conn.request("POST", self.path, body=self.body, headers=self.headers)
        resp = self.conn.getresponse()
        t_headers = time.perf_counter()
        if resp.status != 200:
            raise SystemExit(f"{self.name}: HTTP {resp.status}")
        if not self.stream:
            answer = json.loads(resp.read())
            t_done = time.perf_counter()
            if not answer.get("choices"):
                raise SystemExit(f"{self.name}: answer without choices")
            self.keep(resp, into, t0, t_headers, t_done, t_done)
            return
        t_first = None
        done = False
        while True:
            line = resp.readline()
            if not line:
                break
            if not line.startswith(b"data: "):
                continue
            data = line[6:].strip()
            if data == b"[DONE]":
                done = True
                break
            if t_first is None:
                chunk = json.loads(data)
                if any((c.get("delta") or {}).get("content") for c in chunk.get("choices", [])):
                    t_first = time.perf_counter()
        resp.read()
        t_done = time.perf_counter()
        if not done or t_first is None:
            raise SystemExit(f"{self.name}: stream without answer text or without [DONE]")
        self.keep(resp, into, t0, t_headers, t_first, t_done)

    def keep(self, resp, into, t0, t_headers, t_first, t_done):
        if resp.getheader("connection", "").lower() == "close":
            self.conn.close()
            self.conn = None
        into.headers_ms.append((t_headers - t0) * 1000)
        into.first_ms.append((t_first - t0) * 1000)
        into.done_ms.append((t_done - t0) * 1000)
        into.raw.append((t0, t_headers, t_first, t_done))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--warmup", type=int, default=20, help="requests per target before measuring")
    ap.add_argument("--body", required=True)
    ap.add_argument("--header", action="append", default=[], help="'Name: value' for every target but the first")
    ap.add_argument("--target-header", action="append", default=[], help="'NAME=Name: value' for target NAME only")
    ap.add_argument("--tsv", help="append target, n and the p50s here")
    ap.add_argument("--gap-ms", type=int, default=0,
                    help="pause before each request but the follow-ups (a tool that asks every few seconds; 0: back to back)")
    ap.add_argument("--follow", type=int, default=0,
                    help="requests sent right after each target's first of a round, reported as NAME+follow")
    ap.add_argument("--json", action="store_true", help="non-streamed requests: the first chunk is the whole answer")
    ap.add_argument("--raw", help="append one row per measured request: target, then the CLOCK_MONOTONIC nanoseconds of "
                                  "sending, headers, first answer text and end (Java's System.nanoTime reads the same clock)")
    ap.add_argument("targets", nargs="+", help="name=base_url; the first is the reference")
    args = ap.parse_args()
    raw = json.load(open(args.body, encoding="utf-8"))
    raw["stream"] = not args.json
    body = json.dumps(raw).encode("utf-8")
    extra = dict(h.split(":", 1) for h in args.header)
    extra = {k.strip(): v.strip() for k, v in extra.items()}
    own = {}
    for spec in args.target_header:
        name, header = spec.split("=", 1)
        key, value = header.split(":", 1)
        own.setdefault(name, {})[key.strip()] = value.strip()
    targets = []
    for i, spec in enumerate(args.targets):
        name, base = spec.split("=", 1)
        targets.append(Target(name, base, {**(extra if i > 0 else {}), **own.get(name, {})}, body, not args.json))
    follows = {t.name: Target(t.name + "+follow", "http://unused/v1", {}, b"") for t in targets} if args.follow else {}
    for t in targets:
        for _ in range(args.warmup):
            t.one()
        t.headers_ms.clear(); t.first_ms.clear(); t.done_ms.clear(); t.raw.clear()
    for _ in range(args.n):
        for t in targets:
            if args.gap_ms:
                time.sleep(args.gap_ms / 1000)
            t.one()
            for _ in range(args.follow):
                t.one(follows[t.name])
    ref = targets[0]
    rows = [x for t in targets for x in ([t, follows[t.name]] if follows else [t])]
    print(f"n={args.n} per target, sequential, interleaved{f', {args.gap_ms} ms pause before each request' if args.gap_ms else ''}"
          f"{f', {args.follow} straight after each' if args.follow else ''}{', non-streamed' if args.json else ''};"
          " times in ms from sending the request")
    print("target\theaders_p50\tfirst_chunk_p50\tfirst_chunk_p90\tdone_p50\tadded_first_chunk_p50\tfirst_chunk_after_headers_p50")
    for t in rows:
        base = follows[ref.name] if t.name.endswith("+follow") else ref   # a follow-up against the reference's follow-up
        print(f"{t.name}\t{statistics.median(t.headers_ms):.3f}\t{statistics.median(t.first_ms):.3f}\t"
              f"{pct(t.first_ms, 90):.3f}\t{statistics.median(t.done_ms):.3f}\t"
              f"{statistics.median(t.first_ms) - statistics.median(base.first_ms):+.3f}\t"
              f"{statistics.median([f - h for f, h in zip(t.first_ms, t.headers_ms)]):.3f}")
    if args.raw:
        with open(args.raw, "a", encoding="utf-8") as out:
            for t in rows:
                for r in t.raw:
                    out.write(t.name + "\t" + "\t".join(str(int(x * 1e9)) for x in r) + "\n")
    if args.tsv:
        with open(args.tsv, "a", encoding="utf-8") as out:
            for t in rows:
                out.write(f"{t.name}\t{args.n}\t{statistics.median(t.headers_ms):.3f}\t{statistics.median(t.first_ms):.3f}\t"
                          f"{statistics.median(t.done_ms):.3f}\n")


if __name__ == "__main__":
    sys.exit(main())

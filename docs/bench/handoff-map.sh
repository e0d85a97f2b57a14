#!/usr/bin/env bash
# Which threads a lone request wakes: every thread of one gateway that slept and woke while a c=1 request (after a pause)
# was served, in order, with who woke whom (futex address) — the hand-offs of the JSON and the streamed path.
#
#   docs/bench/handoff-map.sh [--port-base P] [--n N] [--gap-ms G] [--warmup S] [--store h2|postgres] gateway.jar
#                             [gateway arguments ...]
#
# Starts the harness's mock upstream on P and the gateway on P+16 (README settings, gateway-bench.sh's pack: default
# policy pack plus the bench model and tool, both cores; the README's H2 file or with --store postgres a fresh schema), warms it up (wrk c=1, S seconds per mode), then attaches
# strace to every thread of the gateway (-f -ttt -T: syscalls with their durations) while N JSON and N streamed requests
# are sent, each after a pause of G ms. strace makes every syscall slower, so its times are not latencies: the output is
# the map (which native threads woke, in which order, on which syscall), not a measurement. Thread names come from
# jcmd Thread.print (nid = the native thread id; virtual threads run on the ForkJoinPool carriers and show as those).
# strace -s 0: no buffer contents (no prompt text) in strace.txt.
# Results: $BENCH_WORK/handoff-map/<stamp>/{map.txt,strace.txt,strace-attach.log,threads.txt,requests.tsv}.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
source "$ROOT/docs/bench/lib/gateway.sh"   # the pack, the JDK, the mock, gw_start / gw_wait_ready, the cleanup
bench_require_harness
PORT_BASE=21000; N=6; GAP=1500; WARM=20; STORE=h2
while [ $# -gt 0 ]; do
  case $1 in
    --port-base) PORT_BASE=$2; shift 2;; --n) N=$2; shift 2;; --gap-ms) GAP=$2; shift 2;; --warmup) WARM=$2; shift 2;;
    --store) STORE=$2; shift 2;;
    *) break;;
  esac
done
[ $# -ge 1 ] || { echo "usage: $0 [options] gateway.jar [gateway arguments]" >&2; exit 2; }
JAR=$(readlink -f "$1"); shift
OUT=$BENCH_WORK/handoff-map/$(date +%Y%m%d-%H%M%S); mkdir -p "$OUT"
STRACE=
cleanup() {
  [ -n "$STRACE" ] && kill -INT "$STRACE" 2>/dev/null || true
  bench_cleanup
}
trap cleanup EXIT
trap 'exit 130' INT TERM

bench_mock_start "$PORT_BASE"
PORT=$((PORT_BASE + 16))
gw_start gw "$JAR" "$PORT" --dir "$OUT" --store "$STORE" --mock-port "$PORT_BASE" -- "$@"
GW=${GW_PID[gw]}
URL=http://127.0.0.1:$PORT/v1
gw_wait_ready gw
bench_mock_wait
echo "gateway ready after ${GW_READY[gw]} s (load $(cut -d' ' -f1-3 /proc/loadavg))" | tee "$OUT/ready.txt"
gw_warm "$URL" "$WARM"
"$JCMD" "$GW" Thread.print > "$OUT/threads-before.txt" 2>&1 || true
strace -f -ttt -T -s 0 -p "$GW" -o "$OUT/strace.txt" \
  -e trace=futex,epoll_wait,epoll_pwait,epoll_ctl,poll,ppoll,read,write,writev,readv,sendto,recvfrom,pwrite64,pread64,fsync,fdatasync,eventfd2 \
  2> "$OUT/strace-attach.log" &   # strace's "attached"/"detached" lines, one per thread
STRACE=$!
sleep 3
python3 - "$URL" "$BENCH/body.json" "$N" "$GAP" > "$OUT/requests.tsv" <<'PY'
import http.client, json, sys, time, urllib.parse
url, body_file, n, gap = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
u = urllib.parse.urlsplit(url + "/chat/completions")
raw = json.load(open(body_file, encoding="utf-8"))
conn = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
for mode in ("json", "stream"):
    raw["stream"] = mode == "stream"
    body = json.dumps(raw).encode()
    headers = {"Content-Type": "application/json", "Authorization": "Bearer sk-bench-not-a-real-key"}
    for i in range(n):
        time.sleep(gap / 1000)
        t0 = time.time()
        conn.request("POST", u.path, body=body, headers=headers)
        resp = resp_ = conn.getresponse()
        t_head = time.time()
        t_first = None
        if mode == "stream":
            while True:
                line = resp.readline()
                if not line:
                    break
                if line.startswith(b"data: ") and t_first is None:
                    t_first = time.time()
                if line.strip() == b"data: [DONE]":
                    break
            resp.read()
        else:
            resp.read()
        t1 = time.time()
        print(f"{mode}\t{i}\t{t0:.6f}\t{t_head:.6f}\t{(t_first or t1):.6f}\t{t1:.6f}\t{resp.status}", flush=True)
PY
sleep 1
kill -INT "$STRACE" 2>/dev/null || true; wait "$STRACE" 2>/dev/null || true; STRACE=
"$JCMD" "$GW" Thread.print > "$OUT/threads-after.txt" 2>&1 || true
cat "$OUT/threads-before.txt" "$OUT/threads-after.txt" | python3 -c '
import re, sys
seen = {}
for line in sys.stdin:
    m = re.match(r"^\"(.*?)\".*?nid=(0x[0-9a-f]+|\d+)", line)
    if m:
        nid = m.group(2); seen[int(nid, 16) if nid.startswith("0x") else int(nid)] = m.group(1)
for tid, name in sorted(seen.items()):
    print(f"{tid}\t{name}")' > "$OUT/threads.txt"
python3 "$ROOT/docs/bench/handoff-map.py" "$OUT" | tee "$OUT/map.txt"
echo "handoff-map: results in $OUT"

-- c1-tail.sh and ab-cpu.sh --timed: like the harness's chat.lua (JSON or, with BENCH_STREAM=1, streamed; the bench key;
-- the same RESULT line), plus one line per request in $TIMED_OUT: "start_ns latency_us status", start on
-- CLOCK_MONOTONIC (perf -k CLOCK_MONOTONIC uses the same clock). One thread, one connection: the start time is kept
-- for the one request in flight.
local ffi = require("ffi")
ffi.cdef[[ typedef struct { long tv_sec; long tv_nsec; } ts_t; int clock_gettime(int, ts_t *); ]]
local ts = ffi.new("ts_t")
local function now_ns() ffi.C.clock_gettime(1, ts); return tonumber(ts.tv_sec) * 1e9 + tonumber(ts.tv_nsec) end
local req, out, t0
function init(args)
  local f = assert(io.open(os.getenv("BENCH_BODY"), "rb")); local body = f:read("*a"):gsub("%s+$", ""); f:close()
  if os.getenv("BENCH_STREAM") == "1" then body = body:gsub("^%s*{", '{"stream":true,', 1) end
  wrk.method = "POST"; wrk.body = body
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer sk-bench-not-a-real-key"
  req = wrk.format()
  out = assert(io.open(os.getenv("TIMED_OUT"), "w"))
end
function request() t0 = now_ns(); return req end
function response(status, headers, body)
  local t1 = now_ns()
  out:write(string.format("%.0f %.0f %d\n", t0, (t1 - t0) / 1e3, status))
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_s=%.3f rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f mean_ms=%.3f "
    .. "err_connect=%d err_read=%d err_write=%d err_status=%d err_timeout=%d capped=0\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1e3, latency:percentile(90) / 1e3, latency:percentile(99) / 1e3,
    latency.max / 1e3, latency.mean / 1e3, e.connect, e.read, e.write, e.status, e.timeout))
end

-- c1-tail.sh: like the harness's chat.lua (JSON, the bench key), plus one line per request in $TIMED_OUT:
-- "start_ns latency_us status", start on CLOCK_MONOTONIC (perf -k CLOCK_MONOTONIC uses the same clock).
local ffi = require("ffi")
ffi.cdef[[ typedef struct { long tv_sec; long tv_nsec; } ts_t; int clock_gettime(int, ts_t *); ]]
local ts = ffi.new("ts_t")
local function now_ns() ffi.C.clock_gettime(1, ts); return tonumber(ts.tv_sec) * 1e9 + tonumber(ts.tv_nsec) end
local req, out, t0
function init(args)
  local f = assert(io.open(os.getenv("BENCH_BODY"), "rb")); local body = f:read("*a"):gsub("%s+$", ""); f:close()
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
  io.write(string.format("RESULT requests=%d p50_ms=%.3f p99_ms=%.3f max_ms=%.3f\n", summary.requests,
    latency:percentile(50) / 1e3, latency:percentile(99) / 1e3, latency.max / 1e3))
end

-- Every bucket of one request in one round trip (limits.RedisBuckets). Each key is a hash: c = capacity, t = tokens
-- (may be fractional while it refills; below zero after a settled answer ran over), ts = last refill (microseconds,
-- for a calendar bucket: the start of its current interval), v = configuration version.
-- ARGV[1] = operation: consume (all or nothing) | take (ignoring the limit) | give (up to the capacity) | peek
-- ARGV[2] = now (microseconds of the gateway's clock), ARGV[3] = how long a full bucket is kept (microseconds)
-- ARGV[4] = for a settlement (take/give): how long its marker is kept (milliseconds; 0: no marker). The marker is then
-- the last key: the settlement's idempotency key, set in the same atomic run. When it is already there the settlement
-- ran before (a time-out whose command ran after all, then retried: leftover45) and this run only reads (peek).
-- then per bucket key 5 values: capacity, refill period (microseconds), greedy (1: a token every period/capacity;
-- 0: the whole capacity at the end of each period), amount, configuration version.
-- Returns per key 4 integers: fits (1/0), tokens left (whole), microseconds until the amount fits (-1: never),
-- microseconds until the bucket is full again.
-- numbers as exact text (Lua's default conversion keeps only 14 digits; microsecond times have 16)
local function num(x) return string.format('%.17g', x) end
local op = ARGV[1]
local now = tonumber(ARGV[2])
local keep = tonumber(ARGV[3])
local marker_ttl = tonumber(ARGV[4])
local buckets = #KEYS
if marker_ttl > 0 then
  buckets = buckets - 1
  if not redis.call('SET', KEYS[#KEYS], '1', 'NX', 'PX', marker_ttl) then op = 'peek' end
end
local state = {}
local all_fit = true
for i = 1, buckets do
  local key = KEYS[i]
  local base = 4 + (i - 1) * 5
  local cap = tonumber(ARGV[base + 1])
  local period = tonumber(ARGV[base + 2])
  local greedy = ARGV[base + 3] == '1'
  local amount = tonumber(ARGV[base + 4])
  local version = tonumber(ARGV[base + 5])
  local h = redis.call('HMGET', key, 'c', 't', 'ts', 'v')
  local c, t, ts, v = tonumber(h[1]), tonumber(h[2]), tonumber(h[3]), tonumber(h[4])
  if c == nil then
    c, t, ts, v = cap, cap, now, version
  elseif v < version then
    -- a changed limit takes effect at the next use and keeps what was used (ADDITIVE): 100 -> 150 adds 50
    if cap > c then t = t + (cap - c) else t = math.min(t, cap) end
    c, v = cap, version
  end
  -- refill
  if greedy then
    if now > ts then
      t = math.min(c, t + (now - ts) * c / period)
      ts = now
    end
  elseif now - ts >= period then
    local n = math.floor((now - ts) / period)
    t = math.min(c, t + n * c)
    ts = ts + n * period
  end
  local whole = math.floor(t + 1e-9)
  local fits = whole >= amount
  if not fits then all_fit = false end
  state[i] = {key = key, c = c, t = t, ts = ts, v = v, period = period, greedy = greedy, amount = amount, fits = fits}
end

local out = {}
for i, s in ipairs(state) do
  local t = s.t
  if op == 'consume' then
    if all_fit then t = t - s.amount end
  elseif op == 'take' then
    t = t - s.amount
  elseif op == 'give' then
    t = math.min(s.c, t + s.amount)
  end
  -- microseconds until the amount fits (only meaningful when it does not) and until the bucket is full
  local wait = 0
  local full = 0
  if s.greedy then
    if not s.fits then
      wait = s.amount > s.c and -1 or math.ceil((s.amount - s.t) * s.period / s.c)
    end
    if t < s.c then full = math.ceil((s.c - t) * s.period / s.c) end
  else
    local next_refill = s.ts + s.period - now
    if not s.fits then
      wait = s.amount > s.c and -1 or next_refill + (math.ceil((s.amount - s.t) / s.c) - 1) * s.period
    end
    if t < s.c then full = next_refill + (math.ceil((s.c - t) / s.c) - 1) * s.period end
  end
  if op ~= 'peek' then
    -- a calendar key is not used after its period, which ends before the next refill: an overspent budget (which
    -- would only be full again after several refills) does not keep its key longer than that
    local ttl = full
    if not s.greedy then ttl = math.min(full, math.max(0, s.ts + s.period - now)) end
    redis.call('HSET', s.key, 'c', num(s.c), 't', num(t), 'ts', num(s.ts), 'v', num(s.v))
    redis.call('PEXPIRE', s.key, math.max(1, math.ceil((ttl + keep) / 1000)))
  end
  out[#out + 1] = s.fits and 1 or 0
  out[#out + 1] = math.floor(t + 1e-9)
  out[#out + 1] = wait
  out[#out + 1] = full
end
return out

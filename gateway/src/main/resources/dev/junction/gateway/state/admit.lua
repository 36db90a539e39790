-- Admits and counts one request when the key is under its limits over the last 60 s, kept as a hash
-- of 1-second buckets (second -> count): the current second and the 60 before count, so memory and
-- work stay bounded (61 fields) whatever the limit, and no 60 s ever admits more than the limit.
-- KEYS: requests hash, tokens hash
-- ARGV: now ms, requests per minute (-1: none), tokens per minute (-1: none), key TTL ms
-- Returns {1} when admitted, or {0, 1 (requests) | 2 (tokens), retry after ms}.
local now = tonumber(ARGV[1])
local second = math.floor(now / 1000)
local oldest = second - 60
local function window(h)
  local all = redis.call('HGETALL', h)
  local buckets, total = {}, 0
  for i = 1, #all, 2 do
    local b, n = tonumber(all[i]), tonumber(all[i + 1])
    if b < oldest then
      redis.call('HDEL', h, all[i])
    else
      buckets[#buckets + 1] = {b, n}
      total = total + n
    end
  end
  table.sort(buckets, function(x, y) return x[1] < y[1] end)
  return buckets, total
end
-- When enough of the oldest buckets have left the window for the total to fall below the limit.
local function retry(buckets, total, limit)
  local remaining = total
  for _, e in ipairs(buckets) do
    remaining = remaining - e[2]
    if remaining < limit then
      return (e[1] + 61) * 1000 - now
    end
  end
  return 0
end
local tpm = tonumber(ARGV[3])
if tpm >= 0 then
  local b, t = window(KEYS[2])
  if t >= tpm then
    return {0, 2, retry(b, t, tpm)}
  end
end
local rpm = tonumber(ARGV[2])
if rpm >= 0 then
  local b, t = window(KEYS[1])
  if t >= rpm then
    return {0, 1, retry(b, t, rpm)}
  end
  redis.call('HINCRBY', KEYS[1], second, 1)
  redis.call('PEXPIRE', KEYS[1], ARGV[4])
end
return {1}

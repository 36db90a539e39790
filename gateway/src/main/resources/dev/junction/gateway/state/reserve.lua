-- Checks and holds a reservation against a key's day and month in one atomic step, so that no two
-- calls can both pass a check that only one of them fits (the overshoot of check-then-write).
-- Amounts are integer nano-dollars. Each period is a hash {settled, reserved, r:<id> = amount} and a
-- sorted set <id> -> expiry (ms), so that holds of crashed instances are released when they expire.
-- KEYS: day hash, day holds, month hash, month holds
-- ARGV: now ms, expires at ms, id, amount, day limit (-1: none), month limit (-1: none), day TTL ms, month TTL ms
-- Returns {1, day settled, day reserved, month settled, month reserved} after holding, or
-- {0, 1 (day) | 2 (month), settled, reserved} when refused.
local function figures(h)
  local v = redis.call('HMGET', h, 'settled', 'reserved')
  return tonumber(v[1] or '0'), tonumber(v[2] or '0')
end
purge(KEYS[1], KEYS[2])
purge(KEYS[3], KEYS[4])
local ds, dr = figures(KEYS[1])
local ms, mr = figures(KEYS[3])
local amount = tonumber(ARGV[4])
local dl, ml = tonumber(ARGV[5]), tonumber(ARGV[6])
if dl >= 0 and ds + dr + amount > dl then
  return {0, 1, ds, dr}
end
if ml >= 0 and ms + mr + amount > ml then
  return {0, 2, ms, mr}
end
local function hold(h, z, ttl)
  redis.call('HINCRBY', h, 'reserved', ARGV[4])
  redis.call('HSET', h, 'r:' .. ARGV[3], ARGV[4])
  redis.call('ZADD', z, ARGV[2], ARGV[3])
  redis.call('PEXPIRE', h, ttl)
  redis.call('PEXPIRE', z, ttl)
end
hold(KEYS[1], KEYS[2], ARGV[7])
hold(KEYS[3], KEYS[4], ARGV[8])
return {1, ds, dr + amount, ms, mr + amount}

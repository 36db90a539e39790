-- A key's figures for a day and a month, after releasing expired holds.
-- KEYS: day hash, day holds, month hash, month holds
-- ARGV: now ms
-- Returns {day settled, day reserved, month settled, month reserved}.
local function figures(h, z)
  local expired = redis.call('ZRANGEBYSCORE', z, '-inf', ARGV[1])
  for _, id in ipairs(expired) do
    local amount = redis.call('HGET', h, 'r:' .. id)
    if amount then
      redis.call('HINCRBY', h, 'reserved', '-' .. amount)
      redis.call('HDEL', h, 'r:' .. id)
    end
  end
  if #expired > 0 then
    redis.call('ZREMRANGEBYSCORE', z, '-inf', ARGV[1])
  end
  local v = redis.call('HMGET', h, 'settled', 'reserved')
  return tonumber(v[1] or '0'), tonumber(v[2] or '0')
end
local ds, dr = figures(KEYS[1], KEYS[2])
local ms, mr = figures(KEYS[3], KEYS[4])
return {ds, dr, ms, mr}

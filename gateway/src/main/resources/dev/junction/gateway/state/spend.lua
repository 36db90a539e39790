-- A key's figures for a day and a month, after releasing expired holds.
-- KEYS: day hash, day holds, month hash, month holds
-- ARGV: now ms
-- Returns {day settled, day reserved, month settled, month reserved}.
local function figures(h, z)
  purge(h, z)
  local v = redis.call('HMGET', h, 'settled', 'reserved')
  return tonumber(v[1] or '0'), tonumber(v[2] or '0')
end
local ds, dr = figures(KEYS[1], KEYS[2])
local ms, mr = figures(KEYS[3], KEYS[4])
return {ds, dr, ms, mr}

-- Settles a reservation once: releases its hold (if it has not expired) and charges the actual cost
-- in full to the periods it was reserved in. A marker key with a TTL makes a second settle a no-op.
-- KEYS: day hash, day holds, month hash, month holds, settled marker
-- ARGV: now ms, id, actual, day TTL ms, month TTL ms, marker TTL ms
-- Returns {0} when already settled, else {1, 1 if a hold was released else 0}.
if not redis.call('SET', KEYS[5], '1', 'NX', 'PX', ARGV[6]) then
  return {0}
end
local released = 0
local function settle(h, z, ttl)
  purge(h, z)
  local amount = redis.call('HGET', h, 'r:' .. ARGV[2])
  if amount then
    redis.call('HINCRBY', h, 'reserved', '-' .. amount)
    redis.call('HDEL', h, 'r:' .. ARGV[2])
    redis.call('ZREM', z, ARGV[2])
    released = 1
  end
  redis.call('HINCRBY', h, 'settled', ARGV[3])
  redis.call('PEXPIRE', h, ttl)
end
settle(KEYS[1], KEYS[2], ARGV[4])
settle(KEYS[3], KEYS[4], ARGV[5])
return {1, released}

-- Records a provider's failure for every instance: a Retry-After cools it down at once, and the
-- threshold of retryable failures within the window (a sorted set of failure times, as sliding as
-- Junction's own health) cools it down for the rule's duration. A cooldown key holds its end (epoch
-- ms) and expires then (PX), and is only ever extended.
-- KEYS: failures sorted set, cooldown key
-- ARGV: now ms, unique member, retryable (1/0), threshold, window start ms, window ms,
--       cooldown end ms, cooldown ms, Retry-After end ms, Retry-After ms (0: none)
-- Returns the cooldown end (ms) or false when none.
local function extend(ends, px)
  local current = tonumber(redis.call('GET', KEYS[2]) or '0')
  if tonumber(ends) > current then
    redis.call('SET', KEYS[2], ends, 'PX', px)
  end
end
if ARGV[10] ~= '0' then
  extend(ARGV[9], ARGV[10])
end
if ARGV[3] == '1' then
  redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
  redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[5])
  redis.call('PEXPIRE', KEYS[1], ARGV[6])
  if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[4]) then
    extend(ARGV[7], ARGV[8])
    redis.call('DEL', KEYS[1])
  end
end
return redis.call('GET', KEYS[2])

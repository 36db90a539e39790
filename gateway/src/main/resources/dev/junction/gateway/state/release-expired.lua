-- Prepended to the budget scripts (LuaScript.load): releases a period's holds whose expiry (ms)
-- is at or before ARGV[1], the script's "now", so every script sees the same figures.
-- h: the period's hash {settled, reserved, r:<id> = amount}; z: its sorted set <id> -> expiry.
local function purge(h, z)
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
end

-- Adds a call's tokens to the current 1-second bucket of the key's token window (see admit.lua).
-- KEYS: tokens hash
-- ARGV: now ms, tokens, key TTL ms
redis.call('HINCRBY', KEYS[1], math.floor(tonumber(ARGV[1]) / 1000), ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1

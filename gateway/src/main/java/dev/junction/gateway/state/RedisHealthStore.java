package dev.junction.gateway.state;

import dev.junction.HealthStores;
import dev.junction.catalog.HealthStore;
import dev.junction.catalog.ProviderHealth;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Provider health shared by every instance through Redis, answering from memory. It wraps a local
 * store ({@link HealthStores#inMemory(Clock, int, Duration, Duration)}), which keeps answer times
 * and call counts and is the fallback when Redis is away. Failures also go to Redis, where
 * {@code health-failure.lua} counts retryable ones in a sliding window
 * ({@code <prefix>health:{<provider>}:failures}, TTL the window) and sets a cooldown key
 * ({@code …:cooldown}, value its end in epoch ms, PX until then) at the threshold, or for a rate
 * limit's Retry-After. Cooldowns from Redis are cached, refreshed every 500 ms and after each write,
 * so that the routing calls, made on event loops, never wait for Redis.
 */
public final class RedisHealthStore implements HealthStore {
    private final HealthStore local;
    private final RedisLink link;
    private final Clock clock;
    private final HealthRule rule;
    private final String prefix;
    private final String instance = UUID.randomUUID().toString();
    private final AtomicLong sequence = new AtomicLong();
    /** Cooldown ends from Redis, by provider; a provider is refreshed once it appears here. */
    private final Map<String, Instant> shared = new ConcurrentHashMap<>();
    private final AtomicBoolean refreshing = new AtomicBoolean();

    RedisHealthStore(RedisLink link, String prefix, Clock clock, HealthRule rule) {
        this.local = HealthStores.inMemory(clock, rule.failures(), rule.window(), rule.cooldown());
        this.link = link;
        this.clock = clock;
        this.rule = rule;
        this.prefix = prefix;
    }

    @Override
    public void recordSuccess(String provider, Duration timeToAnswer) {
        local.recordSuccess(provider, timeToAnswer);
        shared.putIfAbsent(provider, Instant.EPOCH);
    }

    @Override
    public void recordFailure(String provider, JunctionException error) {
        local.recordFailure(provider, error);
        shared.putIfAbsent(provider, Instant.EPOCH);
        // The same rule as the local store: only a rate limit's Retry-After cools down at once, and
        // only retryable failures count towards the threshold.
        Duration retryAfter = error.kind() == ErrorKind.RATE_LIMITED ? error.retryAfter().orElse(Duration.ZERO) : Duration.ZERO;
        if (!error.retryable() && retryAfter.isZero()) {
            return;
        }
        long now = clock.millis();
        List<String> args = List.of(String.valueOf(now), instance + ":" + sequence.incrementAndGet(), error.retryable() ? "1" : "0",
                String.valueOf(rule.failures()), String.valueOf(now - rule.window().toMillis()), String.valueOf(rule.window().toMillis()),
                String.valueOf(now + rule.cooldown().toMillis()), String.valueOf(rule.cooldown().toMillis()),
                String.valueOf(now + retryAfter.toMillis()), String.valueOf(retryAfter.toMillis()));
        // Fire and forget: when Redis is away the local store already counted it, and RedisLink logs the outage once.
        link.eval(LuaScript.HEALTH_FAILURE, List.of(key(provider, "failures"), key(provider, "cooldown")), args)
                .onSuccess(r -> remember(provider, r));
    }

    @Override
    public Optional<Instant> cooldownUntil(String provider) {
        Optional<Instant> mine = local.cooldownUntil(provider);
        Instant theirs = shared.putIfAbsent(provider, Instant.EPOCH);
        if (theirs == null || !theirs.isAfter(clock.instant())) {
            return mine;
        }
        return mine.isPresent() && mine.get().isAfter(theirs) ? mine : Optional.of(theirs);
    }

    @Override
    public ProviderHealth snapshot(String provider) {
        ProviderHealth h = local.snapshot(provider);
        return new ProviderHealth(provider, h.calls(), h.failures(), cooldownUntil(provider).orElse(null), h.medianTimeToAnswer(),
                h.p95TimeToAnswer());
    }

    /**
     * Reads the cooldowns of every provider seen from Redis, one batch; skipped while the previous
     * refresh is still running. Failures leave the cache as it was: a cooldown learnt before an
     * outage still ends when it said.
     */
    void refresh() {
        List<String> providers = new ArrayList<>(shared.keySet());
        if (providers.isEmpty() || !refreshing.compareAndSet(false, true)) {
            return;
        }
        List<Request> gets = new ArrayList<>(providers.size());
        for (String p : providers) {
            gets.add(Request.cmd(Command.GET).arg(key(p, "cooldown")));
        }
        link.batch(gets).onComplete(ar -> {
            refreshing.set(false);
            if (ar.succeeded()) {
                for (int i = 0; i < providers.size(); i++) {
                    remember(providers.get(i), ar.result().get(i));
                }
            }
        });
    }

    private void remember(String provider, Response cooldownEnd) {
        shared.put(provider, cooldownEnd == null ? Instant.EPOCH : Instant.ofEpochMilli(cooldownEnd.toLong()));
    }

    private String key(String provider, String what) {
        return prefix + "health:{" + provider + "}:" + what;
    }
}

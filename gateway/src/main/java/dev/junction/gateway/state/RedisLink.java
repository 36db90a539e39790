package dev.junction.gateway.state;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Redis client an instance's state shares: Lua scripts by EVALSHA with EVAL on NOSCRIPT (a
 * restarted Redis has forgotten them), short timeouts so that calls fail fast while Redis is away,
 * and one WARN when it goes and one INFO when it comes back, however many calls fail between.
 */
final class RedisLink {
    private static final Logger LOG = LoggerFactory.getLogger(RedisLink.class);
    /** Connecting to a live Redis takes milliseconds; a second means it is not there. */
    static final int CONNECT_TIMEOUT_MS = 1000;
    /**
     * A command to a live Redis takes milliseconds; past this, treat it as away rather than queue
     * calls behind it. Not shorter: a cold JVM's first command (class loading, first connection) has
     * taken 3 s on a loaded machine.
     */
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(5);

    private final Redis redis;
    private final String endpoint;
    private final AtomicBoolean down = new AtomicBoolean();

    RedisLink(Vertx vertx, RedisSettings settings) {
        RedisOptions options = new RedisOptions()
                .setConnectionString(settings.url())
                .setNetClientOptions(new NetClientOptions().setConnectTimeout(CONNECT_TIMEOUT_MS).setTcpKeepAlive(true).setTcpNoDelay(true))
                .setMaxPoolSize(8)
                // Every concurrent call of the gateway may wait for a connection: the default (24) would refuse a burst.
                .setMaxPoolWaiting(10_000);
        this.redis = Redis.createClient(vertx, options);
        this.endpoint = settings.endpoint();
    }

    /** Where Redis is, {@code host:port}, for messages. */
    String endpoint() {
        return endpoint;
    }

    /** Whether the last call found Redis away. */
    boolean down() {
        return down.get();
    }

    /** Runs a script; a failure is a {@link Throwable} that {@link #unreachable} classifies. */
    Future<Response> eval(LuaScript script, List<String> keys, List<String> args) {
        return send(request(Command.EVALSHA, script.sha1(), keys, args)).recover(e -> {
            if (serverSaid(e, "NOSCRIPT")) {
                return send(request(Command.EVAL, script.source(), keys, args));
            }
            return Future.failedFuture(e);
        });
    }

    Future<Response> send(Request request) {
        return redis.send(request).timeout(COMMAND_TIMEOUT).andThen(this::observe);
    }

    Future<List<Response>> batch(List<Request> requests) {
        return redis.batch(requests).timeout(COMMAND_TIMEOUT).andThen(this::observe);
    }

    private void observe(AsyncResult<?> ar) {
        if (ar.succeeded() || !unreachable(ar.cause())) {
            if (down.compareAndSet(true, false)) {
                LOG.info("Redis at {} answers again: budgets, rate limits and health are shared again", endpoint);
            }
        } else if (down.compareAndSet(false, true)) {
            LOG.warn("Redis at {} is unreachable ({}): budgets fail as configured, rate limits and health use this instance's "
                    + "state until it is back", endpoint, describe(ar.cause()));
        }
    }

    /**
     * Whether a failure means Redis could not be used (connection refused or lost, timeout, loading,
     * no auth) rather than that it answered a command with an error, which is a bug to report as is.
     */
    static boolean unreachable(Throwable e) {
        return !(serverSaid(e, "ERR") || serverSaid(e, "WRONGTYPE") || serverSaid(e, "NOSCRIPT"));
    }

    /**
     * Whether Redis answered with an error reply of this kind. Such replies arrive as the client's
     * {@code impl.types.ErrorType}, a package its module does not export, so it is known by name;
     * its message starts with the kind ({@code NOSCRIPT No matching script…}).
     */
    private static boolean serverSaid(Throwable e, String kind) {
        String message = e.getMessage();
        return "io.vertx.redis.client.impl.types.ErrorType".equals(e.getClass().getName()) && message != null
                && (message.equals(kind) || message.startsWith(kind + " "));
    }

    /** A failure in a few words for messages: its message, or its type when it has none. */
    static String describe(Throwable e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    Future<Void> close() {
        return redis.close();
    }

    private static Request request(Command command, String script, List<String> keys, List<String> args) {
        Request r = Request.cmd(command).arg(script).arg(keys.size());
        keys.forEach(r::arg);
        args.forEach(r::arg);
        return r;
    }
}

package dev.junction.gateway.media;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.junction.error.JunctionException;
import io.vertx.core.Future;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** Bounded waits on futures and simulated DNS for the media tests. */
final class Support {
    private Support() {
    }

    /** The future's result, waiting at most 30 seconds. */
    static <T> T await(Future<T> future) throws Exception {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException failed) {
            throw new AssertionError("expected success, got: " + failed.getCause(), failed.getCause());
        }
    }

    /** The future's failure, which must be a JunctionException, waiting at most 30 seconds. */
    static JunctionException failure(Future<?> future) {
        try {
            Object result = future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            throw new AssertionError("expected a failure, got: " + result);
        } catch (ExecutionException failed) {
            return assertInstanceOf(JunctionException.class, failed.getCause());
        } catch (Exception waiting) {
            throw new AssertionError("no outcome within 30 seconds", waiting);
        }
    }

    /** A resolver for tests whose URLs hold only IP literals: any lookup is a test failure. */
    static Function<String, Future<List<InetAddress>>> noDns() {
        return host -> Future.failedFuture(new AssertionError("unexpected DNS lookup of " + host));
    }

    /** A resolver answering from a fixed table; other names do not resolve. */
    static Function<String, Future<List<InetAddress>>> dns(Map<String, List<String>> table) {
        return host -> {
            List<String> answer = table.get(host);
            return answer == null ? Future.failedFuture(new UnknownHostException(host))
                    : Future.succeededFuture(answer.stream().map(Support::ip).toList());
        };
    }

    /** The address of an IP literal, with no lookup. */
    static InetAddress ip(String literal) {
        return IpLiterals.address(literal);
    }
}

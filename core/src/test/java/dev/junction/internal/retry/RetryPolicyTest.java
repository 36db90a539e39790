package dev.junction.internal.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import java.time.Duration;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What is repeated, and after which delay. */
class RetryPolicyTest {
    private static final RetryOptions DEFAULTS = new RetryOptions(2, Duration.ofSeconds(60), true);

    /** Draws the top (or bottom) of every jitter band, so delays are exact. */
    private static RandomGenerator drawing(boolean top) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new AssertionError("the policy must draw within a bound");
            }

            @Override
            public long nextLong(long bound) {
                return top ? bound - 1 : 0;
            }
        };
    }

    private static JunctionException error(ErrorKind kind, Integer status) {
        return JunctionException.builder(kind, "failed").provider("v").httpStatus(status).build();
    }

    @ParameterizedTest
    @CsvSource({
        "NETWORK,, true", "RATE_LIMITED, 429, true", "UPSTREAM_ERROR, 502, true", "SERVER_ERROR, 500, true",
        "SERVER_ERROR, 502, true", "SERVER_ERROR, 503, true", "SERVER_ERROR, 504, true", "SERVER_ERROR, 501, false",
        "TIMEOUT,, true", "TIMEOUT, 408, true", "INVALID_REQUEST, 409, true", "INVALID_REQUEST, 400, false",
        "INSUFFICIENT_CREDITS, 402, false", "SPEND_LIMIT_EXCEEDED, 429, false", "AUTHENTICATION, 401, false",
        "PERMISSION_DENIED, 403, false", "MODEL_NOT_FOUND, 404, false", "UNSUPPORTED_FEATURE,, false",
        "CONFIGURATION,, false", "PROTOCOL, 200, false"
    })
    void repeatsOnlyWhatMaySucceedAgain(ErrorKind kind, Integer status, boolean retried) {
        assertEquals(retried, new RetryPolicy(DEFAULTS, drawing(true)).isRetryable(error(kind, status)));
    }

    @Test
    void neverRepeatsAFailureAfterTheReplyBegan() {
        RetryPolicy policy = new RetryPolicy(DEFAULTS, drawing(true));
        assertEquals(false, policy.isRetryable(JunctionException.builder(ErrorKind.NETWORK, "reset mid-body").retryable(false).build()));
        assertEquals(false, policy.isRetryable(JunctionException.builder(ErrorKind.TIMEOUT, "stalled mid-body").retryable(false).build()));
    }

    @Test
    void leavesTimeoutsAloneWhenRetryOnTimeoutIsOff() {
        RetryPolicy policy = new RetryPolicy(new RetryOptions(2, Duration.ofSeconds(60), false), drawing(true));
        assertEquals(false, policy.isRetryable(error(ErrorKind.TIMEOUT, null)));
        assertEquals(true, policy.isRetryable(error(ErrorKind.TIMEOUT, 408)), "a 408 is the server's, before any work");
    }

    @Test
    void backsOffWithFullJitterUpToEightSeconds() {
        RetryPolicy top = new RetryPolicy(new RetryOptions(10, Duration.ofSeconds(60), true), drawing(true));
        long[] expected = {500, 1000, 2000, 4000, 8000, 8000, 8000};
        for (int n = 0; n < expected.length; n++) {
            assertEquals(Duration.ofMillis(expected[n]), ((Verdict.Retry) top.judge(error(ErrorKind.NETWORK, null), n)).delay(), "retry " + n);
        }
        RetryPolicy bottom = new RetryPolicy(new RetryOptions(10, Duration.ofSeconds(60), true), drawing(false));
        assertEquals(Duration.ZERO, ((Verdict.Retry) bottom.judge(error(ErrorKind.NETWORK, null), 3)).delay());
    }

    @Test
    void waitsExactlyWhatTheServerAsks() {
        JunctionException limited = JunctionException.builder(ErrorKind.RATE_LIMITED, "slow down").httpStatus(429)
                .retryAfter(Duration.ofMillis(2500)).build();
        assertEquals(new Verdict.Retry(Duration.ofMillis(2500)), new RetryPolicy(DEFAULTS, drawing(true)).judge(limited, 0));
    }

    @Test
    void failsAtOnceWhenTheServerAsksForMoreThanMaxRetryDelay() {
        JunctionException limited = JunctionException.builder(ErrorKind.RATE_LIMITED, "slow down").provider("v").httpStatus(429)
                .retryAfter(Duration.ofSeconds(90)).build();
        Verdict verdict = new RetryPolicy(DEFAULTS, drawing(true)).judge(limited, 0);
        JunctionException e = assertInstanceOf(Verdict.Stop.class, verdict).error();
        assertEquals(ErrorKind.RATE_LIMITED, e.kind());
        assertTrue(e.getMessage().contains("90000 ms") && e.getMessage().contains("maxRetryDelay (60000 ms)"), e.getMessage());
        assertEquals(Duration.ofSeconds(90), e.retryAfter().orElseThrow());
        assertEquals(429, e.httpStatus().getAsInt());
    }

    @Test
    void stopsWhenTheRetriesAreSpent() {
        JunctionException e = error(ErrorKind.SERVER_ERROR, 503);
        RetryPolicy policy = new RetryPolicy(DEFAULTS, drawing(true));
        assertInstanceOf(Verdict.Retry.class, policy.judge(e, 1));
        assertEquals(new Verdict.Stop(e), policy.judge(e, 2));
    }
}

package dev.junction.internal.retry;

import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Which failures are repeated and after what delay.
 *
 * <p>Repeated: connection failures before any response; HTTP 408, 409, 500, 502, 503 and 504;
 * RATE_LIMITED and UPSTREAM_ERROR; and TIMEOUT before the first byte unless {@code retryOnTimeout}
 * is off. Never repeated: INSUFFICIENT_CREDITS, SPEND_LIMIT_EXCEEDED, AUTHENTICATION,
 * PERMISSION_DENIED, INVALID_REQUEST, MODEL_NOT_FOUND, UNSUPPORTED_FEATURE, CONFIGURATION and
 * PROTOCOL (408 and 409 are retried whatever kind they map to), nor a timeout or connection failure
 * the transport marked not {@link JunctionException#retryable()}: the reply had begun, so the vendor
 * did the work.
 *
 * <p>Delay: the server's ({@code Retry-After-Ms}, then {@code Retry-After}) when it gave one, failing
 * at once when it exceeds {@code maxRetryDelay}; else full jitter, a uniform draw in
 * [0, min(8 s, 0.5 s · 2^n)] for the n-th retry (from 0).
 */
public final class RetryPolicy {
    private static final Set<ErrorKind> NEVER = EnumSet.of(ErrorKind.INSUFFICIENT_CREDITS, ErrorKind.SPEND_LIMIT_EXCEEDED,
            ErrorKind.AUTHENTICATION, ErrorKind.PERMISSION_DENIED, ErrorKind.INVALID_REQUEST, ErrorKind.MODEL_NOT_FOUND,
            ErrorKind.UNSUPPORTED_FEATURE, ErrorKind.CONFIGURATION, ErrorKind.PROTOCOL, ErrorKind.CANCELLED);
    private static final Set<Integer> RETRIED_STATUSES = Set.of(500, 502, 503, 504);

    private final RetryOptions options;
    private final RandomGenerator random;

    /** A policy drawing its jitter from {@code random}. */
    public RetryPolicy(RetryOptions options, RandomGenerator random) {
        this.options = options;
        this.random = random;
    }

    /** How many times a retryable failure may be repeated. */
    public int maxRetries() {
        return options.maxRetries();
    }

    /** Whether the failure may be repeated at all, whatever the count. */
    public boolean isRetryable(JunctionException e) {
        int status = e.httpStatus().orElse(0);
        if (status == 408 || status == 409) {
            // The server timed out or hit a conflict before doing the work, whatever kind the vendor's code maps to.
            return true;
        }
        if (NEVER.contains(e.kind())) {
            return false;
        }
        return switch (e.kind()) {
            // The transport marks a failure after the reply began as not retryable: the work was done.
            case TIMEOUT -> e.retryable() && options.retryOnTimeout();
            case NETWORK -> e.retryable();
            case RATE_LIMITED, UPSTREAM_ERROR -> true;
            default -> RETRIED_STATUSES.contains(status);
        };
    }

    /**
     * The verdict after a failed attempt.
     *
     * @param retriesDone how many retries this call has made so far (0 after the first attempt)
     */
    public Verdict judge(JunctionException e, int retriesDone) {
        if (!isRetryable(e) || retriesDone >= options.maxRetries()) {
            return new Verdict.Stop(e);
        }
        Duration asked = e.retryAfter().orElse(null);
        if (asked != null) {
            if (asked.compareTo(options.maxRetryDelay()) > 0) {
                return new Verdict.Stop(tooLong(e, asked));
            }
            return new Verdict.Retry(asked);
        }
        return new Verdict.Retry(backoff(retriesDone));
    }

    /**
     * Why {@link #judge} stopped after this failure, for the debug log: the kind is never retried,
     * the reply had begun, the retries are spent, or the server asked for too long a wait.
     */
    public String whyStopped(JunctionException e, int retriesDone) {
        if (!isRetryable(e)) {
            if (NEVER.contains(e.kind())) {
                return e.kind() + " is never retried";
            }
            if (e.kind() == ErrorKind.TIMEOUT && !options.retryOnTimeout()) {
                return "retryOnTimeout=false";
            }
            if (!e.retryable()) {
                return "the reply had begun, so the vendor did the work";
            }
            return "HTTP " + e.httpStatus().orElse(0) + " is not retried";
        }
        if (retriesDone >= options.maxRetries()) {
            return "no retries left (maxRetries=" + options.maxRetries() + ")";
        }
        return "the server asks to wait " + e.retryAfter().map(Duration::toMillis).orElse(0L) + " ms, more than maxRetryDelay ("
                + options.maxRetryDelay().toMillis() + " ms)";
    }

    /** Full jitter: uniform in [0, min(8 s, 0.5 s · 2^n)]. */
    Duration backoff(int retriesDone) {
        long ceiling = RetryOptions.MAX_BACKOFF.toMillis();
        long step = retriesDone >= 5 ? ceiling : Math.min(ceiling, RetryOptions.BASE_DELAY.toMillis() << retriesDone);
        return Duration.ofMillis(random.nextLong(step + 1));
    }

    private JunctionException tooLong(JunctionException e, Duration asked) {
        return e.toBuilder()
                .message(e.getMessage() + "; the server asks to wait " + asked.toMillis() + " ms, more than maxRetryDelay ("
                        + options.maxRetryDelay().toMillis() + " ms), so it was not retried")
                .retryAfter(asked)
                .hint("retry after that delay, or raise maxRetryDelay=… in the config string to let Junction wait")
                .cause(e)
                .build();
    }
}

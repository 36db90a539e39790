package dev.junction.error;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The one exception type Junction throws or fails futures with: a canonical {@link ErrorKind}
 * plus what the vendor said (HTTP status, its own error code, trace id) and what to do next.
 *
 * <p>Messages never contain API keys: they are built from vendor replies and Junction's own
 * text only, and vendor text is cut short.
 */
public class JunctionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorKind kind;
    private final String provider;
    private final Integer httpStatus;
    private final String vendorCode;
    private final String traceId;
    private final boolean retryable;
    private final Duration retryAfter;
    private final String hint;
    private final String rawReply;
    private final List<Attempt> attempts;

    /** Creates an exception from a filled {@link Builder}. */
    protected JunctionException(Builder builder) {
        super(builder.message, builder.cause);
        this.kind = Objects.requireNonNull(builder.kind, "kind");
        this.provider = builder.provider;
        this.httpStatus = builder.httpStatus;
        this.vendorCode = builder.vendorCode;
        this.traceId = builder.traceId;
        this.retryable = builder.retryable != null ? builder.retryable : kind.retryableByDefault();
        this.retryAfter = builder.retryAfter;
        this.hint = builder.hint;
        this.rawReply = builder.rawReply;
        this.attempts = List.copyOf(builder.attempts);
    }

    /** Starts a builder for an error of the given kind and message. */
    public static Builder builder(ErrorKind kind, String message) {
        return new Builder(kind, message);
    }

    /** Shorthand for a CONFIGURATION error with a hint. */
    public static JunctionException configuration(String provider, String message, String hint) {
        return builder(ErrorKind.CONFIGURATION, message).provider(provider).hint(hint).build();
    }

    /** The canonical category. */
    public ErrorKind kind() {
        return kind;
    }

    /** The provider id, or {@code null} when the failure happened before one was chosen. */
    public String provider() {
        return provider;
    }

    /** The HTTP status the vendor answered with, when there was an answer. */
    public OptionalInt httpStatus() {
        return httpStatus == null ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }

    /** The vendor's own error code, such as {@code spend_limit_exceeded}. */
    public Optional<String> vendorCode() {
        return Optional.ofNullable(vendorCode);
    }

    /** The vendor's trace or request id, to quote when contacting its support. */
    public Optional<String> traceId() {
        return Optional.ofNullable(traceId);
    }

    /** Whether repeating the identical call may succeed. */
    public boolean retryable() {
        return retryable;
    }

    /** How long the vendor asked the caller to wait before retrying, when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** One sentence on what to do next, when Junction knows one. */
    public Optional<String> hint() {
        return Optional.ofNullable(hint);
    }

    /**
     * The model's whole text when it was not what the request asked for (structured output that
     * does not match its schema, tool-call arguments that are not JSON), so that callers can log
     * or repair it; the message quotes only its start.
     */
    public Optional<String> rawReply() {
        return Optional.ofNullable(rawReply);
    }

    /**
     * Every attempt the call made, in order, when it made more than one or went through a retry
     * loop; empty otherwise.
     */
    public List<Attempt> attempts() {
        return attempts;
    }

    /** A builder holding every field of this exception, the message and cause included, to derive another. */
    public Builder toBuilder() {
        Builder b = new Builder(kind, getMessage())
                .provider(provider)
                .httpStatus(httpStatus)
                .vendorCode(vendorCode)
                .traceId(traceId)
                .retryAfter(retryAfter)
                .hint(hint)
                .rawReply(rawReply)
                .cause(getCause())
                .attempts(attempts);
        b.retryable = retryable;
        return b;
    }

    /** Collects the fields of a {@link JunctionException}. */
    public static final class Builder {
        private final ErrorKind kind;
        private String message;
        private String provider;
        private Integer httpStatus;
        private String vendorCode;
        private String traceId;
        private Boolean retryable;
        private Duration retryAfter;
        private String hint;
        private String rawReply;
        private Throwable cause;
        private List<Attempt> attempts = List.of();

        private Builder(ErrorKind kind, String message) {
            this.kind = kind;
            this.message = message;
        }

        /** Replaces the message. */
        public Builder message(String message) {
            this.message = message;
            return this;
        }

        /** Sets the call's attempts, in order. */
        public Builder attempts(List<Attempt> attempts) {
            this.attempts = List.copyOf(attempts);
            return this;
        }

        /** Sets the provider id. */
        public Builder provider(String provider) {
            this.provider = provider;
            return this;
        }

        /** Sets the HTTP status. */
        public Builder httpStatus(Integer httpStatus) {
            this.httpStatus = httpStatus;
            return this;
        }

        /** Sets the vendor's error code. */
        public Builder vendorCode(String vendorCode) {
            this.vendorCode = vendorCode;
            return this;
        }

        /** Sets the vendor's trace id. */
        public Builder traceId(String traceId) {
            this.traceId = traceId;
            return this;
        }

        /** Overrides the kind's default retryability. */
        public Builder retryable(boolean retryable) {
            this.retryable = retryable;
            return this;
        }

        /** Sets the delay the vendor asked for. */
        public Builder retryAfter(Duration retryAfter) {
            this.retryAfter = retryAfter;
            return this;
        }

        /** Sets what the user should do next. */
        public Builder hint(String hint) {
            this.hint = hint;
            return this;
        }

        /** Keeps the model's whole text; never pass request data, which may hold keys. */
        public Builder rawReply(String rawReply) {
            this.rawReply = rawReply;
            return this;
        }

        /** Sets the underlying cause. */
        public Builder cause(Throwable cause) {
            this.cause = cause;
            return this;
        }

        /** Builds the exception. */
        public JunctionException build() {
            return new JunctionException(this);
        }
    }
}

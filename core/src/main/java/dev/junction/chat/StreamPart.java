package dev.junction.chat;

import dev.junction.cost.Cost;
import dev.junction.cost.CostRange;
import dev.junction.error.Attempt;
import dev.junction.error.JunctionException;
import java.util.List;
import java.util.Objects;

/**
 * One piece of a streamed reply. A stream delivers, in order: {@link Start}; then any of
 * {@link TextDelta}, {@link ReasoningDelta}, {@link ToolCallDelta}, {@link ImageOutput},
 * {@link Warning}; then {@link ToolCallDone} for each call, {@link UsageReport} when the vendor
 * reported usage, and {@link Finish} last. A failed stream ends with {@link Failure} instead.
 * Folding the parts gives the same {@link ChatResponse} the non-streaming call returns.
 */
public sealed interface StreamPart {

    /**
     * The reply began.
     *
     * @param id the vendor's completion id, or {@code null}
     * @param provider the provider id
     * @param model the canonical model id
     * @param vendorModel the model name sent on the wire
     * @param failedAttempts the attempts that failed before this one began (retries, providers fallen back from); empty for the first
     * @param quotedUsd what a route quoted this provider before sending, or {@code null} when no quote was made;
     *     {@link ChatStreams#collect} keeps it on the response as {@link ChatResponse#quotedUsd()}
     */
    record Start(String id, String provider, String model, String vendorModel, List<Attempt> failedAttempts,
            CostRange quotedUsd) implements StreamPart {

        /** Copies the attempts; {@code null} reads as none. */
        public Start {
            failedAttempts = failedAttempts == null ? List.of() : List.copyOf(failedAttempts);
        }

        /** A start with no quote before it. */
        public Start(String id, String provider, String model, String vendorModel, List<Attempt> failedAttempts) {
            this(id, provider, model, vendorModel, failedAttempts, null);
        }

        /** This start with the attempts that failed before it. */
        public Start withFailedAttempts(List<Attempt> attempts) {
            return new Start(id, provider, model, vendorModel, attempts, quotedUsd);
        }

        /** This start with the quote that preceded it ({@code null} for none). */
        public Start withQuotedUsd(CostRange quoted) {
            return new Start(id, provider, model, vendorModel, failedAttempts, quoted);
        }
    }

    /** More answer text. */
    record TextDelta(String text) implements StreamPart {
        /** Checks the text is present. */
        public TextDelta {
            Objects.requireNonNull(text, "text");
        }
    }

    /** More reasoning text. */
    record ReasoningDelta(String text) implements StreamPart {
        /** Checks the text is present. */
        public ReasoningDelta {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A fragment of a tool call as the vendor streamed it; {@link ToolCallDone} follows with the whole call.
     *
     * @param index which call of this reply the fragment belongs to, from 0
     * @param id the call id when this fragment carries it
     * @param name the function name when this fragment carries it
     * @param argumentsDelta the next piece of the arguments' JSON text, possibly empty
     */
    record ToolCallDelta(int index, String id, String name, String argumentsDelta) implements StreamPart {
    }

    /** A complete tool call, assembled from its deltas. */
    record ToolCallDone(ToolCall call) implements StreamPart {
        /** Checks the call is present. */
        public ToolCallDone {
            Objects.requireNonNull(call, "call");
        }
    }

    /** A generated image, decoded. */
    record ImageOutput(GeneratedImage image) implements StreamPart {
        /** Checks the image is present. */
        public ImageOutput {
            Objects.requireNonNull(image, "image");
        }
    }

    /**
     * The token usage the vendor reported, and what it cost.
     *
     * @param usage the counts
     * @param cost the cost, or {@code null} when the price is unknown
     */
    record UsageReport(Usage usage, Cost cost) implements StreamPart {
        /** Checks the usage is present. */
        public UsageReport {
            Objects.requireNonNull(usage, "usage");
        }
    }

    /**
     * The reply is complete.
     *
     * @param reason why the model stopped, unified
     * @param rawReason the vendor's own string, or {@code null} when it sent none
     */
    record Finish(FinishReason reason, String rawReason) implements StreamPart {
        /** Checks the reason is present. */
        public Finish {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Something the caller should know that did not stop the stream. */
    record Warning(String message) implements StreamPart {
        /** Checks the message is present. */
        public Warning {
            Objects.requireNonNull(message, "message");
        }
    }

    /** The stream failed; nothing follows. The same exception goes to the stream's exception handler. */
    record Failure(JunctionException error) implements StreamPart {
        /** Checks the error is present. */
        public Failure {
            Objects.requireNonNull(error, "error");
        }
    }
}

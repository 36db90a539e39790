package dev.junction.observe;

import dev.junction.chat.FinishReason;
import dev.junction.chat.Usage;
import dev.junction.cost.Cost;
import dev.junction.quote.Quote;
import java.time.Duration;
import java.util.Objects;

/**
 * A call succeeded; the quote that preceded it sits next to what it cost.
 *
 * @param call which call
 * @param provider the provider that answered
 * @param vendorModel the model name sent on the wire
 * @param responseId the vendor's completion id, or {@code null} when it sent none
 * @param attempts how many attempts the call made, the answering one included
 * @param finishReason why the model stopped
 * @param rawFinishReason the vendor's own word for it, such as {@code stop}, or {@code null}
 * @param usage token counts, each {@code null} when not reported
 * @param cost what it cost, or {@code null} when the price or the usage is unknown
 * @param quote the quote the route made for this provider before sending, or {@code null} when none was made
 * @param duration from the call's start to its answer (for a stream, its last part)
 * @param text the answer text, or {@code null} unless {@code Junction.builder().listenerContent(true)} opted in
 */
public record CallSucceeded(Call call, String provider, String vendorModel, String responseId, int attempts, FinishReason finishReason,
        String rawFinishReason, Usage usage,
        Cost cost, Quote quote, Duration duration, String text) {

    /** Checks the required fields. */
    public CallSucceeded {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(duration, "duration");
    }
}

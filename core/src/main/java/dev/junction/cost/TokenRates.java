package dev.junction.cost;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Prices per million tokens, in US dollars. Input and output are required; each optional price is
 * {@code null} when the vendor charges that kind of token like the ordinary one, which is then used.
 *
 * @param inputPerMillion ordinary input tokens
 * @param outputPerMillion output tokens: visible text, and reasoning and image tokens unless they have their own price
 * @param cachedInputPerMillion input tokens served from the vendor's cache, or {@code null}
 * @param imageOutputPerMillion generated-image tokens, or {@code null}
 * @param reasoningOutputPerMillion reasoning ("thinking") tokens, or {@code null}
 * @param audioInputPerMillion audio input tokens, or {@code null}
 */
public record TokenRates(
        BigDecimal inputPerMillion,
        BigDecimal outputPerMillion,
        BigDecimal cachedInputPerMillion,
        BigDecimal imageOutputPerMillion,
        BigDecimal reasoningOutputPerMillion,
        BigDecimal audioInputPerMillion) {

    /**
     * Checks that input and output are present and no price is negative.
     *
     * @throws IllegalArgumentException naming the field
     */
    public TokenRates {
        Objects.requireNonNull(inputPerMillion, "inputPerMillion");
        Objects.requireNonNull(outputPerMillion, "outputPerMillion");
        requireNonNegative(inputPerMillion, "inputPerMillion");
        requireNonNegative(outputPerMillion, "outputPerMillion");
        requireNonNegative(cachedInputPerMillion, "cachedInputPerMillion");
        requireNonNegative(imageOutputPerMillion, "imageOutputPerMillion");
        requireNonNegative(reasoningOutputPerMillion, "reasoningOutputPerMillion");
        requireNonNegative(audioInputPerMillion, "audioInputPerMillion");
    }

    /** Rates with only input and output prices. */
    public static TokenRates of(BigDecimal inputPerMillion, BigDecimal outputPerMillion) {
        return new TokenRates(inputPerMillion, outputPerMillion, null, null, null, null);
    }

    /** The cached-input price, or the input price when none is set. */
    public BigDecimal cachedInputRate() {
        return cachedInputPerMillion != null ? cachedInputPerMillion : inputPerMillion;
    }

    /** The audio-input price, or the input price when none is set. */
    public BigDecimal audioInputRate() {
        return audioInputPerMillion != null ? audioInputPerMillion : inputPerMillion;
    }

    /** The reasoning price, or the output price when none is set. */
    public BigDecimal reasoningOutputRate() {
        return reasoningOutputPerMillion != null ? reasoningOutputPerMillion : outputPerMillion;
    }

    /** The image-output price, or the output price when none is set. */
    public BigDecimal imageOutputRate() {
        return imageOutputPerMillion != null ? imageOutputPerMillion : outputPerMillion;
    }

    private static void requireNonNegative(BigDecimal value, String field) {
        if (value != null && value.signum() < 0) {
            throw new IllegalArgumentException(field + " must not be negative, got " + value.toPlainString());
        }
    }
}

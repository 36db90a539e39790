package dev.junction.cost;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One row of a price table: what a provider charges for a model, and where that figure came from.
 *
 * @param provider provider id
 * @param vendorModel the vendor's name for the model
 * @param model the canonical model id
 * @param currency ISO code; only {@code USD} for now
 * @param inputPerMillion price of one million input tokens
 * @param outputPerMillion price of one million output tokens (reasoning and image tokens included)
 * @param creditsPerUsd how many vendor credits one US dollar buys, or {@code null} when the vendor bills in money
 * @param source the document the figures come from
 * @param asOf the date the figures were read
 */
public record Price(
        String provider,
        String vendorModel,
        String model,
        String currency,
        BigDecimal inputPerMillion,
        BigDecimal outputPerMillion,
        BigDecimal creditsPerUsd,
        String source,
        LocalDate asOf) {

    /** Checks the figures are present and not negative. */
    public Price {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(currency, "currency");
        if (!currency.equals("USD")) {
            // Cost is reported in US dollars; another currency would be mislabelled, not converted.
            throw new IllegalArgumentException("only USD prices are supported, got " + currency
                    + "; convert the price to USD (creditsPerUsd covers vendor credits)");
        }
        requireNonNegative(inputPerMillion, "inputPerMillion");
        requireNonNegative(outputPerMillion, "outputPerMillion");
        if (creditsPerUsd != null && creditsPerUsd.signum() <= 0) {
            throw new IllegalArgumentException("creditsPerUsd must be positive, got " + creditsPerUsd);
        }
    }

    private static void requireNonNegative(BigDecimal value, String field) {
        Objects.requireNonNull(value, field);
        if (value.signum() < 0) {
            throw new IllegalArgumentException(field + " must not be negative, got " + value);
        }
    }
}

package dev.junction.cost;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One row of a price table: what a provider charges for a model, and where that figure came from.
 *
 * @param provider provider id
 * @param vendorModel the vendor's name for the model
 * @param model the canonical model id
 * @param currency ISO code; only {@code USD} for now
 * @param rates the base prices per million tokens
 * @param tiers prices for longer prompts, ascending by threshold; empty when the price is flat
 * @param creditsPerUsd how many vendor credits one US dollar buys, or {@code null} when the vendor bills in money
 * @param source the document the figures come from
 * @param asOf the date the figures were read
 */
public record Price(
        String provider,
        String vendorModel,
        String model,
        String currency,
        TokenRates rates,
        List<PriceTier> tiers,
        BigDecimal creditsPerUsd,
        String source,
        LocalDate asOf) {

    /**
     * Checks the row: names present, USD, positive credit rate, tier thresholds distinct; sorts the tiers.
     *
     * @throws IllegalArgumentException naming the field
     */
    public Price {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(rates, "rates");
        vendorModel = vendorModel == null ? model : vendorModel;
        if (!currency.equals("USD")) {
            // Cost is reported in US dollars; another currency would be mislabelled, not converted.
            throw new IllegalArgumentException("only USD prices are supported, got " + currency
                    + "; convert the price to USD (creditsPerUsd covers vendor credits)");
        }
        if (creditsPerUsd != null && creditsPerUsd.signum() <= 0) {
            throw new IllegalArgumentException("creditsPerUsd must be positive, got " + creditsPerUsd.toPlainString());
        }
        List<PriceTier> sorted = new ArrayList<>(tiers == null ? List.of() : tiers);
        sorted.sort(Comparator.comparingLong(PriceTier::aboveInputTokens));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).aboveInputTokens() == sorted.get(i - 1).aboveInputTokens()) {
                throw new IllegalArgumentException("two tiers start above " + sorted.get(i).aboveInputTokens() + " input tokens");
            }
        }
        tiers = List.copyOf(sorted);
    }

    /** A flat price with input and output rates only. */
    public Price(String provider, String vendorModel, String model, String currency, BigDecimal inputPerMillion,
            BigDecimal outputPerMillion, BigDecimal creditsPerUsd, String source, LocalDate asOf) {
        this(provider, vendorModel, model, currency, TokenRates.of(inputPerMillion, outputPerMillion), List.of(),
                creditsPerUsd, source, asOf);
    }

    /** The base input price per million tokens. */
    public BigDecimal inputPerMillion() {
        return rates.inputPerMillion();
    }

    /** The base output price per million tokens. */
    public BigDecimal outputPerMillion() {
        return rates.outputPerMillion();
    }

    /** The tier a call with this many input tokens falls in, or {@code null} for the base rates. */
    public PriceTier tierFor(long inputTokens) {
        PriceTier found = null;
        for (PriceTier tier : tiers) {
            if (inputTokens > tier.aboveInputTokens()) {
                found = tier;
            }
        }
        return found;
    }

    /** The rates a call with this many input tokens is charged at. */
    public TokenRates ratesFor(long inputTokens) {
        PriceTier tier = tierFor(inputTokens);
        return tier == null ? rates : tier.rates();
    }
}

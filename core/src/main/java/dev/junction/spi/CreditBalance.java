package dev.junction.spi;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A provider's account balance as its balance endpoint reported it. Vendors do not document the
 * shape of that reply, so it is read leniently and kept whole in {@code rawJson}.
 *
 * @param provider provider id
 * @param balance the balance found in the reply, or {@code null} when no field looked like one
 * @param unit what the balance counts, such as {@code credits} or {@code USD}, or {@code null} when the reply does not say
 * @param field the JSON path the balance was read from, such as {@code data.credits}, or {@code null}
 * @param rawJson the reply body, verbatim
 */
public record CreditBalance(String provider, BigDecimal balance, String unit, String field, String rawJson) {

    /** Checks the provider and the raw reply are present. */
    public CreditBalance {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(rawJson, "rawJson");
    }
}

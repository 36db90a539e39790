package dev.junction.catalog;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A provider's account balance as its balance endpoint reported it. Vendors do not document the
 * shape of that reply, so it is read leniently and kept whole in {@code rawJson}.
 *
 * <p>The engine takes the first number (or numeric string) it finds under one of the names
 * {@code credits}, {@code balance}, {@code remaining_credits}, {@code credit_balance},
 * {@code available_credits}, {@code remaining}, {@code available}, {@code total_credits}, looking
 * at the top level first, then under {@code data}, {@code data.attributes} and {@code result}. A
 * reply that is a bare number is the balance itself, with {@code field} {@code "(whole reply)"}.
 *
 * @param provider provider id
 * @param balance the balance found in the reply, or {@code null} when no field looked like one
 * @param unit what the balance counts, such as {@code credits} or {@code USD}, or {@code null} when the reply does not say
 * @param field the JSON path the balance was read from, such as {@code data.credits}, or {@code null}
 * @param rawJson the reply body, verbatim but for the API key, masked should the vendor echo it
 */
public record CreditBalance(String provider, BigDecimal balance, String unit, String field, String rawJson) {

    /** Checks the provider and the raw reply are present. */
    public CreditBalance {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(rawJson, "rawJson");
    }
}

package dev.junction.internal.openai.account;

import com.fasterxml.jackson.databind.JsonNode;
import dev.junction.catalog.CreditBalance;
import java.math.BigDecimal;
import java.util.List;

/**
 * Finds the balance in a balance endpoint's reply. Vendors do not document that reply's shape, so
 * the reader tries the names balance endpoints commonly use and reports which one it took, and
 * the caller keeps the whole reply for a human to read when none fits.
 *
 * <p>Looked for, as a JSON number or a numeric string: {@link #FIELDS} in that order, in each of
 * {@link #CONTAINERS} in that order (the first hit wins). A reply that is a bare JSON value rather
 * than an object is itself the balance when it is numeric.
 */
final class CreditReader {
    /** The field names tried, most specific first; {@code total_credits} last as it may be the amount granted, not left. */
    static final List<String> FIELDS = List.of("credits", "balance", "remaining_credits", "credit_balance",
            "available_credits", "remaining", "available", "total_credits");
    /** The objects searched, as dotted paths; the empty path is the top level. */
    static final List<String> CONTAINERS = List.of("", "data", "data.attributes", "result");
    /** The {@link CreditBalance#field()} of a reply that is a bare number. */
    static final String WHOLE_REPLY = "(whole reply)";
    /**
     * Bounds on what still counts as a balance: beyond them the value is surely not one, and a
     * caller printing it in plain notation ({@code 1e999999999}) would run out of memory.
     */
    private static final int MAX_SCALE = 100;
    private static final int MAX_TEXT = 100;

    private CreditReader() {
    }

    /**
     * Reads the balance.
     *
     * @param body the parsed reply, any JSON value
     * @param rawJson the reply as it should be shown
     * @return the balance with the field it came from, or with balance, unit and field {@code null} when none was found
     */
    static CreditBalance read(String provider, JsonNode body, String rawJson) {
        if (!body.isObject()) {
            BigDecimal whole = number(body);
            return new CreditBalance(provider, whole, null, whole == null ? null : WHOLE_REPLY, rawJson);
        }
        for (String container : CONTAINERS) {
            JsonNode node = container.isEmpty() ? body : body.at("/" + container.replace('.', '/'));
            if (!node.isObject()) {
                continue;
            }
            for (String name : FIELDS) {
                BigDecimal balance = number(node.get(name));
                if (balance != null) {
                    String field = container.isEmpty() ? name : container + "." + name;
                    return new CreditBalance(provider, balance, unit(node, name), field, rawJson);
                }
            }
        }
        return new CreditBalance(provider, null, null, null, rawJson);
    }

    /** The value as an exact decimal when it is a number or a numeric string, else {@code null}. */
    private static BigDecimal number(JsonNode value) {
        BigDecimal out = null;
        if (value != null && value.isNumber()) {
            out = value.decimalValue();
        } else if (value != null && value.isTextual() && value.asText().strip().length() <= MAX_TEXT) {
            try {
                out = new BigDecimal(value.asText().strip());
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }
        return out == null || Math.abs(out.scale()) > MAX_SCALE ? null : out;
    }

    /** A {@code unit} or {@code currency} text next to the balance, else "credits" when the field's name says so. */
    private static String unit(JsonNode container, String name) {
        for (String field : new String[] {"unit", "currency"}) {
            JsonNode value = container.get(field);
            if (value != null && value.isTextual() && !value.asText().isBlank()) {
                return value.asText().strip();
            }
        }
        return name.contains("credit") ? "credits" : null;
    }
}

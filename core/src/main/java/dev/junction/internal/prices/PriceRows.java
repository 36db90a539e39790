package dev.junction.internal.prices;

import com.fasterxml.jackson.databind.JsonNode;
import dev.junction.cost.Price;
import dev.junction.cost.PriceTier;
import dev.junction.cost.TokenRates;
import dev.junction.error.JunctionException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads price rows in the one JSON shape shared by vendor profiles and user price files, strictly:
 * an unknown field, a missing or non-numeric price, a negative figure or a repeated row is a
 * CONFIGURATION error naming the entry and the field, since a silently skipped price would make
 * every later quote wrong.
 */
public final class PriceRows {
    /** The fields a row may have, in the order the docs list them. */
    public static final Set<String> ROW_FIELDS = new LinkedHashSet<>(List.of("provider", "model", "vendorModel", "currency",
            "inputPerMillion", "outputPerMillion", "cachedInputPerMillion", "imageOutputPerMillion",
            "reasoningOutputPerMillion", "audioInputPerMillion", "creditsPerUsd", "tiers", "source", "asOf"));
    private static final Set<String> TIER_FIELDS = new LinkedHashSet<>(List.of("aboveInputTokens", "inputPerMillion",
            "outputPerMillion", "cachedInputPerMillion", "imageOutputPerMillion", "reasoningOutputPerMillion",
            "audioInputPerMillion"));

    /** How a row's names are checked and completed by whoever reads it. */
    public interface Names {
        /**
         * Checks the provider id and the canonical model and returns the vendor's name for it.
         *
         * @param vendorModel the row's own {@code vendorModel}, or {@code null}
         * @return the vendor's model name to record
         * @throws IllegalArgumentException with a message naming the field ({@code "provider …"} or {@code "model …"})
         */
        String vendorModel(String provider, String model, String vendorModel);
    }

    /** The most digits (and decimal places) a price may have. */
    private static final int MAX_SCALE = 30;

    private final String origin;
    private final String defaultProvider;
    private final String defaultSource;
    private final Names names;

    /**
     * A reader for one document.
     *
     * @param origin names the document in messages, such as {@code price file /etc/prices.json}
     * @param defaultProvider the provider of rows that name none, or {@code null} to require one
     * @param defaultSource the source of rows that give none, or {@code null} to require one
     * @param names checks and completes the names
     */
    public PriceRows(String origin, String defaultProvider, String defaultSource, Names names) {
        this.origin = origin;
        this.defaultProvider = defaultProvider;
        this.defaultSource = defaultSource;
        this.names = names;
    }

    /**
     * Reads an array of rows.
     *
     * @throws JunctionException CONFIGURATION naming the entry and field of the first problem
     */
    public List<Price> read(JsonNode rows) {
        if (rows == null || rows.isMissingNode()) {
            return List.of();
        }
        if (!rows.isArray()) {
            throw problem("prices", "must be an array of price rows");
        }
        List<Price> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Price price = row(i, rows.get(i));
            Integer earlier = seen.put(price.provider() + '\u0000' + price.model(), i);
            if (earlier != null) {
                throw problem(entry(i, price.provider(), price.model()),
                        "repeats prices[" + earlier + "]: one row per provider and model");
            }
            out.add(price);
        }
        return out;
    }

    private Price row(int index, JsonNode row) {
        if (!row.isObject()) {
            throw problem("prices[" + index + "]", "must be an object");
        }
        String provider = text(row, "provider");
        String model = text(row, "model");
        String entry = entry(index, provider != null ? provider : defaultProvider, model);
        checkFields(entry, row, ROW_FIELDS);
        if (provider == null) {
            provider = required(entry, defaultProvider, "provider");
        }
        required(entry, model, "model");
        String currency = required(entry, text(row, "currency"), "currency");
        if (!currency.equals("USD")) {
            throw problem(entry, "currency must be \"USD\", got \"" + currency + "\"; convert the price to US dollars"
                    + " (creditsPerUsd records how many vendor credits a dollar buys)");
        }
        String vendorModel;
        try {
            vendorModel = names.vendorModel(provider, model, text(row, "vendorModel"));
        } catch (IllegalArgumentException e) {
            throw problem(entry, e.getMessage());
        }
        TokenRates rates = rates(entry, row);
        BigDecimal credits = decimal(entry, row, "creditsPerUsd", false);
        if (credits != null && credits.signum() == 0) {
            throw problem(entry, "creditsPerUsd must be positive, got 0");
        }
        String source = text(row, "source") != null ? text(row, "source") : required(entry, defaultSource, "source");
        return new Price(provider, vendorModel, model, currency, rates, tiers(entry, row.get("tiers")), credits,
                source, date(entry, row));
    }

    private List<PriceTier> tiers(String entry, JsonNode tiers) {
        if (tiers == null || tiers.isNull()) {
            return List.of();
        }
        if (!tiers.isArray()) {
            throw problem(entry, "tiers must be an array such as [{\"aboveInputTokens\":200000,\"inputPerMillion\":\"2.50\",\"outputPerMillion\":\"15\"}]");
        }
        List<PriceTier> out = new ArrayList<>();
        Set<Long> thresholds = new java.util.HashSet<>();
        for (int t = 0; t < tiers.size(); t++) {
            String where = entry + " tiers[" + t + "]";
            JsonNode tier = tiers.get(t);
            if (!tier.isObject()) {
                throw problem(where, "must be an object");
            }
            checkFields(where, tier, TIER_FIELDS);
            long above = threshold(where, tier.get("aboveInputTokens"));
            if (!thresholds.add(above)) {
                throw problem(where, "aboveInputTokens " + above + " appears in two tiers");
            }
            out.add(new PriceTier(above, rates(where, tier)));
        }
        return out;
    }

    /** A positive token count, as a JSON integer or a string of digits; never silently wrapped to fit a long. */
    private long threshold(String where, JsonNode value) {
        long above = -1;
        if (value != null && value.isIntegralNumber() && value.canConvertToLong()) {
            above = value.asLong();
        } else if (value != null && value.isTextual()) {
            try {
                above = Long.parseLong(value.asText().trim());
            } catch (NumberFormatException e) {
                above = -1;
            }
        }
        if (above <= 0) {
            throw problem(where, "aboveInputTokens must be a positive whole number of input tokens such as 200000, got " + value);
        }
        return above;
    }

    private TokenRates rates(String entry, JsonNode node) {
        return new TokenRates(
                decimal(entry, node, "inputPerMillion", true),
                decimal(entry, node, "outputPerMillion", true),
                decimal(entry, node, "cachedInputPerMillion", false),
                decimal(entry, node, "imageOutputPerMillion", false),
                decimal(entry, node, "reasoningOutputPerMillion", false),
                decimal(entry, node, "audioInputPerMillion", false));
    }

    private BigDecimal decimal(String entry, JsonNode node, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw problem(entry, field + " is required (US dollars per million tokens, such as \"0.10\")");
            }
            return null;
        }
        BigDecimal number;
        if (value.isNumber()) {
            number = value.decimalValue();
        } else if (value.isTextual()) {
            try {
                number = new BigDecimal(value.asText().trim());
            } catch (NumberFormatException e) {
                throw problem(entry, field + " must be a decimal number such as \"0.10\", got " + value);
            }
        } else {
            throw problem(entry, field + " must be a decimal number such as \"0.10\", got " + value);
        }
        // A price needs no more than a few dozen digits; an exponent such as 1e-999999999 would
        // exhaust memory when printed in plain notation.
        if (number.scale() > MAX_SCALE || number.scale() < -MAX_SCALE || number.precision() > MAX_SCALE) {
            throw problem(entry, field + " has too many digits: " + value);
        }
        if (number.signum() < 0) {
            throw problem(entry, field + " must not be negative, got " + number.toPlainString());
        }
        return number;
    }

    private LocalDate date(String entry, JsonNode row) {
        String text = text(row, "asOf");
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw problem(entry, "asOf must be a date such as \"2026-11-01\", got \"" + text + "\"");
        }
    }

    private void checkFields(String entry, JsonNode node, Set<String> known) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!known.contains(field)) {
                throw problem(entry, "unknown field \"" + field + "\"; known fields: " + String.join(", ", known));
            }
        }
    }

    private String required(String entry, String value, String field) {
        if (value == null || value.isBlank()) {
            throw problem(entry, field + " is required");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    private static String entry(int index, String provider, String model) {
        String names = ((provider == null ? "" : provider) + " " + (model == null ? "" : model)).trim();
        return "prices[" + index + "]" + (names.isEmpty() ? "" : " (" + names + ")");
    }

    /** A CONFIGURATION error naming the document, the entry and the field. */
    JunctionException problem(String where, String what) {
        return JunctionException.configuration(null, origin + ": " + where + ": " + what,
                "fix that entry of " + origin + "; see \"Prices\" in the README for the format");
    }
}

package dev.junction.internal.config;

import dev.junction.error.JunctionException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses route config strings, {@code route:MODEL[?policy=ordered|cheapest|fastest][&maxPriceUsd=0.01]
 * [&providers=a,b][&other provider keys]}: the same grammar as a provider's, with the reserved id
 * {@code route}. Keys a provider takes (timeouts, retries) apply to every provider of the route;
 * keys and base URLs stay per provider, in the environment.
 */
public final class RouteStrings {
    /** The id that makes a config string a route. */
    public static final String ROUTE_ID = "route";
    /** The keys only a route takes. */
    public static final List<String> ROUTE_KEYS = List.of("policy", "maxPriceUsd", "providers");
    private static final Set<String> POLICIES = Set.of("ordered", "cheapest", "fastest");

    private RouteStrings() {
    }

    /** Whether the config string names a route rather than a provider. */
    public static boolean isRoute(String configString) {
        if (configString == null) {
            return false;
        }
        String head = configString.strip().toLowerCase(Locale.ROOT);
        return head.equals(ROUTE_ID) || head.startsWith(ROUTE_ID + ":") || head.startsWith(ROUTE_ID + "?");
    }

    /**
     * Parses a route config string.
     *
     * @throws JunctionException CONFIGURATION naming the faulty part and the fix
     */
    public static RouteValues parse(String configString) {
        String text = configString.strip();
        int q = text.indexOf('?');
        String head = q < 0 ? text : text.substring(0, q);
        String query = q < 0 ? "" : text.substring(q + 1);
        int colon = head.indexOf(':');
        String model = colon < 0 ? "" : ConfigStrings.decode(ROUTE_ID, "model", head.substring(colon + 1));
        if (model.isBlank()) {
            throw fail("names no model", "write route:MODEL, such as route:gemini-2.5-pro?policy=cheapest");
        }
        String policy = "ordered";
        BigDecimal ceiling = null;
        List<String> providers = new ArrayList<>();
        List<String> passOn = new ArrayList<>();
        for (String pair : query.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : ConfigStrings.decode(ROUTE_ID, key, pair.substring(eq + 1));
            switch (key) {
                case "policy" -> policy = policy(value);
                case "maxPriceUsd" -> ceiling = price(value);
                case "providers" -> providers = ids(value);
                case "apiKey", "baseUrl" -> throw fail(key + " cannot be given to a whole route",
                        "set each provider's <ID>_API_KEY and <ID>_BASE_URL in the environment");
                default -> passOn.add(pair);
            }
        }
        String providerQuery = String.join("&", passOn);
        // The keys passed on are checked now, against the provider grammar, so a typo fails here.
        ConfigStrings.parse(ROUTE_ID + (providerQuery.isEmpty() ? "" : "?" + providerQuery));
        return new RouteValues(model, policy, ceiling, providers, providerQuery);
    }

    private static String policy(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (!POLICIES.contains(v)) {
            throw fail("policy '" + value + "' is not ordered, cheapest or fastest", "write policy=cheapest");
        }
        return v;
    }

    private static BigDecimal price(String value) {
        try {
            BigDecimal d = new BigDecimal(value.strip());
            if (d.signum() > 0) {
                return d;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the accepted form
        }
        throw fail("maxPriceUsd '" + value + "' is not a positive amount in US dollars", "write maxPriceUsd=0.01");
    }

    private static List<String> ids(String value) {
        List<String> ids = new ArrayList<>();
        for (String id : value.split(",", -1)) {
            String t = id.strip().toLowerCase(Locale.ROOT);
            if (!ConfigStrings.isValidId(t)) {
                throw fail("providers holds " + ConfigStrings.shownId(t) + ", which is not a provider id",
                        "write providers=ID,ID; 'junction providers' lists the ids");
            }
            ids.add(t);
        }
        return ids;
    }

    private static JunctionException fail(String problem, String hint) {
        return JunctionException.configuration(null, "route config string: " + problem, hint);
    }
}

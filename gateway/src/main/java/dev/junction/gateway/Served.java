package dev.junction.gateway;

import dev.junction.Junction;
import dev.junction.catalog.CanonicalModel;
import dev.junction.catalog.Catalog;
import dev.junction.catalog.Offer;
import dev.junction.catalog.ProviderView;
import dev.junction.gateway.config.ConfigException;
import dev.junction.gateway.config.GatewayConfig;
import dev.junction.gateway.config.ProviderConfig;
import dev.junction.gateway.config.RouteConfig;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The providers a gateway serves, and its catalog, checked once at start: every provider the
 * config names must be installed and have its key; every route must name a known model and
 * providers that offer it.
 *
 * @param providers the served provider ids, sorted
 * @param catalog the installed providers' models and prices
 * @param problems why a provider is not served (no-config mode only), for {@code /readyz}
 */
record Served(Set<String> providers, Catalog catalog, List<String> problems) {

    static Served check(GatewayConfig config, Junction junction) {
        Catalog catalog = junction.catalog();
        Set<String> served = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        if (config.discoverProviders()) {
            for (ProviderView view : junction.providers()) {
                if (view.hasApiKey()) {
                    served.add(view.id());
                } else {
                    problems.add(view.id() + " is not served: set " + view.apiKeyEnvVar());
                }
            }
        } else {
            Set<String> installed = junction.providerIds();
            for (Map.Entry<String, ProviderConfig> entry : config.providers().entrySet()) {
                String id = entry.getKey();
                if (!installed.contains(id)) {
                    errors.add("providers." + id + ": no installed provider has this id; installed: " + String.join(", ", installed));
                } else if (!junction.provider(id).hasApiKey()) {
                    errors.add("providers." + id + ".api_key_env: " + entry.getValue().apiKeyEnv()
                            + " is not set (in the environment or the secrets file); the gateway cannot call " + id + " without it");
                } else {
                    served.add(id);
                }
            }
        }
        for (Map.Entry<String, RouteConfig> entry : config.routes().entrySet()) {
            String field = "routes." + entry.getKey();
            CanonicalModel model = catalog.find(entry.getKey()).orElse(null);
            if (model == null) {
                errors.add(field + ": no installed provider offers this model; known models: " + String.join(", ", catalog.ids()));
                continue;
            }
            Set<String> offering = new LinkedHashSet<>(model.offers().stream().map(Offer::provider).toList());
            for (String id : entry.getValue().providers()) {
                if (!offering.contains(id)) {
                    errors.add(field + ".providers: " + id + " does not offer " + model.id() + "; these do: " + String.join(", ", offering));
                } else if (!served.contains(id)) {
                    errors.add(field + ".providers: " + id + " is not served by this gateway; add it under providers");
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ConfigException(errors.get(0).substring(0, errors.get(0).indexOf(':')), String.join("\n", errors));
        }
        return new Served(Set.copyOf(served), catalog, List.copyOf(problems));
    }

    /** The served providers offering {@code model}, in the catalog's order. */
    List<String> offering(CanonicalModel model) {
        return model.offers().stream().map(Offer::provider).filter(providers::contains).distinct().toList();
    }
}

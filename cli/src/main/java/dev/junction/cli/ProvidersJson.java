package dev.junction.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.junction.catalog.ModelInfo;
import dev.junction.catalog.ProviderView;
import java.util.List;

/** The {@code providers --json} document. */
final class ProvidersJson {
    private ProvidersJson() {
    }

    /** {@code [{"id","name","baseUrl","apiKeyEnvVar","apiKeyEnvFallbacks","apiKeySet","models":[{"id","vendorModel","capabilities","contextWindow"}]}]}. */
    static ArrayNode of(List<ProviderView> providers, CliContext context) {
        ArrayNode array = CliJson.nodes().arrayNode();
        for (ProviderView provider : providers) {
            String keyVar = provider.apiKeyEnvVar();
            var entry = array.addObject()
                    .put("id", provider.id())
                    .put("name", provider.displayName())
                    .put("baseUrl", provider.baseUrl().toString())
                    .put("apiKeyEnvVar", keyVar);
            provider.apiKeyEnvFallbacks().forEach(entry.putArray("apiKeyEnvFallbacks")::add);
            entry.put("apiKeySet", provider.hasApiKey());
            ArrayNode models = entry.putArray("models");
            for (ModelInfo model : provider.models().models()) {
                var m = models.addObject()
                        .put("id", model.id())
                        .put("vendorModel", model.vendorModel());
                ArrayNode capabilities = m.putArray("capabilities");
                model.capabilities().stream().sorted().forEach(c -> capabilities.add(c.name()));
                m.put("contextWindow", model.contextWindow());
            }
        }
        return array;
    }
}

package dev.junction.cli;

import dev.junction.catalog.ModelInfo;
import dev.junction.catalog.ProviderView;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code junction providers}: the providers found on the class path, their base URLs and models. */
@Command(name = "providers",
        mixinStandardHelpOptions = true,
        description = {"Lists the discovered providers: id, name, base URL, key variable and models",
                "(canonical ids, with the vendor's own name where it differs). Needs no API key."})
public final class ProvidersCommand extends JunctionSubcommand {

    @Mixin
    private JsonOption json;

    @Override
    int run(CliContext context) {
        return withJunction(context, junction -> {
            List<ProviderView> providers = junction.providers();
            for (String problem : junction.discoveryProblems()) {
                context.err().println("warning: " + problem);
            }
            if (json.enabled) {
                CliJson.print(context.out(), ProvidersJson.of(providers, context));
            } else {
                printTable(providers, context);
            }
            return 0;
        });
    }

    @Override
    boolean json() {
        return json.enabled;
    }

    private static void printTable(List<ProviderView> providers, CliContext context) {
        int idWidth = providers.stream().mapToInt(p -> p.id().length()).max().orElse(0);
        int nameWidth = providers.stream().mapToInt(p -> p.displayName().length()).max().orElse(0);
        int urlWidth = providers.stream().mapToInt(p -> p.baseUrl().toString().length()).max().orElse(0);
        for (ProviderView provider : providers) {
            String keyVar = provider.apiKeyEnvFallbacks().isEmpty() ? provider.apiKeyEnvVar()
                    : provider.apiKeyEnvVar() + " or " + String.join(" or ", provider.apiKeyEnvFallbacks());
            context.out().printf("%-" + idWidth + "s  %-" + nameWidth + "s  %-" + urlWidth + "s  (key: %s, %s)%n",
                    provider.id(), provider.displayName(), provider.baseUrl(), keyVar,
                    provider.hasApiKey() ? "set" : "not set");
            for (ModelInfo model : provider.models().models()) {
                String vendorName = model.vendorModel().equals(model.id()) ? "" : "  (vendor: " + model.vendorModel() + ")";
                context.out().println("  " + model.id() + vendorName);
            }
        }
        if (providers.isEmpty()) {
            context.err().println("warning: no provider module is on the class path");
        }
    }
}

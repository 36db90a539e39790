package dev.junction.examples;

import dev.junction.Junction;
import dev.junction.catalog.ModelInfo;
import dev.junction.catalog.ProviderView;

/**
 * Lists every provider Junction discovers, with its models. Needs no API key; run it on the
 * module path to check that each vendor module's {@code provides} clause is found.
 */
public final class ListProviders {
    private ListProviders() {
    }

    /** Entry point; takes no arguments. */
    public static void main(String[] args) {
        try (Junction junction = Junction.create()) {
            for (ProviderView provider : junction.providers()) {
                System.out.println(provider.id() + " (" + provider.displayName() + ") " + provider.baseUrl());
                for (ModelInfo model : provider.models().models()) {
                    System.out.println("  " + model.id() + (model.id().equals(model.vendorModel()) ? "" : " -> " + model.vendorModel()));
                }
            }
            junction.discoveryProblems().forEach(p -> System.err.println("problem: " + p));
        }
    }
}

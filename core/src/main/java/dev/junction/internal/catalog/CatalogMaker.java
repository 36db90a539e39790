package dev.junction.internal.catalog;

import dev.junction.catalog.CanonicalModel;
import dev.junction.catalog.Catalog;
import dev.junction.catalog.Listing;
import dev.junction.catalog.ModelInfo;
import dev.junction.catalog.Offer;
import dev.junction.catalog.RemoteModel;
import dev.junction.cost.Price;
import dev.junction.cost.PriceBook;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.spi.Provider;
import dev.junction.spi.ProviderFactory;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Builds the {@link Catalog}: every model the installed modules declare, the models only price rows
 * name, and, on request, the vendors' live model lists merged in.
 */
public final class CatalogMaker {
    private CatalogMaker() {
    }

    /** The catalog from module declarations and price rows alone. */
    public static Catalog offline(Collection<ProviderFactory> factories, PriceBook prices) {
        return build(factories, prices, Map.of(), List.of());
    }

    /**
     * The catalog with the live lists of the given providers merged in.
     *
     * @param ids providers whose lists to fetch; empty for every provider that has a list
     * @param providers configures a provider by config string (from the environment)
     * @return a future failing only with CONFIGURATION for an unknown id; fetch failures become problems
     */
    public static Future<Catalog> remote(Collection<ProviderFactory> factories, PriceBook prices, Set<String> ids,
            Function<String, Provider> providers) {
        Set<String> installed = new TreeSet<>();
        factories.forEach(f -> installed.add(f.id()));
        for (String id : ids) {
            if (!installed.contains(id)) {
                return Future.failedFuture(JunctionException.configuration(id, "no installed provider has the id '" + id + "'",
                        "installed providers: " + String.join(", ", installed)));
            }
        }
        Set<String> targets = ids.isEmpty() ? installed : new TreeSet<>(ids);
        Map<String, List<RemoteModel>> lists = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        List<Future<Void>> fetches = new ArrayList<>();
        for (String id : targets) {
            Future<List<RemoteModel>> fetch;
            try {
                fetch = java.util.Objects.requireNonNull(providers.apply(id).remoteModels(), "remoteModels() returned null");
            } catch (RuntimeException e) {
                fetch = Future.failedFuture(e);
            }
            fetches.add(fetch.transform(done -> {
                synchronized (lists) {
                    if (done.succeeded()) {
                        lists.put(id, done.result());
                    } else if (!ids.isEmpty() || !isUnsupported(done.cause())) {
                        // Asked for every provider, one without a list is not a problem worth a line.
                        problems.add(id + ": " + describe(done.cause()));
                    }
                }
                return Future.succeededFuture();
            }));
        }
        return Future.join(fetches).transform(done -> {
            synchronized (lists) {
                problems.sort(Comparator.naturalOrder());
                return Future.succeededFuture(build(factories, prices, lists, problems));
            }
        });
    }

    private static Catalog build(Collection<ProviderFactory> factories, PriceBook prices, Map<String, List<RemoteModel>> lists,
            List<String> problems) {
        Map<String, List<Offer>> byModel = new TreeMap<>();
        Set<String> covered = new HashSet<>();
        Map<String, String> canonicalOfVendorName = canonicalNames(factories);
        for (ProviderFactory factory : factories) {
            List<RemoteModel> live = lists.get(factory.id());
            Set<String> matched = new HashSet<>();
            for (ModelInfo m : factory.models().models()) {
                Listing listing = Listing.DECLARED;
                if (live != null) {
                    RemoteModel hit = live.stream().filter(r -> names(m, r.id())).findFirst().orElse(null);
                    listing = hit == null ? Listing.DECLARED_NOT_LISTED : Listing.DECLARED_AND_LISTED;
                    if (hit != null) {
                        matched.add(hit.id());
                    }
                }
                add(byModel, new Offer(m.id(), factory.id(), m.vendorModel(), m.capabilities(), m.contextWindow(),
                        prices.find(factory.id(), m.id()).orElse(null), listing));
                covered.add(factory.id() + '\u0000' + m.id());
            }
            for (RemoteModel r : live == null ? List.<RemoteModel>of() : live) {
                String canonical = canonicalOfVendorName.getOrDefault(r.id(), r.id());
                if (matched.contains(r.id()) || !covered.add(factory.id() + '\u0000' + canonical)) {
                    continue;
                }
                add(byModel, new Offer(canonical, factory.id(), r.id(), Set.of(), null,
                        prices.find(factory.id(), canonical).orElse(null), Listing.LISTED_ONLY));
            }
        }
        for (Price row : prices.rows()) {
            if (covered.add(row.provider() + '\u0000' + row.model())) {
                add(byModel, new Offer(row.model(), row.provider(), row.vendorModel(), Set.of(), null, row, Listing.PRICED_ONLY));
            }
        }
        List<CanonicalModel> models = new ArrayList<>();
        byModel.forEach((id, offers) -> {
            offers.sort(Comparator.comparing(Offer::provider));
            models.add(new CanonicalModel(id, offers));
        });
        return new Catalog(models, problems);
    }

    /** Whether a listed id names the declared model: its vendor name, canonical id, or the vendor name without a {@code google/} style prefix. */
    private static boolean names(ModelInfo model, String listed) {
        String vendor = model.vendorModel();
        return listed.equals(vendor) || listed.equals(model.id()) || listed.equals(vendor.substring(vendor.lastIndexOf('/') + 1));
    }

    /** Vendor names that some module maps to a canonical id, so a listed-only model lands under the right id. */
    private static Map<String, String> canonicalNames(Collection<ProviderFactory> factories) {
        Map<String, String> out = new LinkedHashMap<>();
        for (ProviderFactory f : factories) {
            for (ModelInfo m : f.models().models()) {
                out.putIfAbsent(m.vendorModel(), m.id());
                out.putIfAbsent(m.id(), m.id());
            }
        }
        return out;
    }

    private static void add(Map<String, List<Offer>> byModel, Offer offer) {
        byModel.computeIfAbsent(offer.model(), k -> new ArrayList<>()).add(offer);
    }

    private static boolean isUnsupported(Throwable e) {
        return e instanceof JunctionException je && je.kind() == ErrorKind.UNSUPPORTED_FEATURE;
    }

    private static String describe(Throwable e) {
        if (e instanceof JunctionException je) {
            return je.getMessage() + je.hint().map(h -> " (" + h + ")").orElse("");
        }
        return e.getClass().getSimpleName();
    }
}

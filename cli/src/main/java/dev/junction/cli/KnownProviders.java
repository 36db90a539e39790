package dev.junction.cli;

import dev.junction.Junction;
import dev.junction.cost.Price;
import dev.junction.error.JunctionException;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one answer to "is this a provider id the commands know?" for {@code compare}, {@code prices}
 * and {@code models}: an installed provider (every price row names one).
 *
 * <p>The ids come from {@code Junction.providerIds()} and the price rows, never from
 * {@code Junction.providers()}: that configures every provider from the environment, so one
 * vendor's bad variable (say {@code ACEDATA_BASE_URL=::garbage}) would break commands about another.
 */
final class KnownProviders {
    private KnownProviders() {
    }

    /** Every known provider id, sorted. */
    static Set<String> of(Junction junction) {
        Set<String> ids = new TreeSet<>(junction.providerIds());
        junction.prices().rows().stream().map(Price::provider).forEach(ids::add);
        return ids;
    }

    /**
     * Returns quietly when the id is known.
     *
     * @throws JunctionException CONFIGURATION for an unknown id, the hint listing the known ones
     */
    static void check(Junction junction, String id) {
        Set<String> known = of(junction);
        if (!known.contains(id)) {
            throw JunctionException.configuration(id, "no provider or price row has the id '" + id + "'",
                    "known providers: " + String.join(", ", known) + "; 'junction providers' lists the installed ones");
        }
    }
}

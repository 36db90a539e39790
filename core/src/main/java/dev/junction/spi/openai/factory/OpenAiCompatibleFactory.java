package dev.junction.spi.openai.factory;

import dev.junction.internal.openai.OpenAiCompatibleProvider;
import dev.junction.spi.openai.Dialect;
import dev.junction.spi.openai.VendorProfile;
import dev.junction.cost.Price;
import dev.junction.catalog.ProviderModels;
import dev.junction.spi.Provider;
import dev.junction.spi.ProviderContext;
import dev.junction.spi.ProviderFactory;
import java.util.List;

/**
 * A base for vendor factories: a vendor module subclasses it with its profile and dialect, and
 * registers the subclass as a {@link ProviderFactory} service.
 */
public abstract class OpenAiCompatibleFactory implements ProviderFactory {
    private final VendorProfile profile;
    private final Dialect dialect;

    /** Binds the vendor's data and hooks. */
    protected OpenAiCompatibleFactory(VendorProfile profile, Dialect dialect) {
        this.profile = profile;
        this.dialect = dialect;
    }

    /** The vendor's profile. */
    public VendorProfile profile() {
        return profile;
    }

    @Override
    public String id() {
        return profile.id();
    }

    @Override
    public String displayName() {
        return profile.displayName();
    }

    @Override
    public List<Price> builtInPrices() {
        return profile.prices();
    }

    @Override
    public String pricesNote() {
        return profile.pricesNote();
    }

    @Override
    public ProviderModels catalog() {
        return profile.catalog();
    }

    @Override
    public Provider create(ProviderContext context) {
        return new OpenAiCompatibleProvider(profile, dialect, context);
    }
}

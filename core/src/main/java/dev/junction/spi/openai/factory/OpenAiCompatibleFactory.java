package dev.junction.spi.openai.factory;

import dev.junction.catalog.ProviderModels;
import dev.junction.cost.Price;
import dev.junction.internal.openai.OpenAiCompatibleProvider;
import dev.junction.internal.openai.declarative.DeclarativeDialect;
import dev.junction.spi.Provider;
import dev.junction.spi.ProviderContext;
import dev.junction.spi.ProviderFactory;
import dev.junction.spi.openai.Dialect;
import dev.junction.spi.openai.VendorProfile;
import java.util.List;
import java.util.Objects;

/**
 * A base for vendor factories: a vendor module subclasses it with its profile and dialect, and
 * registers the subclass as a {@link ProviderFactory} service. Everything else (the catalog, the
 * prices, creating the provider on core's engine) comes from the profile. A vendor whose wire
 * differences are all data passes only its profile, and gets the {@linkplain #declaredDialect
 * declared dialect}.
 *
 * <pre>{@code
 * public final class ExampleProviderFactory extends OpenAiCompatibleFactory {
 *     public ExampleProviderFactory() {
 *         super(VendorProfile.read(ExampleProviderFactory.class.getResourceAsStream("example.json"), "example.json"),
 *                 new ExampleDialect());
 *     }
 * }
 * }</pre>
 */
public abstract class OpenAiCompatibleFactory implements ProviderFactory {
    private final VendorProfile profile;
    private final Dialect dialect;

    /**
     * Binds the vendor's data and hooks. The profile's dialect fields ({@link VendorProfile#dialectFields()})
     * act only through {@link #declaredDialect}: a dialect given here that should honour them
     * delegates to it for the hooks it does not write itself.
     */
    protected OpenAiCompatibleFactory(VendorProfile profile, Dialect dialect) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
    }

    /** Binds the vendor's data, its wire habits included: the dialect is {@link #declaredDialect(VendorProfile)}. */
    protected OpenAiCompatibleFactory(VendorProfile profile) {
        this(profile, declaredDialect(profile));
    }

    /**
     * The dialect the profile's dialect fields describe (credential header, media part shape,
     * reply field names, error envelope); with none declared it behaves as {@link Dialect#OPENAI}.
     * Stateless and thread-safe, like every dialect.
     */
    public static Dialect declaredDialect(VendorProfile profile) {
        return new DeclarativeDialect(profile.dialectFields());
    }

    /** The vendor's profile. */
    public VendorProfile profile() {
        return profile;
    }

    /** The vendor's hooks; the conformance kit and the quirk matrix call them with sample inputs. */
    public Dialect dialect() {
        return dialect;
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
    public List<String> apiKeyEnvFallbacks() {
        return profile.apiKeyEnvFallbacks();
    }

    @Override
    public String pricesNote() {
        return profile.pricesNote();
    }

    @Override
    public ProviderModels models() {
        return profile.models();
    }

    /** Creates the provider on core's OpenAI-compatible engine; makes no network call. */
    @Override
    public final Provider create(ProviderContext context) {
        return new OpenAiCompatibleProvider(profile, dialect, context);
    }
}

package dev.junction;

import dev.junction.catalog.CreditBalance;
import dev.junction.catalog.ProviderModels;
import dev.junction.catalog.ProviderView;
import dev.junction.catalog.RemoteModel;
import dev.junction.spi.Provider;
import dev.junction.spi.ProviderSettings;
import io.vertx.core.Future;
import java.net.URI;
import java.util.List;

/** The user's view of a provider the SPI created: the same answers, with no way to reach the SPI type. */
final class InstalledProvider implements ProviderView {
    private final Provider provider;
    private final ProviderSettings settings;

    InstalledProvider(Provider provider, ProviderSettings settings) {
        this.provider = provider;
        this.settings = settings;
    }

    @Override
    public String id() {
        return provider.id();
    }

    @Override
    public String displayName() {
        return provider.displayName();
    }

    @Override
    public URI baseUrl() {
        return provider.baseUrl();
    }

    @Override
    public ProviderModels models() {
        return provider.models();
    }

    @Override
    public String apiKeyEnvVar() {
        return settings.apiKeyEnvVar();
    }

    @Override
    public List<String> apiKeyEnvFallbacks() {
        return settings.apiKeyEnvFallbacks();
    }

    @Override
    public boolean hasApiKey() {
        return settings.apiKey() != null;
    }

    @Override
    public Future<CreditBalance> credits() {
        return provider.credits();
    }

    @Override
    public Future<List<RemoteModel>> remoteModels() {
        return provider.remoteModels();
    }

    @Override
    public String toString() {
        return provider.toString();
    }
}

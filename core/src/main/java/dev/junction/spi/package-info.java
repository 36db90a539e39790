/**
 * The service a vendor module provides: a {@link dev.junction.spi.ProviderFactory}, registered in
 * {@code module-info.java} ({@code provides dev.junction.spi.ProviderFactory with …}) and in
 * {@code META-INF/services/dev.junction.spi.ProviderFactory}, which creates a
 * {@link dev.junction.spi.Provider} from a {@link dev.junction.spi.ProviderContext}: the Vert.x
 * instance, the shared {@link dev.junction.spi.HttpTransport}, the resolved
 * {@link dev.junction.spi.ProviderSettings} and the price book. The {@link dev.junction.spi.ApiKey}
 * never prints itself.
 *
 * <p>Vendors that speak an OpenAI-compatible dialect do not implement these by hand: they extend
 * {@link dev.junction.spi.openai.factory.OpenAiCompatibleFactory} and reuse core's engine. Users never
 * import this package.
 */
package dev.junction.spi;

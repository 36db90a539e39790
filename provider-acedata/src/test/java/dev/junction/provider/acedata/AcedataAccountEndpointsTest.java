package dev.junction.provider.acedata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.spi.Provider;
import dev.junction.testkit.ConformanceBase;
import dev.junction.testkit.VendorDeclaration;
import io.vertx.core.Future;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** acedata's doc names neither a balance nor a model-list endpoint, so both are refused without a request. */
class AcedataAccountEndpointsTest extends ConformanceBase {

    @Override
    protected VendorDeclaration vendor() {
        return AcedataVendor.DECLARATION;
    }

    static Stream<Arguments> endpoints() {
        return Stream.of(
                Arguments.of("credit-balance", (Function<Provider, Future<?>>) Provider::credits),
                Arguments.of("model-list", (Function<Provider, Future<?>>) Provider::remoteModels));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void refusesAnUndocumentedEndpointWithoutARequest(String name, Function<Provider, Future<?>> endpoint) {
        Provider provider = junction().provider(configString(null, TEST_KEY));

        JunctionException e = assertThrows(JunctionException.class, () -> await(endpoint.apply(provider)));

        assertEquals(ErrorKind.UNSUPPORTED_FEATURE, e.kind());
        assertEquals("acedata", e.provider());
        assertEquals("acedata documents no " + name + " endpoint", e.getMessage());
        assertEquals(List.of(), stub().requests(), "nothing may be sent for an endpoint the vendor does not have");
    }
}

package dev.junction.testkit;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.junction.catalog.ProviderView;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The account endpoints ({@link ProviderView#credits()}, {@link ProviderView#remoteModels()}): an
 * undocumented one is refused without a request; a documented one needs a key before any request,
 * is an authenticated GET on the documented path, and maps the vendor's error envelope like chat.
 */
public abstract class AccountEndpointConformance extends ConformanceBase {

    /** One endpoint: its name in messages, the call, the documented path if any, and a minimal valid reply. */
    private record Endpoint(String name, Function<ProviderView, Future<?>> call, Optional<String> path, String minimalReply) {
    }

    private List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("credit-balance", ProviderView::credits, vendor().creditsPath(), "{\"credits\":1}"),
                new Endpoint("model-list", ProviderView::remoteModels, vendor().modelsPath(), "{\"object\":\"list\",\"data\":[]}"));
    }

    private ProviderView provider(String key) {
        return key == null
                ? junction().provider(vendor().id() + "?baseUrl=" + encode(stubBaseUrl()))
                : junction().provider(configString(null, key));
    }

    /** Skips (visibly) a check that has nothing to check for this vendor, rather than passing empty. */
    private void assumeSome(boolean documented) {
        assumeTrue(endpoints().stream().anyMatch(e -> e.path().isPresent() == documented),
                vendor().id() + (documented ? " documents no account endpoint" : " documents every account endpoint"));
    }

    @Test
    void anUndocumentedEndpointIsRefusedWithoutARequest() {
        assumeSome(false);
        for (Endpoint endpoint : endpoints()) {
            if (endpoint.path().isPresent()) {
                continue;
            }
            JunctionException e = assertThrows(JunctionException.class, () -> await(endpoint.call().apply(provider(TEST_KEY))));
            assertEquals(ErrorKind.UNSUPPORTED_FEATURE, e.kind(), endpoint.name());
            assertEquals(vendor().id() + " documents no " + endpoint.name() + " endpoint", e.getMessage());
        }
        assertEquals(List.of(), stub().requests(), "nothing may be sent for an endpoint the vendor does not have");
    }

    @Test
    void aDocumentedEndpointNeedsAKeyBeforeAnyRequest() {
        assumeSome(true);
        for (Endpoint endpoint : endpoints()) {
            endpoint.path().ifPresent(path -> {
                stub().reply(path, 200, endpoint.minimalReply(), VendorStub.JSON);
                JunctionException e = assertThrows(JunctionException.class, () -> await(endpoint.call().apply(provider(null))));
                assertEquals(ErrorKind.CONFIGURATION, e.kind(), endpoint.name());
                assertEquals(vendor().id(), e.provider());
                assertTrue(e.hint().orElse("").contains(vendor().apiKeyEnvVar()), () -> endpoint.name() + " hint: " + e.hint());
            });
        }
        assertEquals(List.of(), stub().requests(), "no request may leave without a key");
    }

    @Test
    void aDocumentedEndpointIsAnAuthenticatedGetOnTheDocumentedPath() {
        assumeSome(true);
        for (Endpoint endpoint : endpoints()) {
            endpoint.path().ifPresent(path -> {
                stub().reply(path, 200, endpoint.minimalReply(), VendorStub.JSON);
                await(endpoint.call().apply(provider(TEST_KEY)));
                List<LoggedRequest> requests = stub().requests();
                LoggedRequest request = requests.get(requests.size() - 1);
                assertAll(endpoint.name(),
                        () -> assertEquals("GET", request.getMethod().getName(), "method"),
                        () -> assertEquals(path, request.getUrl(), "path"),
                        () -> assertEquals(vendor().authValue(TEST_KEY), request.getHeader(vendor().authHeader()), vendor().authHeader()),
                        () -> assertEquals(0, request.getBody().length, "a GET carries no body"));
            });
        }
    }

    @Test
    void aDocumentedEndpointReadsTheVendorsErrorEnvelopeWithoutEchoingTheKey() {
        assumeSome(true);
        for (Endpoint endpoint : endpoints()) {
            endpoint.path().ifPresent(path -> {
                stub().reply(path, 401, vendor().errorEnvelope().apply("invalid_key_" + vendor().id(),
                        "Invalid key " + TEST_KEY), VendorStub.JSON);
                JunctionException e = assertThrows(JunctionException.class, () -> await(endpoint.call().apply(provider(TEST_KEY))));
                assertEquals(ErrorKind.AUTHENTICATION, e.kind(), endpoint.name() + ": a 401 is an authentication failure");
                assertEquals(vendor().id(), e.provider());
                assertTrue(e.getMessage().contains("Invalid key"), e.getMessage());
                assertFalse(e.getMessage().contains(TEST_KEY), "the key is scrubbed from the vendor's text: " + e.getMessage());
            });
        }
    }
}

package dev.junction.provider.yisu;

import static dev.junction.testkit.ApiKeyCanaryConformance.CANARY;
import static dev.junction.testkit.ApiKeyCanaryConformance.assertNoCanary;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.junction.Junction;
import dev.junction.catalog.Catalog;
import dev.junction.catalog.Listing;
import dev.junction.catalog.Offer;
import dev.junction.catalog.ProviderView;
import dev.junction.catalog.RemoteModel;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.testkit.ConformanceBase;
import dev.junction.testkit.Fixtures;
import dev.junction.testkit.MalformedReplyConformance;
import dev.junction.testkit.VendorDeclaration;
import dev.junction.testkit.VendorStub;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** yisu's 获取模型列表 endpoint, {@code GET /v1/models}, served the doc's reply and error bodies verbatim. */
class YisuRemoteModelsTest extends ConformanceBase {
    private static final String MODELS_PATH = "/v1/models";

    @Override
    protected VendorDeclaration vendor() {
        return YisuVendor.DECLARATION;
    }

    private ProviderView provider() {
        return junction().provider(configString(null, TEST_KEY));
    }

    private void serve(int status, byte[] body, Map<String, String> headers) {
        stub().reply(MODELS_PATH, status, body, headers);
    }

    private JunctionException failure() {
        JunctionException e = assertThrows(JunctionException.class, () -> await(provider().remoteModels()));
        assertEquals("yisu", e.provider());
        assertEquals(1, stub().requests().size(), "exactly one request per call");
        return e;
    }

    @Test
    void listsTheDocumentedModelWithAnAuthenticatedGet() {
        serve(200, Fixtures.bytes(getClass(), "fixtures/models-reply.json"), VendorStub.JSON);

        List<RemoteModel> models = await(provider().remoteModels());

        assertEquals(List.of(new RemoteModel("gemini-3-pro-image-preview", "google", 1779778659L)), models);
        LoggedRequest request = stub().onlyRequest();
        assertAll(
                () -> assertEquals("GET", request.getMethod().getName(), "method"),
                () -> assertEquals(MODELS_PATH, request.getUrl(), "path"),
                () -> assertEquals("Bearer " + TEST_KEY, request.getHeader("Authorization"), "Authorization header"),
                () -> assertEquals("application/json", request.getHeader("Accept"), "Accept header"),
                () -> assertEquals(0, request.getBody().length, "a GET carries no body"));
    }

    @Test
    void theLiveListMergesIntoTheCatalogOnRequest() {
        serve(200, Fixtures.bytes(getClass(), "fixtures/models-reply.json"), VendorStub.JSON);
        Map<String, String> env = Map.of("YISU_API_KEY", TEST_KEY, "YISU_BASE_URL", stubBaseUrl());
        try (Junction junction = newJunction(env)) {
            Catalog catalog = await(junction.remoteCatalog(Set.of("yisu")));

            Offer offer = catalog.find("gemini-3-pro-image-preview").orElseThrow().offers().get(0);
            assertEquals("yisu", offer.provider());
            assertEquals("google/gemini-3-pro-image-preview", offer.vendorModel(), "the module's wire name is kept");
            assertEquals(Listing.DECLARED_AND_LISTED, offer.listing(), "the doc lists it without the google/ prefix");
            assertTrue(catalog.problems().isEmpty(), catalog.problems().toString());
            assertEquals(MODELS_PATH, stub().onlyRequest().getUrl());
        }
    }

    @Test
    void aCatalogWhoseListFailsKeepsTheDeclaredModelsAndSaysWhy() {
        serve(401, Fixtures.bytes(getClass(), "fixtures/error-invalid-api-key.json"), VendorStub.JSON);
        Map<String, String> env = Map.of("YISU_API_KEY", TEST_KEY, "YISU_BASE_URL", stubBaseUrl());
        try (Junction junction = newJunction(env)) {
            Catalog catalog = await(junction.remoteCatalog(Set.of("yisu")));

            assertEquals(Listing.DECLARED, catalog.offers("yisu").get(0).listing());
            assertEquals(1, catalog.problems().size());
            assertTrue(catalog.problems().get(0).startsWith("yisu: ") && catalog.problems().get(0).contains("Invalid API key"),
                    catalog.problems().toString());
            assertFalse(catalog.problems().get(0).contains(TEST_KEY), "the key is never echoed");
        }
    }

    @ParameterizedTest(name = "base URL ending in \"{0}\"")
    @ValueSource(strings = {"/", "//"})
    void hitsTheDocumentedPathWhenTheBaseUrlEndsInSlashes(String ending) {
        serve(200, Fixtures.bytes(getClass(), "fixtures/models-reply.json"), VendorStub.JSON);
        String config = "yisu?apiKey=" + TEST_KEY + "&baseUrl=" + encode(stubBaseUrl() + ending);

        assertEquals(1, await(junction().provider(config).remoteModels()).size());

        assertEquals(MODELS_PATH, stub().onlyRequest().getUrl());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "401, invalid_api_key, AUTHENTICATION, Invalid API key., fixtures/error-invalid-api-key.json",
        "429, rate_limit_exceeded, RATE_LIMITED, Rate limit exceeded., fixtures/error-rate-limit-exceeded.json"
    })
    void mapsTheDocumentedErrorRepliesAsChatDoes(int status, String code, ErrorKind kind, String message, String fixture) {
        serve(status, Fixtures.bytes(getClass(), fixture), Map.of("Content-Type", "application/json", "Retry-After", "9"));

        JunctionException e = failure();

        assertAll(
                () -> assertEquals(kind, e.kind()),
                () -> assertEquals(Optional.of(code), e.vendorCode()),
                () -> assertEquals(OptionalInt.of(status), e.httpStatus()),
                () -> assertTrue(e.getMessage().contains(message), e::getMessage),
                () -> assertEquals(Optional.of(Duration.ofSeconds(9)), e.retryAfter()));
    }

    @Test
    void pointsAnInvalidKeyAtTheEnvironmentVariable() {
        serve(401, Fixtures.bytes(getClass(), "fixtures/error-invalid-api-key.json"), VendorStub.JSON);

        JunctionException e = failure();

        assertEquals(ErrorKind.AUTHENTICATION, e.kind());
        assertFalse(e.retryable());
        assertTrue(e.hint().orElse("").contains("YISU_API_KEY"), () -> "hint: " + e.hint());
    }

    @Test
    void mapsAnNginxHtml502ToARetryableServerError() {
        serve(502, MalformedReplyConformance.NGINX_502.getBytes(StandardCharsets.UTF_8), VendorStub.HTML);

        JunctionException e = failure();

        assertAll(
                () -> assertEquals(ErrorKind.SERVER_ERROR, e.kind()),
                () -> assertTrue(e.retryable()),
                () -> assertTrue(e.getMessage().contains("502 Bad Gateway"), e::getMessage),
                () -> assertFalse(e.getMessage().contains("<"), e::getMessage));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"object\":\"list\"}", "{\"object\":\"list\",\"data\":null}", "{\"data\":{\"id\":\"m\"}}", "[]"})
    void failsWithProtocolNamingTheEndpointWhenTheDataArrayIsMissing(String body) {
        serve(200, body.getBytes(StandardCharsets.UTF_8), VendorStub.JSON);

        JunctionException e = failure();

        assertAll(
                () -> assertEquals(ErrorKind.PROTOCOL, e.kind()),
                () -> assertTrue(e.getMessage().contains("GET /v1/models"), e::getMessage),
                () -> assertTrue(e.getMessage().contains("\"data\" array"), e::getMessage),
                () -> assertTrue(e.getMessage().contains(body), () -> "what came back should be quoted: " + e.getMessage()));
    }

    @Test
    void cutsALongReplyWithoutDataShortInTheMessage() {
        String body = "{\"object\":\"list\",\"note\":\"" + "很长".repeat(5000) + "\"}";
        serve(200, body.getBytes(StandardCharsets.UTF_8), VendorStub.JSON);

        JunctionException e = failure();

        assertEquals(ErrorKind.PROTOCOL, e.kind());
        assertTrue(e.getMessage().length() < 400, () -> "message too long: " + e.getMessage().length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{\"object\":\"list\",\"data\":["})
    void failsWithProtocolForAnEmptyOrBrokenBodyWithHttp200(String body) {
        serve(200, body.getBytes(StandardCharsets.UTF_8), VendorStub.JSON);

        JunctionException e = failure();

        assertEquals(ErrorKind.PROTOCOL, e.kind());
        assertEquals(OptionalInt.of(200), e.httpStatus());
    }

    // The key canary at the model list, which the kit's canary (chat only) does not reach.

    @Test
    void scrubsTheKeyWhenTheModelListEchoesItInAnError() {
        stub().reply("/v1/models", 401, YisuVendor.errorBody("invalid_api_key", "Incorrect API key provided: " + CANARY + "."),
                VendorStub.JSON);

        JunctionException e = assertThrows(JunctionException.class,
                () -> await(junction().provider(configString(null, CANARY)).remoteModels()));

        assertEquals("Bearer " + CANARY, stub().onlyRequest().getHeader("Authorization"), "the canary must reach the vendor");
        assertEquals(ErrorKind.AUTHENTICATION, e.kind());
        assertTrue(e.getMessage().contains("Incorrect API key provided: ****"), () -> "the echo should be masked, not dropped: " + e.getMessage());
        assertNoCanary(e);
    }

    @Test
    void scrubsTheKeyFromAModelListWithoutData() {
        stub().reply("/v1/models", 200, "{\"object\":\"list\",\"debug\":\"Authorization: Bearer " + CANARY + "\"}", VendorStub.JSON);

        JunctionException e = assertThrows(JunctionException.class,
                () -> await(junction().provider(configString(null, CANARY)).remoteModels()));

        assertEquals(ErrorKind.PROTOCOL, e.kind());
        assertTrue(e.getMessage().contains("Bearer ****"), e::getMessage);
        assertNoCanary(e);
    }
}

package dev.junction.internal.openai.account;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.junction.Engines;
import dev.junction.Junction;
import dev.junction.catalog.CreditBalance;
import dev.junction.catalog.RemoteModel;
import dev.junction.cost.PriceBook;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.internal.openai.OpenAiCompatibleProvider;
import dev.junction.spi.ApiKey;
import dev.junction.spi.HttpCall;
import dev.junction.spi.HttpReply;
import dev.junction.spi.HttpResponseStream;
import dev.junction.spi.HttpTransport;
import dev.junction.spi.Provider;
import dev.junction.spi.ProviderContext;
import dev.junction.spi.ProviderSettings;
import dev.junction.spi.openai.Dialect;
import dev.junction.spi.openai.VendorProfile;
import dev.junction.spi.openai.factory.OpenAiCompatibleFactory;
import dev.junction.testing.Futures;
import dev.junction.testing.TestProfiles;
import dev.junction.testing.TestVendorFactory;
import dev.junction.testing.VendorServer;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine's balance and model-list calls, for any vendor whose profile names them. */
class AccountEndpointsTest {

    /** The test vendor's profile with a balance and a model-list endpoint. */
    private static VendorProfile withBothEndpoints() {
        return TestProfiles.edited(root -> root.putObject("endpoints").put("credits", "/v1/credits").put("models", "/v1/models"));
    }

    private WireMockServer wire;
    private Junction junction;

    @BeforeEach
    void start() {
        wire = new WireMockServer(options().dynamicPort());
        wire.start();
    }

    @AfterEach
    void stop() {
        if (junction != null) {
            junction.close();
        }
        wire.stop();
    }

    /** The test vendor with both endpoints and the given dialect, pointed at WireMock. */
    private Provider provider(Dialect dialect) {
        VendorProfile withEndpoints = withBothEndpoints();
        OpenAiCompatibleFactory factory = new OpenAiCompatibleFactory(withEndpoints, dialect) {
        };
        junction = Junction.builder().environment(name -> null).factories(List.of(factory)).build();
        return Engines.of(junction, TestVendorFactory.ID + "?apiKey=" + VendorServer.KEY + "&baseUrl=" + wire.baseUrl());
    }

    @Test
    void sendsAGetWithTheSettingsTimeoutTheDialectsCredentialAndNoBody() {
        List<HttpCall> calls = new ArrayList<>();
        HttpTransport recording = new HttpTransport() {
            @Override
            public Future<HttpReply> send(HttpCall call) {
                calls.add(call);
                return Future.succeededFuture(new HttpReply(200, MultiMap.caseInsensitiveMultiMap(), Buffer.buffer("{\"data\":[]}")));
            }

            @Override
            public Future<HttpResponseStream> stream(HttpCall call, Duration firstByte, Duration idle, Future<Void> abandoned) {
                throw new AssertionError("not a stream");
            }
        };
        Dialect headerKey = new Dialect() {
            @Override
            public void authenticate(MultiMap headers, ApiKey key) {
                headers.set("X-Api-Key", key.reveal());
            }
        };
        ProviderSettings settings = ProviderSettings.builder(TestVendorFactory.ID).apiKey(ApiKey.of(VendorServer.KEY))
                .baseUrl(URI.create("https://vendor.example/api")).timeout(Duration.ofSeconds(42)).maxRetries(0)
                .connectTimeout(Duration.ofSeconds(3)).build();
        Vertx vertx = Vertx.vertx();
        try {
            Provider provider = new OpenAiCompatibleProvider(withBothEndpoints(), headerKey, ProviderContext.builder()
                    .vertx(vertx).transport(recording).settings(settings).prices(PriceBook.of(List.of())).build());

            assertEquals(List.of(), Futures.await(provider.remoteModels()));
        } finally {
            vertx.close();
        }
        HttpCall call = calls.get(0);
        assertAll(
                () -> assertEquals(1, calls.size()),
                () -> assertEquals(HttpMethod.GET, call.method()),
                () -> assertEquals(URI.create("https://vendor.example/api/v1/models"), call.uri()),
                () -> assertEquals(VendorServer.KEY, call.headers().get("X-Api-Key")),
                () -> assertNull(call.headers().get("Authorization"), "the dialect decides the credential header"),
                () -> assertEquals("application/json", call.headers().get("Accept")),
                () -> assertNull(call.body()),
                () -> assertEquals(Duration.ofSeconds(42), call.timeout()),
                () -> assertEquals(Duration.ofSeconds(3), call.connectTimeout(), "the config string's connectTimeout"),
                () -> assertEquals(AccountEndpoints.MAX_REPLY_BYTES, call.maxResponseBytes()));
    }

    @Test
    void wrapsAThrowingHookAsProtocolError() {
        Provider provider = provider(new Dialect() {
            @Override
            public boolean isErrorBody(JsonNode body) {
                throw new IllegalStateException("bug in a vendor module");
            }
        });
        wire.stubFor(get(urlEqualTo("/v1/credits")).willReturn(okJson("{\"credits\":1}")));

        JunctionException e = Futures.failure(provider.credits());

        assertEquals(ErrorKind.PROTOCOL, e.kind());
        assertEquals(TestVendorFactory.ID, e.provider());
        assertInstanceOf(IllegalStateException.class, e.getCause());
    }

    @Test
    void masksAKeyEchoedInASuccessfulBalanceReply() {
        Provider provider = provider(Dialect.OPENAI);
        wire.stubFor(get(urlEqualTo("/v1/credits")).willReturn(okJson("{\"credits\":\"5.00\",\"key\":\"" + VendorServer.KEY + "\"}")));

        CreditBalance credit = Futures.await(provider.credits());

        assertEquals(new java.math.BigDecimal("5.00"), credit.balance());
        assertEquals("{\"credits\":\"5.00\",\"key\":\"****\"}", credit.rawJson());
        assertFalse(credit.toString().contains(VendorServer.KEY), credit::toString);
    }

    @Test
    void mapsAnErrorEnvelopeSentWithHttp200ByItsCode() {
        Provider provider = provider(Dialect.OPENAI);
        wire.stubFor(get(urlEqualTo("/v1/models")).willReturn(okJson(
                "{\"error\":{\"code\":\"invalid_api_key\",\"message\":\"bad key\",\"type\":\"authentication_error\"}}")));

        JunctionException e = Futures.failure(provider.remoteModels());

        assertEquals(ErrorKind.AUTHENTICATION, e.kind());
        assertEquals("invalid_api_key", e.vendorCode().orElse(null));
        assertEquals("check TESTVENDOR_API_KEY", e.hint().orElse(null));
    }

    @Test
    void namesTheUrlWhenNothingAnswersThere() {
        Provider provider = provider(Dialect.OPENAI);
        wire.stubFor(get(urlEqualTo("/v1/credits")).willReturn(aResponse().withStatus(404).withBody("Not Found")));

        JunctionException e = Futures.failure(provider.credits());

        assertEquals(ErrorKind.CONFIGURATION, e.kind());
        assertTrue(e.hint().orElse("").contains(wire.baseUrl() + "/v1/credits"), () -> e.hint().toString());
    }

    @Test
    void skipsModelsWithoutAStringIdAndKeepsTheOrder() {
        Provider provider = provider(Dialect.OPENAI);
        wire.stubFor(get(urlEqualTo("/v1/models")).willReturn(okJson("""
                {"object":"list","data":[
                  {"id":"b-model","object":"model","created":"1700000000","owned_by":"vendor"},
                  {"id":42,"object":"model"},
                  {"object":"model","owned_by":"nobody"},
                  "a-string",
                  {"id":"a-model","created":1.5,"owned_by":null,"extra":{"x":1}}
                ]}""")));

        List<RemoteModel> models = Futures.await(provider.remoteModels());

        assertEquals(List.of(new RemoteModel("b-model", "vendor", 1_700_000_000L), new RemoteModel("a-model", null, null)), models);
    }
}

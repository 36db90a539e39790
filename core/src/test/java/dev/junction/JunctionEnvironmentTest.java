package dev.junction;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.junction.chat.ChatModel;
import dev.junction.chat.ChatRequest;
import dev.junction.cost.Price;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.spi.ProviderFactory;
import dev.junction.spi.ProviderSettings;
import dev.junction.testing.Futures;
import dev.junction.testing.TestVendorFactory;
import dev.junction.testing.VendorServer;
import java.math.BigDecimal;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How Junction fills settings from the environment, and how it fails before any network call. */
class JunctionEnvironmentTest {
    private final Map<String, String> env = new HashMap<>();
    private WireMockServer wire;
    private Junction junction;

    @BeforeEach
    void start() {
        wire = new WireMockServer(options().dynamicPort());
        wire.start();
        wire.stubFor(post(urlEqualTo(TestVendorFactory.CHAT_PATH)).willReturn(okJson(VendorServer.okBody("好的"))));
    }

    @AfterEach
    void stop() {
        if (junction != null) {
            junction.close();
        }
        wire.stop();
    }

    private Junction junction(ProviderFactory... factories) {
        junction = Junction.builder().environment(env::get).factories(List.of(factories)).build();
        return junction;
    }

    @ParameterizedTest
    @CsvSource({
        "acedata, ACEDATA_API_KEY",
        "my-vendor.x, MY_VENDOR_X_API_KEY",
        "v2_beta, V2_BETA_API_KEY",
        "9lives, 9LIVES_API_KEY"
    })
    void namesEnvironmentVariablesAfterTheUpperCasedId(String id, String expected) {
        assertEquals(expected, ProviderSettings.envVar(id, "API_KEY"));
        assertEquals(expected.replace("API_KEY", "BASE_URL"), ProviderSettings.defaults(id).baseUrlEnvVar());
    }

    @Test
    void takesTheKeyAndBaseUrlFromTheEnvironment() {
        env.put("ACEDATA_API_KEY", "env-key-1");
        env.put("ACEDATA_BASE_URL", wire.baseUrl() + "/");
        ChatModel model = junction(new TestVendorFactory("acedata")).chatModel("acedata:gemini-2.5-pro");

        assertEquals("好的", Futures.await(model.chat("你好")).text());
        wire.verify(1, postRequestedFor(urlEqualTo(TestVendorFactory.CHAT_PATH))
                .withHeader("Authorization", equalTo("Bearer env-key-1")));
    }

    @Test
    void normalisesTheIdWhenReadingTheEnvironment() {
        env.put("MY_VENDOR_X_API_KEY", "env-key-2");
        env.put("MY_VENDOR_X_BASE_URL", wire.baseUrl());
        ChatModel model = junction(new TestVendorFactory("my-vendor.x")).chatModel("my-vendor.x:gemini-2.5-pro");

        Futures.await(model.chat("你好"));
        wire.verify(1, postRequestedFor(urlEqualTo(TestVendorFactory.CHAT_PATH))
                .withHeader("Authorization", equalTo("Bearer env-key-2")));
    }

    @Test
    void prefersTheConfigStringKeyOverTheEnvironment() {
        env.put("ACEDATA_API_KEY", "env-key");
        env.put("ACEDATA_BASE_URL", "http://127.0.0.1:9");
        ChatModel model = junction(new TestVendorFactory("acedata"))
                .chatModel("acedata:gemini-2.5-pro?apiKey=config-key&baseUrl=" + wire.baseUrl());

        Futures.await(model.chat("你好"));
        wire.verify(1, postRequestedFor(urlEqualTo(TestVendorFactory.CHAT_PATH))
                .withHeader("Authorization", equalTo("Bearer config-key")));
    }

    @Test
    void prefersTheConfigStringBaseUrlOverTheEnvironment() {
        env.put("ACEDATA_BASE_URL", "https://from-env.example.com");
        Junction j = junction(new TestVendorFactory("acedata"));
        assertEquals(URI.create("https://config.example.com/v1"), j.provider("acedata?baseUrl=https://config.example.com/v1/").baseUrl());
        assertEquals(URI.create("https://from-env.example.com"), j.provider("acedata").baseUrl());
    }

    @Test
    void fallsBackToTheProfileBaseUrlWithoutTrailingSlash() {
        assertEquals(URI.create("https://api.testvendor.invalid"), junction(new TestVendorFactory()).provider("testvendor").baseUrl());
    }

    @Test
    void treatsABlankEnvironmentKeyAsMissing() {
        env.put("ACEDATA_API_KEY", "   ");
        JunctionException e = assertThrows(JunctionException.class,
                () -> junction(new TestVendorFactory("acedata")).chatModel("acedata:gemini-2.5-pro"));
        assertEquals(ErrorKind.CONFIGURATION, e.kind());
    }

    @Test
    void rejectsAnEnvironmentKeyWithALineBreakWithoutEchoingIt() {
        env.put("ACEDATA_API_KEY", "sk-canary\nsecond-line");
        JunctionException e = assertThrows(JunctionException.class,
                () -> junction(new TestVendorFactory("acedata")).chatModel("acedata:gemini-2.5-pro"));
        assertEquals(ErrorKind.CONFIGURATION, e.kind());
        assertTrue(e.getMessage().contains("ACEDATA_API_KEY"), e.getMessage());
        assertFalse(e.getMessage().contains("canary") || e.getMessage().contains("second-line"), e.getMessage());
    }

    @Test
    void doesNotEchoAKeyPastedWhereTheProviderIdGoes() {
        String pasted = "sk-canary-0123456789abcdef0123456789abcdef";
        JunctionException e = assertThrows(JunctionException.class, () -> junction(new TestVendorFactory("acedata")).chatModel(pasted));
        assertEquals(ErrorKind.CONFIGURATION, e.kind());
        assertFalse(e.getMessage().contains("canary"), e.getMessage());
        assertTrue(e.getMessage().contains("acedata"), "still lists the known ids: " + e.getMessage());
    }

    @Test
    void rejectsBadBuilderValuesBeforeStartingVertx() {
        JunctionException e = assertThrows(JunctionException.class,
                () -> Junction.builder().maxConnectionsPerHost(0).build());
        assertEquals(ErrorKind.CONFIGURATION, e.kind());
        assertTrue(e.getMessage().contains("maxConnectionsPerHost"), e.getMessage());
        assertThrows(JunctionException.class, () -> Junction.builder().connectTimeout(java.time.Duration.ZERO).build());
        assertThrows(JunctionException.class, () -> Junction.builder().maxResponseBytes(0).build());
    }

    @Test
    void rejectsABadBaseUrlFromTheEnvironment() {
        env.put("ACEDATA_API_KEY", "k");
        env.put("ACEDATA_BASE_URL", "ftp://files.example.com");
        JunctionException e = assertThrows(JunctionException.class,
                () -> junction(new TestVendorFactory("acedata")).chatModel("acedata:gemini-2.5-pro"));
        assertEquals(ErrorKind.CONFIGURATION, e.kind());
        assertTrue(e.getMessage().contains("baseUrl"), e.getMessage());
    }

    @Test
    void failsWithoutAKeyNamingTheVariableBeforeAnyNetworkCall() {
        env.put("MY_VENDOR_X_BASE_URL", wire.baseUrl());
        JunctionException e = assertThrows(JunctionException.class,
                () -> junction(new TestVendorFactory("my-vendor.x")).chatModel("my-vendor.x:gemini-2.5-pro"));
        assertEquals(ErrorKind.CONFIGURATION, e.kind());
        assertEquals("my-vendor.x", e.provider());
        assertTrue(e.hint().orElseThrow().contains("MY_VENDOR_X_API_KEY"), e.hint().orElseThrow());
        assertEquals(0, wire.getAllServeEvents().size());
    }

    @Test
    void providerWithoutAKeyFailsItsCallsBeforeAnyNetworkCall() {
        env.put("ACEDATA_BASE_URL", wire.baseUrl());
        JunctionException e = Futures.failure(Engines.of(junction(new TestVendorFactory("acedata")), "acedata")
                .chat(ChatRequest.builder().model("gemini-2.5-pro").user("你好").build()));
        assertEquals(ErrorKind.CONFIGURATION, e.kind());
        assertTrue(e.hint().orElseThrow().contains("ACEDATA_API_KEY"), e.hint().orElseThrow());
        assertEquals(0, wire.getAllServeEvents().size());
    }

    @Test
    void failsForAnUnknownIdListingTheKnownOnes() {
        Junction j = junction(new TestVendorFactory("acedata"), new TestVendorFactory("yisu"));
        JunctionException e = assertThrows(JunctionException.class, () -> j.chatModel("aivideoapi:gemini-2.5-pro?apiKey=k"));
        assertEquals(ErrorKind.CONFIGURATION, e.kind());
        assertTrue(e.getMessage().contains("unknown provider 'aivideoapi'"), e.getMessage());
        assertTrue(e.getMessage().contains("acedata, yisu"), e.getMessage());
    }

    @Test
    void namesAnUnknownIdBeforeLookingAtItsEnvironment() {
        env.put("AIVIDEOAPI_API_KEY", "has a space");
        Junction j = junction(new TestVendorFactory("acedata"));
        for (String config : List.of("aivideoapi", "aivideoapi:gemini-2.5-pro")) {
            JunctionException e = assertThrows(JunctionException.class, () -> j.provider(config));
            assertTrue(e.getMessage().contains("unknown provider 'aivideoapi'"), e.getMessage());
            JunctionException chat = assertThrows(JunctionException.class, () -> j.chatModel(config));
            assertTrue(chat.getMessage().contains("unknown provider 'aivideoapi'"), chat.getMessage());
        }
    }

    @Test
    void bindsTheConfigStringModelAsTheDefault() {
        ChatModel model = junction(new TestVendorFactory()).chatModel("testvendor:gemini-3-pro-image?apiKey=k&baseUrl=" + wire.baseUrl());
        assertEquals("testvendor", model.provider());
        assertEquals("gemini-3-pro-image", model.model());
        assertEquals("google/gemini-3-pro-image-preview", Futures.await(model.chat("画一只猫")).vendorModel());
    }

    @Test
    void listsProvidersWithoutAnyKey() {
        List<String> ids = junction(new TestVendorFactory("yisu"), new TestVendorFactory("acedata")).providers().stream()
                .map(p -> p.id()).toList();
        assertEquals(List.of("acedata", "yisu"), ids);
    }

    @Test
    void laysUserPricesOverBuiltInOnes() {
        junction = Junction.builder().environment(env::get).factories(List.of(new TestVendorFactory()))
                .price(new Price("testvendor", "gemini-2.5-pro", "gemini-2.5-pro", "USD",
                        BigDecimal.ONE, BigDecimal.TEN, null, "mine", null))
                .build();
        Price price = junction.prices().find("testvendor", "gemini-2.5-pro").orElseThrow();
        assertEquals("mine", price.source());
        assertFalse(junction.prices().rows().isEmpty());
    }
}

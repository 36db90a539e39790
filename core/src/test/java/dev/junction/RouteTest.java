package dev.junction;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.junction.chat.ChatModel;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.ChatResponse;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.quote.Quote;
import dev.junction.spi.openai.Dialect;
import dev.junction.spi.openai.factory.OpenAiCompatibleFactory;
import dev.junction.testing.Futures;
import dev.junction.testing.TestProfiles;
import dev.junction.testing.TestVendorFactory;
import dev.junction.testing.VendorServer;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Routes over three resellers of one model: cheap, dear and one without a price, each a WireMock server. */
class RouteTest {
    private final Map<String, WireMockServer> servers = new HashMap<>();
    private final Map<String, String> env = new HashMap<>();
    private Junction junction;

    /** The test vendor under {@code id}, at the given price per million tokens (none when {@code null}). */
    private static OpenAiCompatibleFactory vendor(String id, String inputPerMillion, String outputPerMillion) {
        return new OpenAiCompatibleFactory(TestProfiles.edited(root -> {
            root.put("id", id);
            root.remove("prices");
            if (inputPerMillion != null) {
                ObjectNode row = root.putArray("prices").addObject();
                row.put("model", "gemini-2.5-pro").put("currency", "USD").put("inputPerMillion", inputPerMillion)
                        .put("outputPerMillion", outputPerMillion).put("source", "test fixture");
            }
        }), Dialect.OPENAI) {
        };
    }

    @BeforeEach
    void start() {
        for (String id : List.of("cheap", "dear", "unpriced")) {
            WireMockServer server = new WireMockServer(options().dynamicPort());
            server.start();
            server.stubFor(post(urlEqualTo(TestVendorFactory.CHAT_PATH)).willReturn(okJson(VendorServer.okBody(id + " answered"))));
            servers.put(id, server);
            env.put(id.toUpperCase() + "_API_KEY", "k-" + id);
            env.put(id.toUpperCase() + "_BASE_URL", server.baseUrl());
        }
        junction = Junction.builder().environment(env::get)
                .factories(List.of(vendor("dear", "5", "20"), vendor("cheap", "0.5", "2"), vendor("unpriced", null, null)))
                .build();
    }

    @AfterEach
    void stop() {
        junction.close();
        servers.values().forEach(WireMockServer::stop);
    }

    private int calls(String id) {
        return servers.get(id).countRequestsMatching(anyRequestedFor(anyUrl()).build()).getCount();
    }

    private Quote quote(String id) {
        return junction.quote(ChatRequest.builder().model("gemini-2.5-pro").user("你好").build()).quotes().stream()
                .filter(q -> q.provider().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void cheapestSendsToTheCheapestQuoteAndSaysSo() {
        ChatResponse response = Futures.await(junction.route("gemini-2.5-pro", RoutePolicy.CHEAPEST, null).chat("你好"));
        assertEquals("cheap", response.provider());
        assertEquals(1, calls("cheap"));
        assertEquals(0, calls("dear") + calls("unpriced"));
        assertTrue(response.warnings().contains("route cheapest tried in this order: cheap, dear, unpriced"), response.warnings()::toString);
        assertTrue(response.warnings().stream().anyMatch(w -> w.startsWith("cheap quoted $")), response.warnings()::toString);
    }

    @Test
    void cheapestFallsToTheNextCheapestWhenTheCheapestFails() {
        servers.get("cheap").stubFor(post(urlEqualTo(TestVendorFactory.CHAT_PATH)).willReturn(aResponse().withStatus(503)));
        ChatResponse response = Futures.await(junction.chatModel("route:gemini-2.5-pro?policy=cheapest&maxRetries=0").chat("你好"));
        assertEquals("dear", response.provider());
        assertEquals(1, calls("cheap"));
        assertEquals("cheap", response.failedAttempts().get(0).provider());
    }

    @Test
    void aCeilingDropsWhatMayCostMoreAndWhatHasNoPrice() {
        BigDecimal between = quote("cheap").usd().high().add(quote("dear").usd().low()).divide(BigDecimal.valueOf(2));
        ChatResponse response = Futures.await(junction.route("gemini-2.5-pro", RoutePolicy.ORDERED, between).chat("你好"));
        assertEquals("cheap", response.provider(), "dear costs more than the ceiling, so the order's first is dropped");
        assertTrue(response.warnings().stream().anyMatch(w -> w.startsWith("dear dropped: quoted up to $")), response.warnings()::toString);
        assertTrue(response.warnings().stream().anyMatch(w -> w.startsWith("unpriced dropped: its price is unknown")),
                response.warnings()::toString);
    }

    @Test
    void aCeilingThatLeavesNothingSendsNothing() {
        BigDecimal tooLow = quote("cheap").usd().low().divide(BigDecimal.TEN);
        JunctionException e = Futures.failure(junction.route("gemini-2.5-pro", RoutePolicy.CHEAPEST, tooLow).chat("你好"));
        assertEquals(ErrorKind.INVALID_REQUEST, e.kind());
        assertTrue(e.getMessage().contains("leaves no provider to call") && e.getMessage().contains("cheap dropped: quoted up to $"),
                e.getMessage());
        assertEquals(0, calls("cheap") + calls("dear") + calls("unpriced"));
    }

    @Test
    void orderedFollowsTheProvidersGiven() {
        ChatModel route = junction.chatModel("route:gemini-2.5-pro?policy=ordered&providers=unpriced,cheap");
        assertEquals("unpriced", Futures.await(route.chat("你好")).provider());
        assertEquals(0, calls("dear"));
    }

    @Test
    void skipsProvidersWithoutAKey() {
        env.remove("CHEAP_API_KEY");
        ChatResponse response = Futures.await(junction.route("gemini-2.5-pro", RoutePolicy.CHEAPEST, null).chat("你好"));
        assertEquals("dear", response.provider());
        assertTrue(response.warnings().contains("cheap skipped: no API key; set CHEAP_API_KEY"), response.warnings()::toString);
    }

    @Test
    void skipsAProviderWhoseEnvironmentIsBroken() {
        env.put("CHEAP_API_KEY", "has a space");
        ChatResponse response = Futures.await(junction.route("gemini-2.5-pro", RoutePolicy.CHEAPEST, null).chat("你好"));
        assertEquals("dear", response.provider());
        assertTrue(response.warnings().stream().anyMatch(w -> w.startsWith("cheap skipped: ") && w.contains("CHEAP_API_KEY")),
                response.warnings()::toString);
    }

    @Test
    void fastestMeasuresEachProviderThenPrefersTheQuickest() {
        servers.get("cheap").stubFor(post(urlEqualTo(TestVendorFactory.CHAT_PATH))
                .willReturn(okJson(VendorServer.okBody("slow")).withFixedDelay(400)));
        ChatModel route = junction.chatModel("route:gemini-2.5-pro?policy=fastest&providers=cheap,dear");
        assertEquals("cheap", Futures.await(route.chat("你好")).provider(), "neither is measured: the order given");
        assertEquals("dear", Futures.await(route.chat("你好")).provider(), "dear is not measured yet, so it goes first");
        assertEquals("dear", Futures.await(route.chat("你好")).provider(), "both measured: dear answers faster");
        assertEquals(1, calls("cheap"));
        assertEquals(2, calls("dear"));
    }

    @Test
    void rejectsABadRouteStringBeforeAnyCall() {
        JunctionException policy = assertThrows(JunctionException.class, () -> junction.chatModel("route:gemini-2.5-pro?policy=random"));
        assertTrue(policy.getMessage().contains("policy 'random' is not ordered, cheapest or fastest"), policy.getMessage());
        JunctionException key = assertThrows(JunctionException.class, () -> junction.chatModel("route:gemini-2.5-pro?apiKey=x"));
        assertTrue(key.getMessage().contains("apiKey cannot be given to a whole route"), key.getMessage());
        JunctionException unknown = assertThrows(JunctionException.class, () -> junction.chatModel("route:gemini-9"));
        assertEquals(ErrorKind.MODEL_NOT_FOUND, unknown.kind());
        JunctionException price = assertThrows(JunctionException.class, () -> junction.chatModel("route:gemini-2.5-pro?maxPriceUsd=-1"));
        assertTrue(price.getMessage().contains("maxPriceUsd '-1' is not a positive amount"), price.getMessage());
    }
}

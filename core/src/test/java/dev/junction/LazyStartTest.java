package dev.junction;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.junction.chat.ChatRequest;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.testing.Futures;
import dev.junction.testing.TestVendorFactory;
import dev.junction.testing.VendorServer;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Vert.x starts at the first call, not with Junction (issue #14): what makes no call (listing,
 * prices, the catalog, quotes) starts no threads, which is most of the CLI's start.
 */
class LazyStartTest {

    private static Junction junction() {
        return Junction.builder().environment(Map.<String, String>of()::get).factories(List.of(new TestVendorFactory())).build();
    }

    @Test
    void listingPricesAndQuotesStartNothing() {
        try (Junction junction = junction()) {
            assertEquals(1, junction.providers().size());
            junction.prices();
            junction.catalog();
            junction.quote(ChatRequest.builder().model(VendorServer.MODEL).user("你好").build());
            assertFalse(junction.vertxStarted());
        }
    }

    @Test
    void theFirstCallStartsVertxOnceAndCloseStopsIt() {
        WireMockServer wire = new WireMockServer(options().dynamicPort());
        wire.start();
        try (Junction junction = junction()) {
            wire.stubFor(post(urlEqualTo(TestVendorFactory.CHAT_PATH)).willReturn(okJson(VendorServer.okBody("好的"))));
            var model = junction.chatModel(TestVendorFactory.ID + ":" + VendorServer.MODEL + "?apiKey=" + VendorServer.KEY
                    + "&baseUrl=" + wire.baseUrl());
            assertEquals("好的", Futures.await(model.chat("你好")).text());
            assertTrue(junction.vertxStarted());
            assertSame(junction.vertx(), junction.vertx());
        } finally {
            wire.stop();
        }
    }

    @Test
    void closedBeforeStartingItNeverStarts() {
        Junction junction = junction();
        junction.close();
        JunctionException error = assertThrows(JunctionException.class, junction::vertx);
        assertEquals(ErrorKind.NETWORK, error.kind());
        assertFalse(junction.vertxStarted());
    }

    @Test
    void aBorrowedVertxIsLeftRunning() {
        Vertx vertx = Vertx.vertx();
        try {
            Junction junction = Junction.builder().vertx(vertx).environment(Map.<String, String>of()::get).build();
            assertSame(vertx, junction.vertx());
            junction.close();
            assertEquals(1L, Futures.await(vertx.executeBlocking(() -> 1L)));
        } finally {
            vertx.close();
        }
    }
}

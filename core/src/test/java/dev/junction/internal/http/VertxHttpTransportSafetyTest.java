package dev.junction.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.junction.chat.ChatRequest;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.spi.HttpCall;
import dev.junction.spi.HttpReply;
import dev.junction.testing.Futures;
import dev.junction.testing.TestVendorFactory;
import dev.junction.testing.VendorServer;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Redirects are never followed, so the key cannot travel; refused connections are retryable network errors. */
class VertxHttpTransportSafetyTest {
    private VendorServer vendor;
    private WireMockServer elsewhere;

    @BeforeEach
    void start() {
        vendor = new VendorServer();
        elsewhere = new WireMockServer(options().dynamicPort());
        elsewhere.start();
        elsewhere.stubFor(any(anyUrl()).willReturn(okJson(VendorServer.okBody("stolen"))));
    }

    @AfterEach
    void stop() {
        try {
            vendor.close();
        } finally {
            elsewhere.stop();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 307, 308})
    void doesNotFollowARedirectToAnotherHost(int status) {
        String location = elsewhere.baseUrl() + TestVendorFactory.CHAT_PATH;
        vendor.reply(aResponse().withStatus(status).withHeader("Location", location));

        JunctionException e = vendor.fail(ChatRequest.of("你好"));

        assertEquals(ErrorKind.PROTOCOL, e.kind());
        assertEquals(status, e.httpStatus().orElseThrow());
        assertTrue(e.getMessage().contains(location), e.getMessage());
        assertEquals(1, vendor.requests());
        assertEquals(0, elsewhere.getAllServeEvents().size(), "the redirect target must never see the request");
    }

    @Test
    void handsARedirectBackAsAReply() {
        vendor.reply(aResponse().withStatus(302).withHeader("Location", elsewhere.baseUrl() + "/x"));
        VertxHttpTransport transport = new VertxHttpTransport(vendor.junction().vertx(), TransportOptions.defaults());
        try {
            MultiMap headers = MultiMap.caseInsensitiveMultiMap().set("Authorization", "Bearer " + VendorServer.KEY);
            HttpReply reply = Futures.await(transport.send(new HttpCall("testvendor", HttpMethod.POST,
                    URI.create(vendor.wire().baseUrl() + TestVendorFactory.CHAT_PATH), headers,
                    Buffer.buffer("{}"), Duration.ofSeconds(5), null, null)));
            assertEquals(302, reply.status());
            assertEquals(elsewhere.baseUrl() + "/x", reply.headers().get("Location"));
            assertEquals(0, reply.body().length());
        } finally {
            transport.close();
        }
        assertEquals(0, elsewhere.getAllServeEvents().size());
    }

    @Test
    void reportsARefusedConnectionAsARetryableNetworkError() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        JunctionException e = Futures.failure(vendor.junction()
                .chatModel("testvendor:gemini-2.5-pro?apiKey=" + VendorServer.KEY + "&baseUrl=http://127.0.0.1:" + port)
                .chat("你好"));
        assertEquals(ErrorKind.NETWORK, e.kind());
        assertTrue(e.retryable());
        assertTrue(e.getMessage().contains("http://127.0.0.1:" + port), e.getMessage());
        assertTrue(e.hint().orElseThrow().contains("nothing accepts connections"), e.hint().orElseThrow());
        assertFalse(e.getMessage().contains(VendorServer.KEY), e.getMessage());
    }
}

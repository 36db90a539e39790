package dev.junction.internal.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.junction.Junction;
import dev.junction.chat.ChatModel;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.GeneratedImage;
import dev.junction.chat.MediaSource;
import dev.junction.chat.Part;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.spi.ApiKey;
import dev.junction.spi.openai.Dialect;
import dev.junction.spi.openai.MediaPartContext;
import dev.junction.spi.openai.factory.OpenAiCompatibleFactory;
import dev.junction.testing.Futures;
import dev.junction.testing.StreamRecorder;
import dev.junction.testing.TestVendorFactory;
import dev.junction.testing.VendorServer;
import io.vertx.core.MultiMap;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A dialect hook that throws still fails the call with a JunctionException, never a raw runtime exception. */
class HookFailuresTest {
    private WireMockServer wire;
    private Junction junction;

    /** A dialect whose image reader is broken. */
    private static final class BrokenDialect implements Dialect {
        @Override
        public List<GeneratedImage> readImages(JsonNode message, List<String> warnings) {
            throw new IllegalStateException("bug in a vendor module");
        }

        @Override
        public void writeMediaPart(JsonGenerator json, MediaSource source, MediaPartContext context) {
            throw new IllegalStateException("bug in a vendor module's writer");
        }
    }

    @BeforeEach
    void start() {
        wire = new WireMockServer(options().dynamicPort());
        wire.start();
        wire.stubFor(post(urlEqualTo(TestVendorFactory.CHAT_PATH)).willReturn(okJson(VendorServer.okBody("好的"))));
        OpenAiCompatibleFactory broken = new OpenAiCompatibleFactory(TestVendorFactory.profile("testvendor"), new BrokenDialect()) {
        };
        junction = Junction.builder().environment(name -> null).factories(List.of(broken)).build();
    }

    @AfterEach
    void stop() {
        junction.close();
        wire.stop();
    }

    @Test
    void wrapsAThrowingHookAsProtocolError() {
        JunctionException e = Futures.failure(junction
                .chatModel("testvendor:gemini-2.5-pro?apiKey=k&baseUrl=" + wire.baseUrl()).chat("你好"));
        assertEquals(ErrorKind.PROTOCOL, e.kind());
        assertEquals("testvendor", e.provider());
        assertInstanceOf(IllegalStateException.class, e.getCause());
    }

    @Test
    void wrapsAThrowingWriterHookAsInvalidRequestAndSendsNothing() {
        ChatRequest withImage = ChatRequest.builder()
                .user(Part.text("看图"), Part.bytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}, "image/png"))
                .build();
        JunctionException e = Futures.failure(junction
                .chatModel("testvendor:gemini-2.5-pro?apiKey=k&baseUrl=" + wire.baseUrl()).chat(withImage));
        assertEquals(ErrorKind.INVALID_REQUEST, e.kind());
        assertEquals("testvendor", e.provider());
        assertInstanceOf(IllegalStateException.class, e.getCause());
        assertEquals(0, wire.getAllServeEvents().size(), "nothing may be sent when the body cannot be written");
    }

    @Test
    void wrapsAThrowingCredentialHookAsInvalidRequestAndSendsNothing() {
        Dialect brokenAuth = new Dialect() {
            @Override
            public void authenticate(MultiMap headers, ApiKey key) {
                throw new IllegalStateException("bug in a vendor module's authenticate: " + key.reveal());
            }
        };
        OpenAiCompatibleFactory broken = new OpenAiCompatibleFactory(TestVendorFactory.profile("testvendor"), brokenAuth) {
        };
        try (Junction j = Junction.builder().environment(name -> null).factories(List.of(broken)).build()) {
            ChatModel model = j.chatModel("testvendor:gemini-2.5-pro?apiKey=sk-canary-77&baseUrl=" + wire.baseUrl());
            JunctionException chat = Futures.failure(model.chat("你好"));
            JunctionException stream = StreamRecorder.record(model.stream(ChatRequest.of("你好"))).awaitFailure();
            for (JunctionException e : List.of(chat, stream)) {
                assertEquals(ErrorKind.INVALID_REQUEST, e.kind(), e.toString());
                assertTrue(e.getMessage().contains("authenticate hook failed"), e.getMessage());
                assertFalse(e.getMessage().contains("sk-canary-77"), "the hook's own message may hold the key");
                assertInstanceOf(IllegalStateException.class, e.getCause());
            }
        }
        assertEquals(0, wire.getAllServeEvents().size(), "nothing may be sent without the credential");
    }
}

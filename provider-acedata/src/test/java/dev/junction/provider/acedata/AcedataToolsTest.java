package dev.junction.provider.acedata;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.junction.Junction;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.ResponseFormat;
import dev.junction.chat.Tool;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** acedata documents no function calling, web search or structured output: each fails before anything is sent. */
class AcedataToolsTest {
    private WireMockServer wire;
    private Junction junction;

    @BeforeEach
    void start() {
        wire = new WireMockServer(options().dynamicPort());
        wire.start();
        wire.stubFor(post(urlEqualTo("/gemini/chat/completions")).willReturn(okJson("{}")));
        junction = Junction.builder().environment(name -> null).build();
    }

    @AfterEach
    void stop() {
        junction.close();
        wire.stop();
    }

    @Test
    void refusesToolsSearchAndSchemasBeforeSending() {
        List<ChatRequest> unsupported = List.of(
                ChatRequest.builder().user("东京今天天气怎么样?").tool(Tool.function("get_weather", null, "{\"type\":\"object\"}")).build(),
                ChatRequest.builder().user("今天 Bitcoin 价格").tool(Tool.webSearch()).build(),
                ChatRequest.builder().user("列出 3 位著名科学家").responseFormat(ResponseFormat.jsonSchema("s", true, "{\"type\":\"object\"}")).build());
        var model = junction.chatModel("acedata:gemini-3-pro?apiKey=k&baseUrl=" + wire.baseUrl());
        for (ChatRequest request : unsupported) {
            JunctionException e = assertThrows(JunctionException.class, () -> model.chatBlocking(request));
            assertEquals(ErrorKind.UNSUPPORTED_FEATURE, e.kind());
            assertEquals("acedata", e.provider());
            assertTrue(e.getMessage().contains("acedata does not document"), e.getMessage());
        }
        assertEquals(0, wire.countRequestsMatching(anyRequestedFor(anyUrl()).build()).getCount());
    }
}

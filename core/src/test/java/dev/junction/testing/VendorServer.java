package dev.junction.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.junction.Junction;
import dev.junction.chat.ChatModel;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.ChatResponse;
import dev.junction.error.JunctionException;
import java.util.List;
import java.util.function.Consumer;

/**
 * A WireMock server playing the test vendor, and a Junction wired to it with no environment.
 * One per test; close it in {@code @AfterEach}.
 */
public final class VendorServer implements AutoCloseable {
    /** The API key every call sends; a canary that must never show up in messages. */
    public static final String KEY = "sk-canary-7f3a9c";
    /** The model the bound chat model defaults to; it has a price and reasoning controls. */
    public static final String MODEL = "gemini-2.5-pro";

    private final WireMockServer wire;
    private final Junction junction;

    /** A server and a Junction with default transport settings. */
    public VendorServer() {
        this(builder -> { });
    }

    /** A server and a Junction the caller may tune (size cap, pool…). */
    public VendorServer(Consumer<Junction.Builder> tune) {
        wire = new WireMockServer(options().dynamicPort());
        wire.start();
        Junction.Builder builder = Junction.builder()
                .environment(name -> null)
                .factories(List.of(new TestVendorFactory()));
        tune.accept(builder);
        junction = builder.build();
    }

    /** The WireMock server, to stub and verify. */
    public WireMockServer wire() {
        return wire;
    }

    /** The Junction under test. */
    public Junction junction() {
        return junction;
    }

    /** A chat model on {@link #MODEL} pointed at this server. */
    public ChatModel model() {
        return model(MODEL, "");
    }

    /**
     * A chat model on {@code model}, with extra {@code &key=value} pairs appended to the config
     * string. Engine tests see each attempt on its own, so retries are off unless the extra pairs
     * set {@code maxRetries}.
     */
    public ChatModel model(String model, String extraQuery) {
        String retries = extraQuery.contains("maxRetries=") ? "" : "&maxRetries=0";
        return junction.chatModel(TestVendorFactory.ID + ":" + model + "?apiKey=" + KEY + "&baseUrl=" + wire.baseUrl() + retries
                + extraQuery);
    }

    /** Answers every chat call with {@code response}. */
    public void reply(ResponseDefinitionBuilder response) {
        wire.stubFor(post(urlEqualTo(TestVendorFactory.CHAT_PATH)).willReturn(response));
    }

    /** Sends the request on {@link #model()} and waits for the response. */
    public ChatResponse chat(ChatRequest request) {
        return Futures.await(model().chat(request));
    }

    /** Sends the request on {@link #model()} and returns the failure. */
    public JunctionException fail(ChatRequest request) {
        return Futures.failure(model().chat(request));
    }

    /** How many requests of any kind reached the server. */
    public int requests() {
        return wire.countRequestsMatching(anyRequestedFor(anyUrl()).build()).getCount();
    }

    /** A minimal successful reply with one choice. */
    public static String okBody(String content) {
        return """
                {"id":"chatcmpl-1","object":"chat.completion","model":"gemini-2.5-pro",
                 "choices":[{"index":0,"message":{"role":"assistant","content":%s},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":12,"completion_tokens":86,"total_tokens":98}}
                """.formatted(content == null ? "null" : '"' + content + '"');
    }

    @Override
    public void close() {
        try {
            junction.close();
        } finally {
            wire.stop();
        }
    }
}

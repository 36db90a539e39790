package dev.junction.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A stand-in for a vendor's API: a WireMock server on a free loopback port that answers one path
 * with a canned reply and records every request, byte for byte.
 */
public final class VendorStub implements AutoCloseable {
    /** Content-Type of JSON replies. */
    public static final Map<String, String> JSON = Map.of("Content-Type", "application/json; charset=utf-8");
    /** Content-Type of server-sent-event streams. */
    public static final Map<String, String> SSE = Map.of("Content-Type", "text/event-stream");
    /** Content-Type of HTML pages. */
    public static final Map<String, String> HTML = Map.of("Content-Type", "text/html");

    private final WireMockServer server;

    private VendorStub(WireMockServer server) {
        this.server = server;
    }

    /** Starts a stub on a dynamic port. */
    public static VendorStub start() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options()
                .dynamicPort()
                .bindAddress("127.0.0.1"));
        server.start();
        return new VendorStub(server);
    }

    /** {@code http://127.0.0.1:PORT} followed by {@code path}. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    /** Answers any method on {@code path} with this status, body and headers; other paths get WireMock's 404. */
    public void reply(String path, int status, byte[] body, Map<String, String> headers) {
        ResponseDefinitionBuilder response = aResponse().withStatus(status).withBody(body);
        headers.forEach(response::withHeader);
        server.stubFor(any(urlPathEqualTo(path)).willReturn(response));
    }

    /**
     * Answers {@code path} with HTTP 200 and a {@code text/event-stream} body, written in
     * {@code chunks} separately flushed pieces spread over {@code totalMillis} (WireMock's chunked
     * dribble), so that the client reads it split at arbitrary bytes, inside UTF-8 characters too.
     */
    public void replyDribbled(String path, byte[] body, int chunks, int totalMillis) {
        ResponseDefinitionBuilder response = aResponse().withStatus(200).withBody(body)
                .withChunkedDribbleDelay(chunks, totalMillis);
        SSE.forEach(response::withHeader);
        server.stubFor(any(urlPathEqualTo(path)).willReturn(response));
    }

    /**
     * One canned reply of a {@link #replyInTurn} sequence.
     *
     * @param status the HTTP status
     * @param body the body's bytes
     * @param headers the reply's headers
     */
    public record Reply(int status, byte[] body, Map<String, String> headers) {
        /** Copies the headers. */
        public Reply {
            headers = Map.copyOf(headers);
        }
    }

    /**
     * Answers {@code path} with these replies in turn, one per request; the last one repeats. For
     * retries and fallbacks, whose second request must meet another answer than the first.
     */
    public void replyInTurn(String path, List<Reply> replies) {
        String scenario = "turns on " + path;
        for (int i = 0; i < replies.size(); i++) {
            Reply reply = replies.get(i);
            ResponseDefinitionBuilder response = aResponse().withStatus(reply.status()).withBody(reply.body());
            reply.headers().forEach(response::withHeader);
            ScenarioMappingBuilder mapping = any(urlPathEqualTo(path)).inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "turn " + i).willReturn(response);
            server.stubFor(i + 1 < replies.size() ? mapping.willSetStateTo("turn " + (i + 1)) : mapping);
        }
    }

    /** The requests received on {@code path} since the last reset, oldest first. */
    public List<LoggedRequest> requests(String path) {
        return requests().stream().filter(r -> r.getUrl().equals(path)).toList();
    }

    /** {@link #reply(String, int, byte[], Map)} with a UTF-8 text body. */
    public void reply(String path, int status, String body, Map<String, String> headers) {
        reply(path, status, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** Every request received since the last reset, oldest first. */
    public List<LoggedRequest> requests() {
        List<LoggedRequest> out = server.getAllServeEvents().stream().map(ServeEvent::getRequest)
                .collect(Collectors.toCollection(ArrayList::new));
        Collections.reverse(out); // WireMock lists the newest first
        return out;
    }

    /** The one request received since the last reset; fails the test when there were none or several. */
    public LoggedRequest onlyRequest() {
        List<LoggedRequest> all = requests();
        assertEquals(1, all.size(), () -> "expected exactly one request to the vendor, got " + all.size() + ": "
                + all.stream().map(r -> r.getMethod() + " " + r.getUrl()).toList());
        return all.get(0);
    }

    /** Forgets stubs and recorded requests. */
    public void reset() {
        server.resetAll();
    }

    /** The underlying server, for checks this class does not offer. */
    public WireMockServer server() {
        return server;
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.stop();
    }
}

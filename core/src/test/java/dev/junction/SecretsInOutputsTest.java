package dev.junction;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.junction.chat.ChatModel;
import dev.junction.chat.ChatResponse;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.internal.retry.Scheduler;
import dev.junction.testing.Futures;
import dev.junction.testing.LogCapture;
import dev.junction.testing.StreamRecorder;
import dev.junction.testing.TestVendorFactory;
import dev.junction.testing.VendorServer;
import io.vertx.core.Future;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The canary key of the config string reaches no output: not the DEBUG log (headers, bodies,
 * retry decisions), not an exception (message, hint, cause chain, suppressed), not a
 * {@code toString}, even when every error body and header the vendor sends echoes it.
 */
class SecretsInOutputsTest {
    private static final String KEY = VendorServer.KEY;
    /** The head of the key: a cut through an echoed key must not leave it behind either. */
    private static final String KEY_HEAD = "sk-canary";

    private final Scheduler noWait = delay -> Future.succeededFuture();
    private final VendorServer vendor = new VendorServer(b -> b.retryScheduler(noWait)
            .factories(List.of(new TestVendorFactory(), new TestVendorFactory("backup"))));

    @AfterEach
    void stop() {
        vendor.close();
    }

    private String spec(String id, String extra) {
        return id + ":" + VendorServer.MODEL + "?apiKey=" + KEY + "&baseUrl=" + vendor.wire().baseUrl() + extra;
    }

    /** Replies in turn with each response, the last one for every later call. */
    private void replies(ResponseDefinitionBuilder... responses) {
        for (int i = 0; i < responses.length; i++) {
            var stub = post(urlEqualTo(TestVendorFactory.CHAT_PATH)).inScenario("sequence")
                    .whenScenarioStateIs(i == 0 ? STARTED : "reply " + i)
                    .willReturn(responses[i]);
            vendor.wire().stubFor(i < responses.length - 1 ? stub.willSetStateTo("reply " + (i + 1)) : stub);
        }
    }

    /** A JSON error whose message, and a response header, echo the key back. */
    private static ResponseDefinitionBuilder echoing(int status, String code) {
        return aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("X-Debug-Auth", "Bearer " + KEY)
                .withBody("{\"error\":{\"code\":\"" + code + "\",\"message\":\"key " + KEY + " refused\",\"echo\":\"Bearer "
                        + KEY + "\"}}");
    }

    /** A proxy's HTML page quoting the Authorization header. */
    private static ResponseDefinitionBuilder htmlEchoing(int status) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/html")
                .withBody("<html><body><h1>" + status + "</h1><pre>Authorization: Bearer " + KEY + "</pre></body></html>");
    }

    private static ResponseDefinitionBuilder ok() {
        return okJson(VendorServer.okBody("好的"));
    }

    @Test
    void aSuccessfulCallLogsHeadersAndBodiesWithoutTheKey() {
        replies(ok());
        ChatModel model = vendor.junction().chatModel(spec("testvendor", ""));
        String logs;
        ChatResponse response;
        try (LogCapture log = LogCapture.start()) {
            response = Futures.await(model.chat("你好"));
            logs = log.text();
        }

        assertEquals("好的", response.text());
        assertTrue(logs.contains("Authorization: ****"), logs);
        assertTrue(logs.contains("answered HTTP 200"), logs);
        assertTrue(logs.contains("request body: {"), logs);
        assertTrue(logs.contains("testvendor attempt 1 answered"), logs);
        assertNoKey(logs, "the log");
        assertNoKey(response.toString(), "ChatResponse");
        assertNoKey(model.toString(), "ChatModel");
        assertNoKey(vendor.junction().provider(spec("testvendor", "")).toString(), "ProviderView");
    }

    @Test
    void a401EchoingTheKeyIsScrubbedInTheErrorAndTheLog() {
        replies(echoing(401, "invalid_api_key"));
        Outcome outcome = fail(() -> vendor.junction().chatModel(spec("testvendor", "&maxRetries=2")).chat("你好"));

        assertEquals(ErrorKind.AUTHENTICATION, outcome.error.kind());
        assertTrue(outcome.error.getMessage().contains("key **** refused"), outcome.error::getMessage);
        assertTrue(outcome.logs.contains("stop: AUTHENTICATION is never retried"), outcome.logs);
        assertTrue(outcome.logs.contains("reply body (HTTP 401): {\"error\":{\"code\":\"invalid_api_key\",\"message\":\"key **** refused\""),
                outcome.logs);
        assertTrue(outcome.logs.contains("X-Debug-Auth: ****"), outcome.logs);
        outcome.assertNoKey();
    }

    @Test
    void a429RetriedUntilTheRetriesAreSpentLogsEveryDecisionWithoutTheKey() {
        replies(echoing(429, "rate_limit_exceeded"));
        Outcome outcome = fail(() -> vendor.junction().chatModel(spec("testvendor", "&maxRetries=2")).chat("你好"));

        assertEquals(ErrorKind.RATE_LIMITED, outcome.error.kind());
        assertEquals(3, outcome.error.attempts().size());
        assertTrue(outcome.logs.contains("testvendor attempt 1 failed in "), outcome.logs);
        assertTrue(outcome.logs.contains("RATE_LIMITED (HTTP 429)"), outcome.logs);
        assertTrue(outcome.logs.contains("; retry 1 of 2 after "), outcome.logs);
        assertTrue(outcome.logs.contains("; retry 2 of 2 after "), outcome.logs);
        assertTrue(outcome.logs.contains("testvendor attempt 3 failed"), outcome.logs);
        assertTrue(outcome.logs.contains("stop: no retries left (maxRetries=2)"), outcome.logs);
        outcome.assertNoKey();
    }

    @Test
    void a503ThenASuccessLogsTheRetryAndTheAnswerWithoutTheKey() {
        replies(htmlEchoing(503), ok());
        ChatModel model = vendor.junction().chatModel(spec("testvendor", "&maxRetries=2"));
        String logs;
        ChatResponse response;
        try (LogCapture log = LogCapture.start()) {
            response = Futures.await(model.chat("你好"));
            logs = log.text();
        }

        assertEquals("好的", response.text());
        assertTrue(logs.contains("answered HTTP 503"), logs);
        assertTrue(logs.contains("SERVER_ERROR (HTTP 503)"), logs);
        assertTrue(logs.contains("retry 1 of 2 after "), logs);
        assertTrue(logs.contains("Authorization: Bearer ****"), "the echoed header in the HTML body is masked: " + logs);
        assertTrue(logs.contains("testvendor attempt 2 answered"), logs);
        assertNoKey(logs, "the log");
        assertNoKey(response.failedAttempts().toString(), "failedAttempts");
        assertNoKey(response.toString(), "ChatResponse");
    }

    @Test
    void aFallbackLogsTheMoveToTheNextProviderWithoutTheKey() {
        replies(echoing(503, "overloaded"), echoing(503, "overloaded"), ok());
        ChatModel model = vendor.junction().chatModel(spec("testvendor", "&maxRetries=1"), spec("backup", ""));
        String logs;
        ChatResponse response;
        try (LogCapture log = LogCapture.start()) {
            response = Futures.await(model.chat("你好"));
            logs = log.text();
        }

        assertEquals("backup", response.provider());
        assertTrue(logs.contains("stop: no retries left (maxRetries=1)"), logs);
        assertTrue(logs.contains("testvendor gave up with SERVER_ERROR; falling back to backup"), logs);
        assertTrue(logs.contains("backup attempt 1 answered"), logs);
        assertNoKey(logs, "the log");
        assertNoKey(response.toString(), "ChatResponse");
        assertNoKey(model.toString(), "ChatModel");
    }

    @Test
    void aFallbackWhereEveryProviderFailsKeepsTheKeyOutOfTheCombinedError() {
        replies(echoing(401, "invalid_api_key"));
        Outcome outcome = fail(() -> vendor.junction().chatModel(spec("testvendor", ""), spec("backup", "")).chat("你好"));

        assertEquals(ErrorKind.AUTHENTICATION, outcome.error.kind());
        assertTrue(outcome.logs.contains("testvendor gave up with AUTHENTICATION; falling back to backup"), outcome.logs);
        assertTrue(outcome.logs.contains("backup gave up with AUTHENTICATION; no fallback left"), outcome.logs);
        outcome.assertNoKey();
    }

    @Test
    void aStreamRefusedWithTheKeyEchoedKeepsItOutOfTheLogAndTheError() {
        replies(echoing(401, "invalid_api_key"));
        ChatModel model = vendor.junction().chatModel(spec("testvendor", ""));
        String logs;
        JunctionException error;
        try (LogCapture log = LogCapture.start()) {
            error = StreamRecorder.record(model.stream("你好")).awaitFailure();
            logs = log.text();
        }

        assertEquals(ErrorKind.AUTHENTICATION, error.kind());
        assertTrue(logs.contains("answered HTTP 401"), logs);
        assertTrue(logs.contains("reply body (HTTP 401): {\"error\""), logs);
        assertTrue(logs.contains("stop: AUTHENTICATION is never retried"), logs);
        assertNoKey(logs, "the log");
        assertNoKeyAnywhere(error);
    }

    /** A failed call's error and the lines logged while it ran. */
    private record Outcome(JunctionException error, String logs) {
        void assertNoKey() {
            SecretsInOutputsTest.assertNoKey(logs, "the log");
            assertNoKeyAnywhere(error);
        }
    }

    private static Outcome fail(Supplier<Future<?>> call) {
        try (LogCapture log = LogCapture.start()) {
            JunctionException error = Futures.failure(call.get());
            return new Outcome(error, log.text());
        }
    }

    /** The message, toString, hint, attempts, cause chain and suppressed exceptions, all of them. */
    private static void assertNoKeyAnywhere(Throwable error) {
        assertNoKey(stackTrace(error), "the exception's stack trace (message, causes, suppressed)");
        List<Throwable> all = new ArrayList<>();
        collect(error, all);
        for (Throwable t : all) {
            assertNoKey(String.valueOf(t.getMessage()), "an exception message");
            assertNoKey(t.toString(), "an exception's toString");
            if (t instanceof JunctionException je) {
                assertNoKey(je.hint().orElse(""), "a hint");
                assertNoKey(je.attempts().toString(), "the attempts");
                assertNoKey(je.vendorCode().orElse("") + je.traceId().orElse(""), "vendor code and trace id");
            }
        }
    }

    private static void collect(Throwable t, List<Throwable> into) {
        if (t == null || into.contains(t)) {
            return;
        }
        into.add(t);
        collect(t.getCause(), into);
        for (Throwable s : t.getSuppressed()) {
            collect(s, into);
        }
    }

    private static String stackTrace(Throwable error) {
        StringWriter text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    private static void assertNoKey(String text, String where) {
        assertFalse(text.contains(KEY_HEAD), () -> where + " shows the key (or its head):\n" + text);
    }
}

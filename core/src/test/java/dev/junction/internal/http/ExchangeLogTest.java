package dev.junction.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.error.ErrorKind;
import dev.junction.testing.Futures;
import dev.junction.testing.LogCapture;
import dev.junction.testing.VendorServer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the transport logs of each exchange: bodies cut to 2 KiB, only at DEBUG, and failures by kind. */
class ExchangeLogTest {
    private final VendorServer vendor = new VendorServer();

    @AfterEach
    void stop() {
        vendor.close();
    }

    @Test
    void cutsBodiesTo2KibAndLogsThemOnlyAtDebug() {
        String message = "很长的错误".repeat(1000);
        vendor.reply(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"bad\",\"message\":\"" + message + "\"}}"));
        String logs;
        try (LogCapture log = LogCapture.start()) {
            assertEquals(ErrorKind.INVALID_REQUEST, Futures.failure(vendor.model().chat("你好".repeat(2000))).kind());
            logs = log.text();
        }

        List<String> bodies = logs.lines().filter(l -> l.contains(" body")).toList();
        assertEquals(2, bodies.size(), logs);
        for (String line : bodies) {
            assertTrue(line.contains(" DEBUG dev.junction.http.body - "), "bodies are logged at DEBUG only: " + line);
            assertTrue(line.contains(" bytes in all)"), line);
            String shown = line.substring(line.indexOf(": ") + 2, line.lastIndexOf("… ("));
            assertTrue(shown.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= ExchangeLog.BODY_LIMIT, line);
            assertTrue(shown.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > ExchangeLog.BODY_LIMIT - 4, line);
        }
        assertTrue(logs.lines().noneMatch(l -> (l.contains(" INFO ") || l.contains(" WARN ")) && l.contains("很长")), logs);
    }

    @Test
    void logsAFailedExchangeByItsKind() {
        String logs;
        try (LogCapture log = LogCapture.start()) {
            var model = vendor.junction().chatModel("testvendor:gemini-2.5-pro?apiKey=" + VendorServer.KEY
                    + "&baseUrl=http://127.0.0.1:1&maxRetries=0");
            assertEquals(ErrorKind.NETWORK, Futures.failure(model.chat("你好")).kind());
            logs = log.text();
        }

        assertTrue(logs.contains("testvendor POST http://127.0.0.1:1/v1/chat/completions failed in "), logs);
        assertTrue(logs.contains("ms: NETWORK: testvendor: "), logs);
        assertTrue(logs.contains("testvendor attempt 1 failed in "), logs);
        assertTrue(logs.contains("stop: no retries left (maxRetries=0)"), logs);
    }
}

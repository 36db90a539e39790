package dev.junction.testkit;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.Junction;
import dev.junction.ProviderSpec;
import dev.junction.chat.ChatModel;
import dev.junction.chat.ChatResponse;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.spi.ApiKey;
import dev.junction.spi.ProviderSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Conformance: a canary API key never shows up in a {@code toString()}, an exception message or a
 * hint — not even when the vendor echoes it back in an error — while it does reach the vendor.
 */
public abstract class ApiKeyCanaryConformance extends ConformanceBase {
    /** The canary key. */
    public static final String CANARY = "sk-canary-XYZ123";
    /** A canary made of characters a config string must percent-encode. */
    public static final String ENCODED_CANARY = "sk-canary+/=&?%XYZ456";

    /** The vendor's error code for a bad key, used to echo the key back. */
    protected abstract String invalidKeyCode();

    @Test
    void keepsTheKeyOutOfEveryToString() {
        String config = configString(vendor().defaultModel(), CANARY);
        replyWithFixture(vendor().sampleReplyFixture());
        ChatModel chat = junction().chatModel(config);

        ChatResponse response = call(chat, "你好");

        assertEquals(vendor().authValue(CANARY), stub().onlyRequest().getHeader(vendor().authHeader()), "the canary must reach the vendor");
        try (Junction fromEnv = newJunction(Map.of(vendor().apiKeyEnvVar(), CANARY))) {
            assertAll(
                    () -> assertNoCanary(chat.toString(), "ChatModel"),
                    () -> assertNoCanary(junction().provider(config).toString(), "Provider"),
                    () -> assertNoCanary(ProviderSpec.parse(config).toString(), "ProviderSpec"),
                    () -> assertNoCanary(ProviderSettings.builder(vendor().id()).apiKey(ApiKey.of(CANARY)).timeout(Duration.ofSeconds(5)).build().toString(),
                            "ProviderSettings"),
                    () -> assertNoCanary(fromEnv.providers().toString(), "providers() with the key in the environment"),
                    () -> assertNoCanary(fromEnv.chatModel(vendor().id() + ":" + vendor().defaultModel()).toString(),
                            "ChatModel keyed by the environment"),
                    () -> assertNoCanary(response.toString(), "ChatResponse"));
        }
    }

    @Test
    void scrubsTheKeyWhenTheVendorEchoesItInAnError() {
        replyWith(401, vendor().errorEnvelope().apply(invalidKeyCode(), "Incorrect API key provided: " + CANARY + ". Check your key."),
                VendorStub.JSON);

        JunctionException e = failure(junction().chatModel(configString(vendor().defaultModel(), CANARY)), prompt(vendor().defaultModel(), "你好"));

        assertEquals(ErrorKind.AUTHENTICATION, e.kind());
        assertTrue(e.getMessage().contains("Incorrect API key provided: ****"), () -> "the echo should be masked, not dropped: " + e.getMessage());
        assertNoCanary(e);
    }

    @Test
    void scrubsTheKeyFromAnHtmlErrorPage() {
        replyWith(502, "<html><body><h1>502 Bad Gateway</h1><p>upstream rejected key " + CANARY + "</p></body></html>", VendorStub.HTML);

        JunctionException e = failure(junction().chatModel(configString(vendor().defaultModel(), CANARY)), prompt(vendor().defaultModel(), "你好"));

        assertEquals(ErrorKind.SERVER_ERROR, e.kind());
        assertTrue(e.getMessage().contains("upstream rejected key ****"), e::getMessage);
        assertNoCanary(e);
    }

    @Test
    void scrubsTheKeyFromInvalidJson() {
        replyWith(200, "{\"debug\":\"Authorization: Bearer " + CANARY + "\", \"choices\": [", VendorStub.JSON);

        JunctionException e = failure(junction().chatModel(configString(vendor().defaultModel(), CANARY)), prompt(vendor().defaultModel(), "你好"));

        assertEquals(ErrorKind.PROTOCOL, e.kind());
        assertNoCanary(e);
    }

    @Test
    void scrubsTheKeyWhenTheVendorEchoesItInAnErrorEventMidStream() {
        // A stream's error arrives as an event after HTTP 200: a path apart from the error replies above.
        String echo = vendor().streamErrorEnvelope().apply(invalidKeyCode(), "Incorrect API key provided: " + CANARY + ". Check your key.");
        replyWith(200, "data: " + Fixtures.parse(echo) + "\n\n", VendorStub.SSE);
        ChatModel chat = junction().chatModel(configString(vendor().defaultModel(), CANARY));

        JunctionException e = StreamRecording.of(chat.stream(prompt(vendor().defaultModel(), "你好"))).await(CALL_WAIT).assertFailed();

        assertTrue(e.getMessage().contains("Incorrect API key provided: ****"), () -> "the echo should be masked, not dropped: " + e.getMessage());
        assertNoCanary(e);
    }

    @Test
    void keepsTheKeyOutOfTheAttemptsOfARetriedError() {
        // Retried failures are listed on the final error: each one must be as clean as the last.
        replyWith(500, vendor().errorEnvelope().apply("junction_canary_500", "upstream said " + CANARY), Map.of("Retry-After", "0",
                "Content-Type", "application/json"));
        ChatModel chat = junction().chatModel(configString(vendor().defaultModel(), CANARY, Map.of("maxRetries", "1")));

        JunctionException e = failure(chat, prompt(vendor().defaultModel(), "你好"));

        assertEquals(2, stub().requests().size(), "the 500 is retried once");
        assertNoCanary(e);
        assertNoCanary(e.attempts().toString(), "the error's attempts");
    }

    @Test
    void keepsTheKeyOutOfConfigStringErrors() {
        String id = vendor().id() + ":" + vendor().defaultModel();
        List<String> broken = List.of(
                id + "?apiKey=" + CANARY + "&timeout=soon",
                id + "?apiKey=" + CANARY + "&apiKey=" + CANARY,
                id + "?apiKey=" + CANARY + "%ZZ",
                id + "?apikey=" + CANARY,
                id + "?apiKey=" + CANARY + "&baseUrl=ftp://example.com");
        for (String config : broken) {
            JunctionException e = assertThrows(JunctionException.class, () -> junction().chatModel(config), config);
            assertEquals(ErrorKind.CONFIGURATION, e.kind(), config);
            assertNoCanary(e);
        }
    }

    @Test
    void sendsAPercentEncodedKeyDecodedAndScrubsItToo() {
        replyWith(401, vendor().errorEnvelope().apply(invalidKeyCode(), "bad key " + ENCODED_CANARY), VendorStub.JSON);
        String config = configString(vendor().defaultModel(), ENCODED_CANARY);
        assertFalse(config.contains(ENCODED_CANARY), "the test must exercise percent-encoding");

        JunctionException e = failure(junction().chatModel(config), prompt(vendor().defaultModel(), "你好"));

        assertEquals(vendor().authValue(ENCODED_CANARY), stub().onlyRequest().getHeader(vendor().authHeader()));
        assertFalse(e.getMessage().contains(ENCODED_CANARY), e::getMessage);
        assertNoCanary(e);
    }

    /** Fails when the text contains either canary. */
    public static void assertNoCanary(String text, String where) {
        assertFalse(text.contains(CANARY) || text.contains(ENCODED_CANARY), () -> "leaked key: " + where + " shows the API key: " + text);
    }

    /** Fails when the exception or any cause shows a canary in its message, hint or toString. */
    public static void assertNoCanary(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Throwable current = t;
            Executable message = () -> assertNoCanary(String.valueOf(current.getMessage()), "exception message");
            Executable string = () -> assertNoCanary(current.toString(), "exception toString");
            Executable hint = () -> {
                if (current instanceof JunctionException je) {
                    assertNoCanary(je.hint().orElse(""), "exception hint");
                    assertNoCanary(je.vendorCode().orElse("") + je.traceId().orElse(""), "vendor code / trace id");
                }
            };
            assertAll(message, string, hint);
        }
    }
}

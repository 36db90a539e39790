package dev.junction.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.ProviderSpec;
import dev.junction.internal.secrets.Redaction;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The API key never shows in toString, and credential headers are masked wherever headers are printed. */
class SecretsTest {
    private static final String CANARY = "sk-canary-0d15ea5e";

    @Test
    void masksTheKeyInItsOwnToString() {
        ApiKey key = ApiKey.of(CANARY);
        assertEquals("ApiKey[****]", key.toString());
        assertEquals(CANARY, key.reveal());
    }

    @Test
    void rejectsAKeyWithALineBreakInsideWithoutEchoingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ApiKey.of("sk-canary\n0d15ea5e"));
        assertFalse(e.getMessage().contains("canary"), e.getMessage());
        assertFalse(e.getMessage().contains("0d15ea5e"), e.getMessage());
        assertTrue(e.getMessage().contains("position 9"), e.getMessage());
    }

    @Test
    void stripsAndComparesKeysByValue() {
        assertEquals(ApiKey.of(CANARY), ApiKey.of("  " + CANARY + "\n"));
        assertNotEquals(ApiKey.of(CANARY), ApiKey.of(CANARY + "x"));
    }

    @Test
    void rejectsABlankKeyWithoutEchoingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ApiKey.of(" \t "));
        assertEquals("api key is blank", e.getMessage());
    }

    @Test
    void keepsTheKeyOutOfProviderSettings() {
        ProviderSettings settings = ProviderSettings.builder("acedata").apiKey(ApiKey.of(CANARY))
                .baseUrl(URI.create("https://x.example")).timeout(Duration.ofSeconds(5)).build();
        assertFalse(settings.toString().contains(CANARY), settings.toString());
        assertTrue(settings.toString().contains("ApiKey[****]"), settings.toString());
    }

    @Test
    void keepsTheKeyOutOfAParsedSpec() {
        ProviderSpec spec = ProviderSpec.parse("acedata:gemini-2.5-pro?apiKey=" + CANARY);
        assertFalse(spec.toString().contains(CANARY), spec.toString());
    }

    @Test
    void keepsTheKeyOutOfAnHttpCall() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .set("Authorization", "Bearer " + CANARY)
                .set("x-api-key", CANARY)
                .set("Content-Type", "application/json");
        HttpCall call = new HttpCall("acedata", HttpMethod.POST, URI.create("https://x.example/v1/chat/completions"),
                headers, Buffer.buffer("{\"a\":1}"), Duration.ofSeconds(5), null, null);
        String text = call.toString();
        assertFalse(text.contains(CANARY), text);
        assertTrue(text.contains("Authorization: ****"), text);
        assertTrue(text.contains("Content-Type: application/json"), text);
        assertTrue(text.contains("body=7 bytes"), text);
    }

    @Test
    void masksEveryCredentialHeaderWhateverItsCase() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("AUTHORIZATION", "Bearer " + CANARY)
                .add("Proxy-Authorization", "Basic " + CANARY)
                .add("Api-Key", CANARY)
                .add("Cookie", "session=" + CANARY)
                .add("Set-Cookie", "session=" + CANARY)
                .add("Accept", "application/json");
        String text = Redaction.headers(headers);
        assertFalse(text.contains(CANARY), text);
        assertEquals("{AUTHORIZATION: ****, Proxy-Authorization: ****, Api-Key: ****, Cookie: ****, Set-Cookie: ****,"
                + " Accept: application/json}", text);
    }

    @Test
    void rendersNoHeadersAsEmptyBraces() {
        assertEquals("{}", Redaction.headers(MultiMap.caseInsensitiveMultiMap()));
    }
}

package dev.junction.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Malformed config strings: each fails with CONFIGURATION, names the problem, and never repeats the key. */
class ConfigStringsErrorsTest {
    private static final String CANARY = "sk-canary-91e0b7";

    private static JunctionException rejects(String configString) {
        JunctionException e = assertThrows(JunctionException.class, () -> ConfigStrings.parse(configString));
        assertEquals(ErrorKind.CONFIGURATION, e.kind());
        assertTrue(e.hint().isPresent(), "a configuration error says what to do");
        return e;
    }

    private static void assertMentions(JunctionException e, String... words) {
        for (String word : words) {
            assertTrue(e.getMessage().contains(word), () -> "'" + e.getMessage() + "' should mention '" + word + "'");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void rejectsAnEmptyString(String given) {
        assertMentions(rejects(given), "empty");
    }

    @Test
    void rejectsNull() {
        assertMentions(rejects(null), "empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-acedata", "ace data", "ace/data:model", ":gemini-2.5-pro", "?timeout=1s", "acé"})
    void rejectsABadId(String given) {
        assertMentions(rejects(given), "provider id");
    }

    @Test
    void rejectsAnEmptyModelAfterTheColon() {
        JunctionException e = rejects("acedata:?timeout=1s");
        assertMentions(e, "model", "empty");
        assertEquals("acedata", e.provider());
    }

    @Test
    void rejectsAnUnknownKeyNamingItAndTheAllowedOnes() {
        JunctionException e = rejects("acedata:gemini-2.5-pro?temperature=1");
        assertMentions(e, "unknown key 'temperature'");
        assertTrue(e.hint().orElseThrow().contains("apiKey, baseUrl, timeout, maxRetries"), e.hint().orElseThrow());
    }

    @Test
    void hidesAnUnknownKeyThatMayBeAPieceOfTheApiKey() {
        // An unescaped '&' inside the key splits off its tail as a "key".
        JunctionException e = rejects("acedata?apiKey=sk-canary&tail91e0b7=1");
        assertFalse(e.getMessage().contains("tail91e0b7"), e.getMessage());
        assertMentions(e, "not shown");
        assertTrue(e.hint().orElseThrow().contains("%26"), e.hint().orElseThrow());
    }

    @Test
    void hidesAKeyPastedWithoutItsName() {
        JunctionException e = rejects("acedata?" + CANARY);
        assertFalse(e.getMessage().contains(CANARY), e.getMessage());
        assertMentions(e, "not shown");
    }

    @Test
    void treatsKeysAsCaseSensitive() {
        assertMentions(rejects("acedata?apikey=" + CANARY), "unknown key 'apikey'");
    }

    @Test
    void rejectsAKeyWithoutAValue() {
        assertMentions(rejects("acedata?timeout"), "timeout", "no value");
    }

    @Test
    void rejectsADuplicatedKey() {
        assertMentions(rejects("acedata?timeout=1s&timeout=2s"), "timeout", "twice");
    }

    @Test
    void rejectsADuplicatedApiKeyWithoutRepeatingEither() {
        JunctionException e = rejects("acedata?apiKey=" + CANARY + "&apiKey=" + CANARY + "2");
        assertMentions(e, "apiKey", "twice");
        assertFalse(e.getMessage().contains(CANARY));
    }

    @ParameterizedTest
    @ValueSource(strings = {"acedata:gemini%2", "acedata:gemini%", "acedata:gemini%zz", "acedata?timeout=3%G0s"})
    void rejectsABadPercentEscape(String given) {
        assertMentions(rejects(given), "percent-encoding");
    }

    @ParameterizedTest
    @ValueSource(strings = {"acedata:%FF", "acedata:%C3", "acedata:%E4%BD", "acedata:%ED%A0%80"})
    void rejectsInvalidUtf8(String given) {
        assertMentions(rejects(given), "not valid UTF-8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0ms", "-1", "-1s", "abc", "30", "30 seconds", "PT0S", "PT-5S", "PTxS", "1d"})
    void rejectsABadTimeout(String given) {
        assertMentions(rejects("acedata?timeout=" + given), "timeout", "positive duration");
    }

    @ParameterizedTest
    @ValueSource(strings = {"11", "-1", "x", "1.5", ""})
    void rejectsBadMaxRetries(String given) {
        JunctionException e = rejects("acedata?maxRetries=" + given);
        assertMentions(e, "maxRetries", "0 to 10");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://files.example.com", "http:/no-host", "https://", "example.com/v1", "https://bad host/"})
    void rejectsABaseUrlThatIsNotAnHttpUrlWithAHost(String given) {
        assertMentions(rejects("acedata?baseUrl=" + given), "baseUrl");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://proxy.example.com/v1?x=1", "https://proxy.example.com/v1#top", "https://user:pw@proxy.example.com"})
    void rejectsABaseUrlWithQueryFragmentOrUserInfo(String given) {
        assertMentions(rejects("acedata?baseUrl=" + given), "baseUrl", "must not carry");
    }

    @Test
    void rejectsAnEmptyApiKey() {
        assertMentions(rejects("acedata?apiKey=%20"), "apiKey is empty");
    }

    static Stream<Arguments> stringsCarryingTheCanary() {
        return Stream.of(
                Arguments.of("canary in a bad escape", "acedata?apiKey=" + CANARY + "%Z1"),
                Arguments.of("canary before a truncated escape", "acedata?apiKey=" + CANARY + "%4"),
                Arguments.of("canary in invalid UTF-8", "acedata?apiKey=" + CANARY + "%FF"),
                Arguments.of("canary then unknown key", "acedata?apiKey=" + CANARY + "&colour=red"),
                Arguments.of("canary then bad timeout", "acedata?apiKey=" + CANARY + "&timeout=soon"),
                Arguments.of("canary then bad baseUrl", "acedata?apiKey=" + CANARY + "&baseUrl=ftp://x"),
                Arguments.of("canary then empty model", "acedata:?apiKey=" + CANARY),
                Arguments.of("canary given twice", "acedata?apiKey=" + CANARY + "&apiKey=" + CANARY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stringsCarryingTheCanary")
    void neverRepeatsTheApiKeyInAnError(String description, String configString) {
        JunctionException e = rejects(configString);
        assertFalse(e.getMessage().contains(CANARY), e.getMessage());
        assertFalse(e.hint().orElse("").contains(CANARY), e.hint().orElse(""));
        assertFalse(String.valueOf(e).contains(CANARY));
    }
}

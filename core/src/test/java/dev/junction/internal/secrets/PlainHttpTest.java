package dev.junction.internal.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Plain http to another host is warned about; https and loopback are not. */
class PlainHttpTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://api.example.com/v1", "HTTP://api.example.com", "http://192.0.2.10:8080/v1", "http://10.0.0.1",
        "http://127.0.0.1.example.com/v1", "http://[2001:db8::1]/v1", "http://localhost.example.com", "http://0.0.0.0:8080"})
    void warnsAboutPlainHttpToAnotherHost(String url) {
        Optional<String> warning = PlainHttp.warning("acedata", URI.create(url));
        assertTrue(warning.isPresent(), url);
        assertTrue(warning.get().startsWith("acedata: baseUrl " + url + " is plain http"), warning.get());
        assertTrue(warning.get().contains("use https://"), warning.get());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://api.example.com/v1", "http://127.0.0.1:8080/v1", "http://127.42.0.7", "http://localhost:9/v1",
        "http://LOCALHOST", "http://api.localhost/v1", "http://localhost./v1", "http://[::1]:8080/v1", "http://[0:0:0:0:0:0:0:1]/v1",
        "http://[::ffff:127.0.0.1]/v1"})
    void staysSilentForHttpsAndLoopback(String url) {
        assertEquals(Optional.empty(), PlainHttp.warning("acedata", URI.create(url)), url);
    }

    @Test
    void suggestsTheSameAddressOverHttps() {
        assertEquals("acedata: baseUrl http://api.example.com:8080/v1 is plain http to another host, so the API key and every prompt"
                        + " cross the network unencrypted; use https://api.example.com:8080/v1 if the host serves it",
                PlainHttp.warning("acedata", URI.create("http://api.example.com:8080/v1")).orElseThrow());
    }

    @Test
    void staysSilentWithoutABaseUrl() {
        assertEquals(Optional.empty(), PlainHttp.warning("acedata", null));
    }
}

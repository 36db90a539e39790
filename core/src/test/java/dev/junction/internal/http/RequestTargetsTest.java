package dev.junction.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.spi.HttpCall;
import io.vertx.core.Vertx;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link RequestTargets} fills the options as {@link RequestOptions#setAbsoluteURI(String)} would, without parsing again. */
class RequestTargetsTest {

    private static HttpCall call(String url, Duration connectTimeout) {
        return new HttpCall("p", HttpMethod.POST, URI.create(url), MultiMap.caseInsensitiveMultiMap().set("Accept", "application/json"),
                null, Duration.ofSeconds(5), null, connectTimeout);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://api.example.com/v1/chat/completions",
        "http://127.0.0.1:18099/v1/chat/completions",
        "https://api.example.com:8443/v1/chat/completions?api-version=2024-10-01&x=a%20b",
        "http://api.example.com",
        "https://[::1]:9443/v1/x"
    })
    void fillsWhatSetAbsoluteUriFills(String url) {
        RequestOptions expected = new RequestOptions().setAbsoluteURI(url);
        RequestOptions actual = RequestTargets.options(call(url, null));
        assertEquals(expected.getHost(), actual.getHost(), url);
        assertEquals(expected.getPort(), actual.getPort(), url);
        assertEquals(expected.isSsl(), actual.isSsl(), url);
        assertEquals(expected.getURI(), actual.getURI(), url);
        assertEquals(HttpMethod.POST, actual.getMethod());
        assertFalse(actual.getFollowRedirects(), "never follows a redirect");
        assertEquals("application/json", actual.getHeaders().get("Accept"));
    }

    @Test
    void passesTheCallsConnectTimeout() {
        assertEquals(250, RequestTargets.options(call("https://api.example.com/v1", Duration.ofMillis(250))).getConnectTimeout());
    }

    @Test
    void leavesAUrlWithoutAHostToVertxAndItsError() {
        assertTrue(URI.create("file:/etc/passwd").getHost() == null);
        assertThrows(RuntimeException.class, () -> RequestTargets.options(call("file:/etc/passwd", null)));
    }

    /** The transport turns that error into the call's failure at once, not into a wait for the 5 s timeout. */
    @Test
    void aUrlVertxCannotTakeFailsTheCallAtOnce() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (VertxHttpTransport transport = new VertxHttpTransport(vertx, TransportOptions.defaults())) {
            long started = System.nanoTime();
            ExecutionException failed = assertThrows(ExecutionException.class, () -> transport.send(call("file:/etc/passwd", null))
                    .toCompletionStage().toCompletableFuture().get(4, TimeUnit.SECONDS));
            assertInstanceOf(JunctionException.class, failed.getCause());
            // Vert.x refused the request itself: a configuration problem, its message scrubbed of the headers.
            assertEquals(ErrorKind.CONFIGURATION, ((JunctionException) failed.getCause()).kind());
            assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(4));
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}

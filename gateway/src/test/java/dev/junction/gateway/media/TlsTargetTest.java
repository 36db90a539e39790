package dev.junction.gateway.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.chat.ChatRequest;
import dev.junction.chat.MediaSource;
import dev.junction.chat.Part;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.SelfSignedCertificate;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Over https the connection goes to the checked address while SNI and the certificate check use
 * the URL's host name: a certificate for {@code media.example} served from 127.0.0.1 is accepted
 * for {@code https://media.example/} and refused for any other name pointing there.
 */
class TlsTargetTest {
    static Vertx vertx;
    static SelfSignedCertificate certificate;
    static HttpServer server;
    // What each request said: the TLS server name it indicated and its Host header.
    static final Queue<String> seen = new ConcurrentLinkedQueue<>();
    private SafeMediaInliner inliner;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        certificate = SelfSignedCertificate.create("media.example");
        server = Support.await(vertx.createHttpServer(new HttpServerOptions()
                        .setSsl(true).setSni(true).setKeyCertOptions(certificate.keyCertOptions()))
                .requestHandler(request -> {
                    seen.add(request.connection().indicatedServerName() + " " + request.getHeader("Host"));
                    if (request.path().equals("/downgrade")) {
                        request.response().setStatusCode(302).putHeader("Location", "http://media.example/cat.png").end();
                        return;
                    }
                    request.response().putHeader("Content-Type", "image/png").end(Buffer.buffer(SafeMediaInlinerTest.PNG));
                })
                .listen(0, "127.0.0.1"));
    }

    @AfterAll
    static void stop() throws Exception {
        Support.await(vertx.close());
        certificate.delete();
    }

    @AfterEach
    void closeInliner() throws Exception {
        seen.clear();
        if (inliner != null) {
            Support.await(inliner.close());
        }
    }

    @Test
    void verifiesTheCertificateAgainstTheUrlsHostWhileConnectingToTheCheckedAddress() throws Exception {
        URI url = URI.create("https://media.example:" + server.actualPort() + "/cat.png");

        ChatRequest inlined = Support.await(inliner().inline(ChatRequest.builder().user(Part.url(url)).build()));

        assertEquals(new MediaSource.Bytes(SafeMediaInlinerTest.PNG, "image/png"),
                ((Part.Media) inlined.messages().get(0).parts().get(0)).source());
        assertEquals(List.of("media.example media.example:" + server.actualPort()), List.copyOf(seen));
    }

    @Test
    void refusesACertificateForAnotherName() {
        URI url = URI.create("https://other.example:" + server.actualPort() + "/cat.png");

        JunctionException e = Support.failure(inliner().inline(ChatRequest.builder().user(Part.url(url)).build()));

        assertEquals(ErrorKind.NETWORK, e.kind());
        assertTrue(e.getMessage().contains("the connection to other.example (127.0.0.1) port " + server.actualPort() + " failed"),
                e.getMessage());
        assertEquals(List.of(), List.copyOf(seen));
    }

    @Test
    void refusesARedirectFromHttpsToPlainHttp() {
        URI url = URI.create("https://media.example:" + server.actualPort() + "/downgrade");

        JunctionException e = Support.failure(inliner().inline(ChatRequest.builder().user(Part.url(url)).build()));

        assertEquals(ErrorKind.INVALID_REQUEST, e.kind());
        assertTrue(e.getMessage().contains("/downgrade: it redirects from https to plain http (http://media.example/cat.png)"),
                e.getMessage());
    }

    private SafeMediaInliner inliner() {
        inliner = new SafeMediaInliner(vertx, SafeMediaInlinerTest.LOOPBACK_ALLOWED, 1 << 20, Duration.ofSeconds(20),
                Support.dns(Map.of("media.example", List.of("127.0.0.1"), "other.example", List.of("127.0.0.1"))),
                certificate.trustOptions());
        return inliner;
    }
}

package dev.junction.gateway.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.chat.ChatRequest;
import dev.junction.chat.MediaSource;
import dev.junction.chat.Part;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The size cap and the timeout, against a server that never stops sending or never answers:
 * a download that finishes at all proves the inliner stopped reading on its own.
 */
class DownloadLimitsTest {
    private static final int CAP = 64 * 1024;

    static Vertx vertx;
    static HttpServer server;
    // Per path: completed with the bytes the server wrote, once the client has closed the connection.
    static final Map<String, Promise<Long>> closed = new ConcurrentHashMap<>();
    private SafeMediaInliner inliner;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        server = Support.await(vertx.createHttpServer().requestHandler(request -> {
            HttpServerResponse response = request.response();
            Promise<Long> done = closed.computeIfAbsent(request.path(), path -> Promise.promise());
            AtomicLong written = new AtomicLong();
            request.connection().closeHandler(v -> done.tryComplete(written.get()));
            switch (request.path()) {
                case "/endless-declared" -> {
                    // Claims a gigabyte and would send it all.
                    response.putHeader("Content-Type", "image/png").putHeader("Content-Length", String.valueOf(1L << 30));
                    pump(response, written);
                }
                case "/endless-chunked" -> {
                    response.setChunked(true).putHeader("Content-Type", "image/png");
                    pump(response, written);
                }
                case "/exactly-cap" -> {
                    byte[] body = new byte[CAP];
                    System.arraycopy(SafeMediaInlinerTest.PNG, 0, body, 0, SafeMediaInlinerTest.PNG.length);
                    response.end(Buffer.buffer(body));
                }
                case "/dribble" -> {
                    // Answers at once and keeps the connection busy, one byte at a time, forever.
                    response.setChunked(true).write(Buffer.buffer(SafeMediaInlinerTest.PNG));
                    long timer = vertx.setPeriodic(20, id -> {
                        response.write(Buffer.buffer(new byte[] {0}));
                        written.incrementAndGet();
                    });
                    request.connection().closeHandler(v -> {
                        vertx.cancelTimer(timer);
                        done.tryComplete(written.get());
                    });
                }
                default -> {
                    // "/silent": accepts the request and never answers.
                }
            }
        }).listen(0, "127.0.0.1"));
    }

    private static void pump(HttpServerResponse response, AtomicLong written) {
        Buffer chunk = Buffer.buffer(new byte[8192]);
        while (!response.closed() && !response.writeQueueFull()) {
            response.write(chunk);
            written.addAndGet(chunk.length());
        }
        if (!response.closed()) {
            response.drainHandler(v -> pump(response, written));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        Support.await(vertx.close());
    }

    @AfterEach
    void closeInliner() throws Exception {
        if (inliner != null) {
            Support.await(inliner.close());
        }
    }

    @Test
    void refusesATooLongContentLengthBeforeReadingTheBody() throws Exception {
        JunctionException e = Support.failure(inliner(Duration.ofSeconds(5)).inline(request("/endless-declared")));

        assertEquals(ErrorKind.INVALID_REQUEST, e.kind());
        assertTrue(e.getMessage().contains("the download is over the " + CAP + "-byte cap (the gateway's media.max_bytes):"
                + " its Content-Length is 1073741824 bytes. Send a smaller file."), e.getMessage());
        Support.await(closedFor("/endless-declared"));
    }

    @Test
    void stopsReadingAChunkedBodyOnceItPassesTheCap() throws Exception {
        JunctionException e = Support.failure(inliner(Duration.ofSeconds(5)).inline(request("/endless-chunked")));

        assertEquals(ErrorKind.INVALID_REQUEST, e.kind());
        assertTrue(e.getMessage().contains("its body passed that size while it was read"), e.getMessage());
        // The server could have gone on forever: the connection was closed by the inliner.
        long written = Support.await(closedFor("/endless-chunked"));
        assertTrue(written > CAP, "the server wrote " + written + " bytes");
    }

    @Test
    void acceptsABodyOfExactlyTheCap() throws Exception {
        ChatRequest inlined = Support.await(inliner(Duration.ofSeconds(5)).inline(request("/exactly-cap")));

        MediaSource.Bytes bytes = (MediaSource.Bytes) ((Part.Media) inlined.messages().get(0).parts().get(0)).source();
        assertEquals(CAP, bytes.data().length);
        assertEquals("image/png", bytes.mediaType());
    }

    @Test
    void timesOutAServerThatNeverAnswers() throws Exception {
        JunctionException e = Support.failure(inliner(Duration.ofMillis(1000)).inline(request("/silent")));

        assertEquals(ErrorKind.TIMEOUT, e.kind());
        assertTrue(e.getMessage().contains("/silent: the download did not finish within 1s (the gateway's media.timeout)"),
                e.getMessage());
        Support.await(closedFor("/silent"));
    }

    @Test
    void theTimeoutCoversTheWholeDownloadNotJustSilences() throws Exception {
        JunctionException e = Support.failure(inliner(Duration.ofSeconds(2)).inline(request("/dribble")));

        assertEquals(ErrorKind.TIMEOUT, e.kind());
        // Bytes kept coming after the head, so no idle timeout would ever have fired.
        assertTrue(Support.await(closedFor("/dribble")) > 0);
    }

    @Test
    void aRefusedConnectionIsANetworkFailure() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        URI url = URI.create("http://127.0.0.1:" + port + "/cat.png");

        JunctionException e = Support.failure(inliner(Duration.ofSeconds(5))
                .inline(ChatRequest.builder().user(Part.url(url)).build()));

        assertEquals(ErrorKind.NETWORK, e.kind());
        assertTrue(e.getMessage().contains("the connection to 127.0.0.1 (127.0.0.1) port " + port + " failed"), e.getMessage());
    }

    /** Completes once the client closed its connection for {@code path}, with the bytes written to it. */
    private static io.vertx.core.Future<Long> closedFor(String path) {
        return closed.computeIfAbsent(path, p -> Promise.promise()).future();
    }

    private SafeMediaInliner inliner(Duration timeout) {
        inliner = new SafeMediaInliner(vertx, SafeMediaInlinerTest.LOOPBACK_ALLOWED, CAP, timeout, Support.noDns());
        return inliner;
    }

    private static ChatRequest request(String path) {
        return ChatRequest.builder().user(Part.url(URI.create("http://127.0.0.1:" + server.actualPort() + path))).build();
    }
}

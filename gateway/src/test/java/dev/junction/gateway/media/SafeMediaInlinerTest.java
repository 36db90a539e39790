package dev.junction.gateway.media;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.MediaSource;
import dev.junction.chat.Message;
import dev.junction.chat.Part;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The inliner against a real HTTP server on loopback, which only a test policy may reach. */
class SafeMediaInlinerTest {
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 1, 2, 3};
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};
    static final AddressPolicy LOOPBACK_ALLOWED = AddressPolicy.strictAllowing(List.of("127.0.0.1"));

    static Vertx vertx;
    static WireMockServer wiremock;
    private SafeMediaInliner inliner;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        wiremock = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wiremock.start();
    }

    @AfterAll
    static void stop() throws Exception {
        wiremock.stop();
        Support.await(vertx.close());
    }

    @AfterEach
    void reset() throws Exception {
        wiremock.resetAll();
        if (inliner != null) {
            Support.await(inliner.close());
        }
    }

    @Test
    void replacesUrlWithDownloadedBytesTypedByContentType() throws Exception {
        wiremock.stubFor(get("/cat.png").willReturn(aResponse().withHeader("Content-Type", "image/png").withBody(PNG)));
        ChatRequest request = ChatRequest.builder().user(Part.text("what is this?"), Part.url(url("/cat.png"))).build();

        ChatRequest inlined = Support.await(inliner(LOOPBACK_ALLOWED, Support.noDns()).inline(request));

        List<Part> parts = inlined.messages().get(0).parts();
        assertEquals(Part.text("what is this?"), parts.get(0));
        MediaSource.Bytes bytes = (MediaSource.Bytes) ((Part.Media) parts.get(1)).source();
        assertArrayEquals(PNG, bytes.data());
        assertEquals("image/png", bytes.mediaType());
        // Nothing of the client's or the gateway's goes to the media host.
        wiremock.verify(1, getRequestedFor(urlEqualTo("/cat.png"))
                .withHeader("Authorization", absent()).withHeader("Cookie", absent()));
    }

    @Test
    void sniffsTheTypeWhenContentTypeIsMissingOrNotMedia() throws Exception {
        wiremock.stubFor(get("/photo").willReturn(aResponse().withBody(JPEG)));
        wiremock.stubFor(get("/blob").willReturn(aResponse().withHeader("Content-Type", "application/octet-stream").withBody(PNG)));
        ChatRequest request = ChatRequest.builder().user(Part.url(url("/photo")), Part.url(url("/blob"))).build();

        ChatRequest inlined = Support.await(inliner(LOOPBACK_ALLOWED, Support.noDns()).inline(request));

        assertEquals("image/jpeg", source(inlined, 0, 0).mediaType());
        assertEquals("image/png", source(inlined, 0, 1).mediaType());
    }

    @Test
    void fetchesEachDistinctUrlOnceAndKeepsOtherParts() throws Exception {
        wiremock.stubFor(get("/cat.png").willReturn(aResponse().withHeader("Content-Type", "image/png; charset=binary").withBody(PNG)));
        byte[] own = {1, 2, 3};
        ChatRequest request = ChatRequest.builder()
                .system("be brief")
                .user(Part.url(url("/cat.png")), Part.bytes(own, "image/gif"), Part.dataUri("data:image/png;base64,AAAA"))
                .user(Part.text("again:"), Part.url(url("/cat.png")))
                .build();

        ChatRequest inlined = Support.await(inliner(LOOPBACK_ALLOWED, Support.noDns()).inline(request));

        wiremock.verify(1, getRequestedFor(urlEqualTo("/cat.png")));
        assertEquals(new MediaSource.Bytes(PNG, "image/png"), source(inlined, 1, 0));
        assertEquals(new MediaSource.Bytes(PNG, "image/png"), source(inlined, 2, 1));
        assertSame(request.messages().get(0), inlined.messages().get(0));
        assertSame(request.messages().get(1).parts().get(1), inlined.messages().get(1).parts().get(1));
        assertSame(request.messages().get(1).parts().get(2), inlined.messages().get(1).parts().get(2));
    }

    @Test
    void returnsTheSameRequestWhenThereIsNoUrl() throws Exception {
        ChatRequest request = ChatRequest.builder().user(Part.text("hi"), Part.dataUri("data:image/png;base64,AAAA")).build();
        assertSame(request, Support.await(inliner(AddressPolicy.strict(), Support.noDns()).inline(request)));
    }

    @Test
    void refusesMoreDistinctUrlsThanItDownloadsPerRequestBeforeResolvingAny() {
        ChatRequest.Builder many = ChatRequest.builder();
        for (int i = 0; i <= SafeMediaInliner.MAX_URLS; i++) {
            many.user(Part.url(URI.create("http://media.example/" + i + ".png")));
        }

        JunctionException e = Support.failure(inliner(AddressPolicy.strict(), Support.noDns()).inline(many.build()));

        assertEquals(ErrorKind.INVALID_REQUEST, e.kind());
        assertEquals("the request has 17 distinct media URLs; the gateway downloads at most 16 per request", e.getMessage());
        wiremock.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void defaultPolicyRefusesTheSameServerOnLoopback() throws Exception {
        wiremock.stubFor(get("/cat.png").willReturn(aResponse().withHeader("Content-Type", "image/png").withBody(PNG)));
        ChatRequest request = ChatRequest.builder().user(Part.text("hi"), Part.url(url("/cat.png"))).build();

        JunctionException e = Support.failure(inliner(AddressPolicy.strict(), Support.noDns()).inline(request));

        assertEquals(ErrorKind.INVALID_REQUEST, e.kind());
        assertEquals("messages[0].content[1]: cannot download " + url("/cat.png") + ": the host 127.0.0.1 is a loopback"
                + " address, which the gateway does not download from. Use a URL on a public host, or send the media"
                + " inline as a data: URI.", e.getMessage());
        wiremock.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void refusesAHostResolvingToTheMetadataAddressWithoutConnecting() {
        Function<String, Future<List<InetAddress>>> dns = Support.dns(Map.of(
                "metadata.example", List.of("169.254.169.254"),
                // Any refused address refuses the host, even when the first one is allowed.
                "mixed.example", List.of("127.0.0.1", "10.0.0.5")));
        inliner = new SafeMediaInliner(vertx, LOOPBACK_ALLOWED, 1 << 20, Duration.ofSeconds(5), dns);

        JunctionException metadata = Support.failure(inliner.inline(ChatRequest.builder()
                .user(Part.url(URI.create("http://metadata.example/latest/meta-data/iam"))).build()));
        JunctionException mixed = Support.failure(inliner.inline(ChatRequest.builder()
                .user(Part.url(URI.create("http://mixed.example:" + wiremock.port() + "/cat.png"))).build()));

        assertEquals(ErrorKind.INVALID_REQUEST, metadata.kind());
        assertTrue(metadata.getMessage().contains("http://metadata.example/latest/meta-data/iam: the host metadata.example"
                + " resolves to 169.254.169.254, a link-local address (cloud metadata)"), metadata.getMessage());
        assertTrue(mixed.getMessage().contains("resolves to 10.0.0.5, a private address"), mixed.getMessage());
        wiremock.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void connectsToTheCheckedAddressResolvedOnceWhateverDnsSaysLater() throws Exception {
        wiremock.stubFor(get("/cat.png").willReturn(aResponse().withHeader("Content-Type", "image/png").withBody(PNG)));
        AtomicInteger lookups = new AtomicInteger();
        // A rebinding DNS server: the allowed address for the check, then a private one for whoever asks next.
        Function<String, Future<List<InetAddress>>> rebinding = host -> Future.succeededFuture(List.of(
                Support.ip(lookups.getAndIncrement() == 0 ? "127.0.0.1" : "10.0.0.1")));
        inliner = new SafeMediaInliner(vertx, LOOPBACK_ALLOWED, 1 << 20, Duration.ofSeconds(5), rebinding);
        URI url = URI.create("http://media.example:" + wiremock.port() + "/cat.png");

        ChatRequest inlined = Support.await(inliner.inline(ChatRequest.builder()
                .user(Part.url(url)).user(Part.text("and"), Part.url(url)).build()));

        assertEquals(new MediaSource.Bytes(PNG, "image/png"), source(inlined, 0, 0));
        assertEquals(1, lookups.get());
        // The server on 127.0.0.1 was reached under the URL's own host name.
        wiremock.verify(1, getRequestedFor(urlEqualTo("/cat.png")).withHeader("Host", equalTo("media.example:" + wiremock.port())));
    }

    @Test
    void refusesARedirectToTheMetadataAddress() {
        wiremock.stubFor(get("/moved").willReturn(aResponse().withStatus(302)
                .withHeader("Location", "http://169.254.169.254/latest/meta-data/?token=HOPSECRET")));
        ChatRequest request = ChatRequest.builder().user(Part.url(url("/moved"))).build();

        JunctionException e = Support.failure(inliner(LOOPBACK_ALLOWED, Support.noDns()).inline(request));

        assertEquals(ErrorKind.INVALID_REQUEST, e.kind());
        assertTrue(e.getMessage().contains("it redirects to http://169.254.169.254/latest/meta-data/, but the host"
                + " 169.254.169.254 is a link-local address (cloud metadata)"), e.getMessage());
        assertFalse(e.getMessage().contains("HOPSECRET"), e.getMessage());
    }

    @Test
    void checksARedirectToAHostNameLikeTheFirstUrl() {
        wiremock.stubFor(get("/moved").willReturn(aResponse().withStatus(307).withHeader("Location", "http://intranet.example/x.png")));
        Function<String, Future<List<InetAddress>>> dns = Support.dns(Map.of("intranet.example", List.of("192.168.1.20")));

        JunctionException e = Support.failure(inliner(LOOPBACK_ALLOWED, dns)
                .inline(ChatRequest.builder().user(Part.url(url("/moved"))).build()));

        assertTrue(e.getMessage().contains("the host intranet.example resolves to 192.168.1.20, a private address"), e.getMessage());
    }

    @Test
    void followsThreeRedirectsButNotFour() throws Exception {
        wiremock.stubFor(get("/r1").willReturn(aResponse().withStatus(301).withHeader("Location", "/r2")));
        wiremock.stubFor(get("/r2").willReturn(aResponse().withStatus(302).withHeader("Location", url("/r3").toString())));
        wiremock.stubFor(get("/r3").willReturn(aResponse().withStatus(308).withHeader("Location", "r4")));
        wiremock.stubFor(get("/r4").willReturn(aResponse().withHeader("Content-Type", "image/png").withBody(PNG)));
        wiremock.stubFor(get("/r0").willReturn(aResponse().withStatus(303).withHeader("Location", "/r1")));
        SafeMediaInliner media = inliner(LOOPBACK_ALLOWED, Support.noDns());

        ChatRequest three = Support.await(media.inline(ChatRequest.builder().user(Part.url(url("/r1"))).build()));
        JunctionException four = Support.failure(media.inline(ChatRequest.builder().user(Part.url(url("/r0"))).build()));

        assertEquals(new MediaSource.Bytes(PNG, "image/png"), source(three, 0, 0));
        assertEquals(ErrorKind.INVALID_REQUEST, four.kind());
        assertTrue(four.getMessage().contains(url("/r0") + ": it redirects more than 3 times"), four.getMessage());
        wiremock.verify(2, getRequestedFor(urlEqualTo("/r3")));
        wiremock.verify(1, getRequestedFor(urlEqualTo("/r4")));
    }

    @Test
    void refusesCredentialsInTheUrlWithoutShowingThem() {
        URI url = URI.create("http://user:s3cret@127.0.0.1:" + wiremock.port() + "/cat.png");

        JunctionException e = Support.failure(inliner(LOOPBACK_ALLOWED, Support.noDns())
                .inline(ChatRequest.builder().user(Part.url(url)).build()));

        assertEquals(ErrorKind.INVALID_REQUEST, e.kind());
        assertTrue(e.getMessage().contains("http://127.0.0.1:" + wiremock.port() + "/cat.png: the URL carries credentials"),
                e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
        wiremock.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void refusesServerSideFilesInInlineAndOnItsOwn() {
        ChatRequest request = ChatRequest.builder()
                .user("hello")
                .user(Part.text("read this"), Part.file(Path.of("/etc/passwd")))
                .build();

        JunctionException inlined = Support.failure(inliner(LOOPBACK_ALLOWED, Support.noDns()).inline(request));
        JunctionException alone = assertThrows(JunctionException.class, () -> SafeMediaInliner.refuseFiles(request));

        for (JunctionException e : List.of(inlined, alone)) {
            assertEquals(ErrorKind.INVALID_REQUEST, e.kind());
            assertTrue(e.getMessage().startsWith("messages[1].content[1]: media from a file path on the server is not accepted"),
                    e.getMessage());
            assertFalse(e.getMessage().contains("/etc/passwd"), e.getMessage());
        }
    }

    @Test
    void namesThePartAndLeavesTheQueryStringOutOfHttpErrors() {
        wiremock.stubFor(get(urlPathEqualTo("/missing.png")).willReturn(aResponse().withStatus(404)));
        URI signed = URI.create(url("/missing.png") + "?X-Amz-Signature=TOPSECRET&X-Amz-Credential=KEY#frag");
        ChatRequest request = ChatRequest.builder().user("hi").user(Part.text("a"), Part.text("b"), Part.url(signed)).build();

        JunctionException e = Support.failure(inliner(LOOPBACK_ALLOWED, Support.noDns()).inline(request));

        assertEquals(ErrorKind.INVALID_REQUEST, e.kind());
        assertEquals("messages[1].content[2]: cannot download " + url("/missing.png") + ": the media host answered HTTP 404."
                + " Check that the URL is public and still valid.", e.getMessage());
        // The query string still reached the host: only the message leaves it out.
        wiremock.verify(1, getRequestedFor(urlEqualTo("/missing.png?X-Amz-Signature=TOPSECRET&X-Amz-Credential=KEY")));
    }

    @Test
    void failsWhenTheTypeCannotBeTold() {
        wiremock.stubFor(get("/page").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody("<html></html>")));

        JunctionException e = Support.failure(inliner(LOOPBACK_ALLOWED, Support.noDns())
                .inline(ChatRequest.builder().user(Part.url(url("/page"))).build()));

        assertEquals(ErrorKind.INVALID_REQUEST, e.kind());
        assertTrue(e.getMessage().contains("cannot tell its media type"), e.getMessage());
    }

    @Test
    void theSystemResolverRunsOffTheEventLoopAndItsAnswerIsJudged() {
        wiremock.stubFor(get("/cat.png").willReturn(aResponse().withHeader("Content-Type", "image/png").withBody(PNG)));
        inliner = new SafeMediaInliner(vertx, AddressPolicy.strict(), 1 << 20, Duration.ofSeconds(5));

        JunctionException e = Support.failure(inliner.inline(ChatRequest.builder()
                .user(Part.url(URI.create("http://localhost:" + wiremock.port() + "/cat.png"))).build()));

        assertEquals(ErrorKind.INVALID_REQUEST, e.kind());
        assertTrue(e.getMessage().contains("the host localhost resolves to "), e.getMessage());
        assertTrue(e.getMessage().contains("a loopback address"), e.getMessage());
        wiremock.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void refusesAnEmptyBody() {
        wiremock.stubFor(get("/empty").willReturn(aResponse().withHeader("Content-Type", "image/png")));

        JunctionException e = Support.failure(inliner(LOOPBACK_ALLOWED, Support.noDns())
                .inline(ChatRequest.builder().user(Part.url(url("/empty"))).build()));

        assertEquals(ErrorKind.INVALID_REQUEST, e.kind());
        assertTrue(e.getMessage().contains("the media host answered HTTP 200 with an empty body"), e.getMessage());
    }

    @ParameterizedTest(name = "{0} is refused before any lookup")
    @ValueSource(strings = {"http://2130706433/", "http://0x7f.1/", "http://0177.0.0.1/", "http://127.1/",
        "http://0x7f000001/", "http://[::ffff:7f00:1]/", "http://[::1]/", "http://[fe80::1%25eth0]/", "http://a_b.example/",
        "ftp://example.com/cat.png", "file:///etc/passwd", "gopher://example.com/", "http://example.com:0/x"})
    void refusesOddHostsAndSchemes(String url) {
        AtomicInteger lookups = new AtomicInteger();
        Function<String, Future<List<InetAddress>>> counting = host -> {
            lookups.incrementAndGet();
            return Future.succeededFuture(List.of(Support.ip("8.8.8.8")));
        };

        JunctionException e = Support.failure(inliner(AddressPolicy.strict(), counting)
                .inline(ChatRequest.builder().user(Part.url(URI.create(url))).build()));

        assertEquals(ErrorKind.INVALID_REQUEST, e.kind());
        assertTrue(e.getMessage().startsWith("messages[0].content[0]: cannot download "), e.getMessage());
        assertEquals(0, lookups.get());
    }

    @Test
    void aHostThatDoesNotResolveIsTheClientsMistake() {
        Function<String, Future<List<InetAddress>>> nx = host -> Future.failedFuture(new UnknownHostException(host));

        JunctionException e = Support.failure(inliner(AddressPolicy.strict(), nx)
                .inline(ChatRequest.builder().user(Part.url(URI.create("https://nowhere.example/a.png"))).build()));

        assertEquals(ErrorKind.INVALID_REQUEST, e.kind());
        assertTrue(e.getMessage().contains("the host nowhere.example does not resolve"), e.getMessage());
    }

    private SafeMediaInliner inliner(AddressPolicy policy, Function<String, Future<List<InetAddress>>> dns) {
        inliner = new SafeMediaInliner(vertx, policy, 1 << 20, Duration.ofSeconds(5), dns);
        return inliner;
    }

    private static URI url(String path) {
        return URI.create("http://127.0.0.1:" + wiremock.port() + path);
    }

    private static MediaSource source(ChatRequest request, int message, int part) {
        return ((Part.Media) request.messages().get(message).parts().get(part)).source();
    }
}

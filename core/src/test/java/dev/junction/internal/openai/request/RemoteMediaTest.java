package dev.junction.internal.openai.request;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.junction.chat.ChatModel;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.MediaSource;
import dev.junction.chat.Part;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.internal.http.TransportOptions;
import dev.junction.internal.http.VertxHttpTransport;
import dev.junction.spi.openai.Dialect;
import dev.junction.spi.openai.InlineMedia;
import dev.junction.spi.openai.MediaPartContext;
import dev.junction.spi.openai.factory.OpenAiCompatibleFactory;
import dev.junction.testing.Futures;
import dev.junction.testing.TestProfiles;
import dev.junction.testing.TestVendorFactory;
import dev.junction.testing.VendorServer;
import java.io.IOException;
import java.net.URI;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * inlineRemoteMedia=true: a vendor that takes only inline data gets URL media downloaded by
 * Junction from a second server, without the vendor's key, and every failure stops the call.
 */
class RemoteMediaTest {
    private VendorServer vendor;
    private WireMockServer media;

    /** The test vendor, but with a dialect that sends only data URIs, like yisu. */
    static final class InlineOnlyVendor extends OpenAiCompatibleFactory {
        InlineOnlyVendor() {
            super(TestProfiles.edited(root -> root.put("acceptsMediaUrls", false)), new Dialect() {
                @Override
                public void writeMediaPart(JsonGenerator json, MediaSource source, MediaPartContext context) throws IOException {
                    json.writeStartObject();
                    json.writeStringField("type", "image_url");
                    json.writeObjectFieldStart("image_url");
                    json.writeFieldName("url");
                    InlineMedia.writeDataUri(json, source, context);
                    json.writeEndObject();
                    json.writeEndObject();
                }
            });
        }
    }

    @BeforeEach
    void start() {
        vendor = new VendorServer(builder -> builder.factories(List.of(new InlineOnlyVendor())));
        vendor.reply(okJson(VendorServer.okBody("好")));
        media = new WireMockServer(options().dynamicPort());
        media.start();
    }

    @AfterEach
    void stop() {
        try {
            vendor.close();
        } finally {
            media.stop();
        }
    }

    private ChatModel inlining() {
        return vendor.model(VendorServer.MODEL, "&inlineRemoteMedia=true");
    }

    private JunctionException failure(URI url) {
        return Futures.failure(inlining().chat(ChatRequest.builder().user(Part.text("看"), Part.url(url)).build()));
    }

    private void assertNothingSentToTheVendor(JunctionException e) {
        assertEquals(0, vendor.requests(), "the vendor must not be called");
        assertFalse(e.getMessage().contains(VendorServer.KEY), e.getMessage());
        assertEquals(TestVendorFactory.ID, e.provider());
    }

    @Test
    void downloadsAndInlinesWithoutTheVendorsKey() {
        byte[] png = MediaSourcesTest.png(30_000);
        media.stubFor(get("/cat").willReturn(aResponse().withBody(png).withHeader("Content-Type", "application/octet-stream")));

        Futures.await(inlining().chat(ChatRequest.builder().user(Part.text("看"), Part.url(URI.create(media.baseUrl() + "/cat"))).build()));

        media.verify(1, getRequestedFor(urlEqualTo("/cat")).withHeader("Authorization", absent()));
        vendor.wire().verify(1, postRequestedFor(urlEqualTo(TestVendorFactory.CHAT_PATH))
                .withHeader("Authorization", equalTo("Bearer " + VendorServer.KEY))
                .withRequestBody(equalToJson("""
                        {"model":"gemini-2.5-pro","stream":false,"messages":[{"role":"user","content":[
                          {"type":"text","text":"看"},
                          {"type":"image_url","image_url":{"url":"data:image/png;base64,%s"}}]}]}
                        """.formatted(Base64.getEncoder().encodeToString(png)))));
    }

    @Test
    void downloadsARepeatedUrlOnceAndFollowsARedirectOnTheSameHost() {
        byte[] png = MediaSourcesTest.png(100);
        media.stubFor(get("/old").willReturn(aResponse().withStatus(302).withHeader("Location", "/new")));
        media.stubFor(get("/new").willReturn(aResponse().withBody(png)));
        Part image = Part.url(URI.create(media.baseUrl() + "/old"));

        Futures.await(inlining().chat(ChatRequest.builder().user(Part.text("看"), image, image).build()));

        media.verify(1, getRequestedFor(urlEqualTo("/old")));
        media.verify(1, getRequestedFor(urlEqualTo("/new")));
        String dataUri = "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
        vendor.wire().verify(1, postRequestedFor(urlEqualTo(TestVendorFactory.CHAT_PATH)).withRequestBody(equalToJson("""
                {"model":"gemini-2.5-pro","stream":false,"messages":[{"role":"user","content":[
                  {"type":"text","text":"看"},
                  {"type":"image_url","image_url":{"url":"%1$s"}},
                  {"type":"image_url","image_url":{"url":"%1$s"}}]}]}
                """.formatted(dataUri))));
    }

    @Test
    void refusesARedirectToAnotherHost() {
        media.stubFor(get("/away").willReturn(aResponse().withStatus(301).withHeader("Location", "http://127.0.0.2:9/x.png")));
        URI url = URI.create(media.baseUrl() + "/away");

        JunctionException e = failure(url);

        assertEquals(ErrorKind.INVALID_REQUEST, e.kind());
        assertTrue(e.getMessage().contains("message 0, part 1") && e.getMessage().contains(url.toString())
                && e.getMessage().contains("another host"), e.getMessage());
        assertNothingSentToTheVendor(e);
    }

    @Test
    void refusesANonHttpScheme() {
        JunctionException e = failure(URI.create("file:///etc/passwd"));

        assertEquals(ErrorKind.INVALID_REQUEST, e.kind());
        assertTrue(e.getMessage().contains("file:///etc/passwd") && e.getMessage().contains("only http and https"), e.getMessage());
        assertNothingSentToTheVendor(e);
        assertEquals(0, media.getAllServeEvents().size());
    }

    @Test
    void reportsAnHttpErrorFromTheMediaHost() {
        media.stubFor(get("/gone.png").willReturn(aResponse().withStatus(404)));
        URI url = URI.create(media.baseUrl() + "/gone.png");

        JunctionException e = failure(url);

        assertEquals(ErrorKind.INVALID_REQUEST, e.kind());
        assertTrue(e.getMessage().contains("HTTP 404") && e.getMessage().contains(url.toString()), e.getMessage());
        assertNothingSentToTheVendor(e);
    }

    @Test
    void reportsAnUnreachableHostAsNetwork() {
        int port = media.port();
        media.stop();
        URI url = URI.create("http://localhost:" + port + "/cat.png");

        JunctionException e = failure(url);

        assertEquals(ErrorKind.NETWORK, e.kind());
        assertTrue(e.getMessage().contains(url.toString()), e.getMessage());
        assertNothingSentToTheVendor(e);
    }

    @Test
    void refusesContentOfUnknownType() {
        media.stubFor(get("/blob").willReturn(aResponse().withBody(new byte[] {1, 2, 3})));

        JunctionException e = failure(URI.create(media.baseUrl() + "/blob"));

        assertEquals(ErrorKind.INVALID_REQUEST, e.kind());
        assertTrue(e.getMessage().contains("cannot tell the media type"), e.getMessage());
        assertNothingSentToTheVendor(e);
    }

    @Test
    void stopsReadingADownloadAsSoonAsItPassesTheCap() {
        // A body announced as 64 MiB: the transport refuses it from the Content-Length, before reading it.
        media.stubFor(get("/huge.png").willReturn(aResponse().withHeader("Content-Length", String.valueOf(64L * 1024 * 1024))
                .withBody(MediaSourcesTest.png(2048))));
        VertxHttpTransport transport = new VertxHttpTransport(vendor.junction().vertx(), TransportOptions.defaults());
        RemoteMedia downloads = new RemoteMedia(transport, "testvendor", 1024, RemoteMedia.DEFAULT_TIMEOUT);
        JunctionException e;
        try {
            e = Futures.failure(downloads.download(new MediaSource.Url(URI.create(media.baseUrl() + "/huge.png"), null), "message 0, part 1"));
        } finally {
            transport.close();
        }
        assertEquals(ErrorKind.INVALID_REQUEST, e.kind());
        assertTrue(e.getMessage().contains("over the 1024-byte cap"), e.getMessage());
    }

    @Test
    void refusesADownloadOverTheCap() {
        media.stubFor(get("/big.png").willReturn(aResponse().withBody(MediaSourcesTest.png(1025))));
        media.stubFor(get("/small.png").willReturn(aResponse().withBody(MediaSourcesTest.png(1024))));
        VertxHttpTransport transport = new VertxHttpTransport(vendor.junction().vertx(), TransportOptions.defaults());
        RemoteMedia downloads = new RemoteMedia(transport, "testvendor", 1024, RemoteMedia.DEFAULT_TIMEOUT);
        JunctionException e;
        MediaSource small;
        try {
            e = Futures.failure(downloads.download(new MediaSource.Url(URI.create(media.baseUrl() + "/big.png"), null), "message 0, part 1"));
            small = Futures.await(downloads.download(new MediaSource.Url(URI.create(media.baseUrl() + "/small.png"), null), "message 0, part 2"));
        } finally {
            transport.close();
        }

        assertEquals(ErrorKind.INVALID_REQUEST, e.kind());
        assertTrue(e.getMessage().contains("over the 1024-byte cap") && e.getMessage().contains("/big.png"), e.getMessage());
        assertEquals(new MediaSource.Bytes(MediaSourcesTest.png(1024), "image/png"), small);
    }

    @Test
    void leavesUrlsAloneWithoutTheSetting() {
        JunctionException e = Futures.failure(vendor.model().chat(ChatRequest.builder()
                .user(Part.text("看"), Part.url(URI.create(media.baseUrl() + "/cat.png"))).build()));

        assertEquals(ErrorKind.UNSUPPORTED_FEATURE, e.kind());
        assertEquals(0, media.getAllServeEvents().size(), "nothing may be downloaded without inlineRemoteMedia=true");
        assertNothingSentToTheVendor(e);
    }
}

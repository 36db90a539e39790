package dev.junction.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.junction.gateway.config.ConfigLoader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Media URLs through the gateway: the engine never downloads them (its downloader has no SSRF
 * checks), and the gateway's own downloader, when switched on, refuses internal addresses.
 */
class GatewayMediaTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String withImage(String url) {
        return "{\"model\":\"google/gemini-2.5-pro\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"What is it?\"},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"" + url + "\"}}]}]}";
    }

    @Test
    void withInliningOffAUrlForAVendorThatTakesNoUrlsIsRefusedAndNothingIsFetched() throws Exception {
        try (GatewayRig rig = GatewayRig.start()) {
            rig.vendors.stubFor(get("/cat.png").willReturn(aResponse().withStatus(200).withBody(new byte[] {(byte) 0x89, 'P', 'N', 'G'})));

            HttpResponse<String> reply = rig.post("/v1/chat/completions", withImage(rig.vendors.baseUrl() + "/cat.png"));

            assertEquals(400, reply.statusCode(), reply.body());
            rig.vendors.verify(0, getRequestedFor(urlEqualTo("/cat.png")));
            rig.vendors.verify(0, postRequestedFor(urlEqualTo("/google/chat/completions")));
        }
    }

    @Test
    void withInliningOnALoopbackUrlIsRefusedBeforeAnyConnection(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("gateway.yaml"), "server: {port: 0}\nmedia: {inline_remote: true}\n");
        try (GatewayRig rig = GatewayRig.start(ConfigLoader.load(config))) {
            rig.vendors.stubFor(get("/cat.png").willReturn(aResponse().withStatus(200).withBody(new byte[] {(byte) 0x89, 'P', 'N', 'G'})));

            HttpResponse<String> reply = rig.post("/v1/chat/completions", withImage(rig.vendors.baseUrl() + "/cat.png?token=secret"));

            assertEquals(400, reply.statusCode(), reply.body());
            JsonNode error = JSON.readTree(reply.body()).path("error");
            assertTrue(error.path("message").asText().contains("loopback"), error.toString());
            assertTrue(!reply.body().contains("token=secret"), "the URL's query, which may be a signed token, is left out");
            rig.vendors.verify(0, getRequestedFor(urlEqualTo("/cat.png?token=secret")));
            rig.vendors.verify(0, postRequestedFor(urlEqualTo("/google/chat/completions")));
        }
    }
}

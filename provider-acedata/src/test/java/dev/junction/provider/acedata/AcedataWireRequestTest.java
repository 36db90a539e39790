package dev.junction.provider.acedata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.Message;
import dev.junction.chat.Part;
import dev.junction.testkit.DocumentedRequest;
import dev.junction.testkit.Fixtures;
import dev.junction.testkit.VendorDeclaration;
import dev.junction.testkit.WireRequestConformance;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The request bodies acedata's doc shows. Its multimodal examples send {@code "stream": false},
 * which is acedata's default; Junction leaves the field out, the one stated change.
 */
class AcedataWireRequestTest extends WireRequestConformance {
    private static final String NO_STREAM = "\"stream\": false is acedata's default, so Junction sends no stream field";

    @Override
    protected VendorDeclaration vendor() {
        return AcedataVendor.DECLARATION;
    }

    @Override
    protected List<DocumentedRequest> documentedRequests() {
        return List.of(
                DocumentedRequest.exact("多輪對話",
                        ChatRequest.builder().model("gemini-2.5-pro")
                                .user("你好").message(Message.assistant("你好!我今天能幫助你什麼?")).user("你是什麼模型?").build(),
                        "fixtures/multi-turn-request.json"),
                multimodal("Gemini-3.0 多模態: 圖片", "gemini-3-pro", "圖片的內容是什麼?", "https://cdn.acedata.cloud/qzx2z1.png",
                        "fixtures/gemini-3-pro-image-request.json"),
                multimodal("Gemini-3.0 多模態: 視頻", "gemini-3-pro", "視頻的內容是什麼?", "https://cdn.acedata.cloud/58yioe.mp4",
                        "fixtures/gemini-3-pro-video-request.json"),
                multimodal("Gemini-3.1 多模態: 圖片", "gemini-3.1-pro", "圖片的內容是什麼?", "https://cdn.acedata.cloud/qzx2z1.png",
                        "fixtures/gemini-3.1-pro-image-request.json"),
                multimodal("Gemini-3.1 多模態: 視頻", "gemini-3.1-pro", "視頻的內容是什麼?", "https://cdn.acedata.cloud/58yioe.mp4",
                        "fixtures/gemini-3.1-pro-video-request.json"));
    }

    @Override
    protected String mediaPartJson(String url) {
        return Fixtures.toJson(Map.of("type", "image_url", "image_url", Map.of("url", url)));
    }

    private static DocumentedRequest multimodal(String name, String model, String question, String url, String fixture) {
        return DocumentedRequest.adjusted(name,
                ChatRequest.builder().model(model).user(Part.text(question), Part.url(URI.create(url))).build(),
                fixture, NO_STREAM, dropDefaultStream());
    }

    /** Removes the doc's {@code "stream": false}, checking that is what the doc had. */
    private static UnaryOperator<ObjectNode> dropDefaultStream() {
        return body -> {
            assertTrue(body.path("stream").isBoolean(), () -> "the doc's example should say stream: " + body);
            assertEquals(false, body.path("stream").asBoolean());
            body.remove("stream");
            return body;
        };
    }
}

package dev.junction.provider.yisu;

import dev.junction.chat.FinishReason;
import dev.junction.chat.GeneratedImage;
import dev.junction.testkit.ChatReplyConformance;
import dev.junction.testkit.DocumentedReply;
import dev.junction.testkit.Fixtures;
import dev.junction.testkit.VendorDeclaration;
import java.util.List;

/**
 * yisu's documented replies. The 文生图 reply's image is elided in the doc ({@code /9j/4AAQSk...});
 * here it is the doc's reply with a real JPEG ({@code fixtures/generated.jpg}) in its place, and the
 * decoded bytes must equal the file. The verbatim reply is checked in {@link YisuTruncatedDocImageTest}.
 */
class YisuChatReplyTest extends ChatReplyConformance {
    private static final String PRICE_WARNING = "Junction.builder().price(";

    @Override
    protected VendorDeclaration vendor() {
        return YisuVendor.DECLARATION;
    }

    @Override
    protected List<DocumentedReply> documentedReplies() {
        byte[] jpeg = Fixtures.bytes(getClass(), "fixtures/generated.jpg");
        return List.of(
                DocumentedReply.builder("文生图 (real JPEG in place of the elided one)", "gemini-3-pro-image-preview",
                                "fixtures/text-to-image-reply-decodable.json")
                        .text("")
                        .finish(FinishReason.STOP, "stop")
                        .models("gemini-3-pro-image-preview", "google/gemini-3-pro-image-preview")
                        .usage(14L, 1404L, 0L, 1404L, null, 1418L)
                        .image(new GeneratedImage(jpeg, "image/jpeg"))
                        .warning(PRICE_WARNING)
                        .build(),
                DocumentedReply.builder("图片理解", "google/gemini-3-pro-image-preview", "fixtures/vision-reply.json")
                        .text("图片中是一位站在海边的人,背景是夕阳。")
                        .finish(FinishReason.STOP, "stop")
                        .models("gemini-3-pro-image-preview", "google/gemini-3-pro-image-preview")
                        .warning(PRICE_WARNING)
                        .build());
    }
}

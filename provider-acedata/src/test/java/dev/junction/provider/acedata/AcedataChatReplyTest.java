package dev.junction.provider.acedata;

import dev.junction.chat.FinishReason;
import dev.junction.testkit.ChatReplyConformance;
import dev.junction.testkit.DocumentedReply;
import dev.junction.testkit.Fixtures;
import dev.junction.testkit.VendorDeclaration;
import java.util.List;

/**
 * acedata's documented replies: reasoning in {@code message.reasoning_content}, usage with
 * {@code cached_tokens} and {@code reasoning_tokens} (part of {@code completion_tokens}).
 * Long texts are read from the fixture by JSON pointer rather than retyped.
 */
class AcedataChatReplyTest extends ChatReplyConformance {
    private static final String PRICE_WARNING = "Junction.builder().price(";

    @Override
    protected VendorDeclaration vendor() {
        return AcedataVendor.DECLARATION;
    }

    @Override
    protected List<DocumentedReply> documentedReplies() {
        return List.of(
                DocumentedReply.builder("基本使用: What model are you", "gemini-2.5-pro", "fixtures/what-model-reply.json")
                        .text("I am a large language model, trained by Google.")
                        .reasoning(docText("fixtures/what-model-reply.json", "/choices/0/message/reasoning_content"))
                        .finish(FinishReason.STOP, "stop")
                        .models("gemini-2.5-pro", "gemini-2.5-pro")
                        .usage(8L, 932L, 921L, null, 0L, 940L).audioInputTokens(0L)
                        .warning(PRICE_WARNING)
                        .build(),
                DocumentedReply.builder("多輪對話", "gemini-2.5-pro", "fixtures/multi-turn-reply.json")
                        .text("我是一個大型語言模型,由 Google 訓練。")
                        .reasoning(docText("fixtures/multi-turn-reply.json", "/choices/0/message/reasoning_content"))
                        .finish(FinishReason.STOP, "stop")
                        .models("gemini-2.5-pro", "gemini-2.5-pro")
                        .usage(16L, 265L, 254L, null, 0L, 281L).audioInputTokens(0L)
                        .warning(PRICE_WARNING)
                        .build(),
                DocumentedReply.builder("Gemini-3.0 多模態: 圖片", "gemini-3-pro", "fixtures/gemini-3-pro-image-reply.json")
                        .text(docText("fixtures/gemini-3-pro-image-reply.json", "/choices/0/message/content"))
                        .finish(FinishReason.STOP, "stop")
                        .models("gemini-3-pro", "gemini-3.0-pro")
                        .usage(1092L, 1271L, 1072L, null, 0L, 2363L).audioInputTokens(0L)
                        .warning(PRICE_WARNING)
                        .build());
    }

    private String docText(String fixture, String pointer) {
        return Fixtures.textAt(getClass(), fixture, pointer);
    }
}

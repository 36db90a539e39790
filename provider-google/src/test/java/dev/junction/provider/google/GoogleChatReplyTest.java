package dev.junction.provider.google;

import dev.junction.chat.FinishReason;
import dev.junction.testkit.ChatReplyConformance;
import dev.junction.testkit.DocumentedReply;
import dev.junction.testkit.VendorDeclaration;
import java.math.BigDecimal;
import java.util.List;

class GoogleChatReplyTest extends ChatReplyConformance {
    @Override
    protected VendorDeclaration vendor() {
        return GoogleVendor.DECLARATION;
    }

    @Override
    protected List<DocumentedReply> documentedReplies() {
        return List.of(
                DocumentedReply.builder("chat completion", "gemini-2.5-pro", "fixtures/chat-reply.json")
                        .text("AI works by learning patterns from examples and using them to make predictions.")
                        .finish(FinishReason.STOP, "stop")
                        .models("gemini-2.5-pro", "gemini-2.5-pro")
                        .usage(8L, 17L, null, null, null, 25L)
                        .cost(new BigDecimal("0.00018"), null) // 8 × $1.25 + 17 × $10 per 1M
                        .build(),
                DocumentedReply.builder("thought summary in <thought> tags", "gemini-3-pro", "fixtures/thoughts-reply.json")
                        .text("AI learns patterns from examples.")
                        .reasoning("**Explaining AI simply**\nI will describe learning from examples.")
                        .finish(FinishReason.STOP, "stop")
                        .models("gemini-3-pro", "gemini-3-pro-preview")
                        .usage(8L, 30L, null, null, null, 38L)
                        .cost(new BigDecimal("0.000376"), null) // 8 × $2 + 30 × $12 per 1M
                        .build());
    }
}

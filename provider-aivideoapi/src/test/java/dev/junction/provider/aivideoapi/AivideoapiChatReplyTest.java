package dev.junction.provider.aivideoapi;

import dev.junction.chat.FinishReason;
import dev.junction.testkit.ChatReplyConformance;
import dev.junction.testkit.DocumentedReply;
import dev.junction.testkit.VendorDeclaration;
import java.math.BigDecimal;
import java.util.List;

/**
 * aivideoapi's documented non-streaming replies (000 响应, 001 响应(非流式)), costed from the docs'
 * 定价 tables: dollars from the 价格 column, credits independently from the 积分 column.
 */
class AivideoapiChatReplyTest extends ChatReplyConformance {

    @Override
    protected VendorDeclaration vendor() {
        return AivideoapiVendor.DECLARATION;
    }

    @Override
    protected List<DocumentedReply> documentedReplies() {
        return List.of(
                DocumentedReply.builder("gemini-3-pro 响应", "gemini-3-pro", "fixtures/gemini-3-pro-reply.json")
                        .text("相对论分为狭义和广义...")
                        .finish(FinishReason.STOP, "stop")
                        .models("gemini-3-pro", "gemini-3-pro")
                        .usage(12L, 86L, null, null, null, 98L)
                        // 输入 $0.80 / 160 credits, 输出 $4.80 / 960 credits per 1M tokens
                        .cost(perMillion(12, "0.80").add(perMillion(86, "4.80")),
                                perMillion(12, "160").add(perMillion(86, "960")))
                        .build(),
                DocumentedReply.builder("gemini-2.5-pro 响应(非流式)", "gemini-2.5-pro", "fixtures/gemini-2.5-pro-reply.json")
                        .text("量子计算使用量子比特(qubit)...")
                        .finish(FinishReason.STOP, "stop")
                        .models("gemini-2.5-pro", "gemini-2.5-pro")
                        .usage(12L, 86L, null, null, null, 98L)
                        // 输入 $0.285 / 57 credits, 输出 $2.25 / 450 credits per 1M tokens
                        .cost(perMillion(12, "0.285").add(perMillion(86, "2.25")),
                                perMillion(12, "57").add(perMillion(86, "450")))
                        .build());
    }

    private static BigDecimal perMillion(long tokens, String price) {
        return new BigDecimal(price).multiply(BigDecimal.valueOf(tokens)).divide(BigDecimal.valueOf(1_000_000));
    }
}

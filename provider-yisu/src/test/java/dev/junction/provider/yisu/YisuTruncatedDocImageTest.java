package dev.junction.provider.yisu;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.chat.ChatResponse;
import dev.junction.chat.FinishReason;
import dev.junction.testkit.ConformanceBase;
import dev.junction.testkit.VendorDeclaration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * yisu's 文生图 reply exactly as the doc prints it, whose image URL
 * {@code data:image/jpeg;base64,/9j/4AAQSk...} is elided and so not valid base64.
 */
class YisuTruncatedDocImageTest extends ConformanceBase {
    private static final String FIXTURE = "fixtures/text-to-image-reply.json";

    @Override
    protected VendorDeclaration vendor() {
        return YisuVendor.DECLARATION;
    }

    @Test
    void keepsTheEmptyTextFinishAndImageTokenUsage() {
        ChatResponse response = callWithDocReply();

        assertAll(
                () -> assertEquals("", response.text()),
                () -> assertNull(response.reasoning(), "reasoning_content is empty"),
                () -> assertEquals(FinishReason.STOP, response.finishReason()),
                () -> assertEquals("stop", response.rawFinishReason()),
                () -> assertEquals(1404L, response.usage().imageTokens()),
                () -> assertEquals(1404L, response.usage().outputTokens()),
                () -> assertEquals(14L, response.usage().inputTokens()),
                () -> assertNull(response.cost()));
    }

    @Test
    void warnsThatTheElidedImageCannotBeDecodedInsteadOfReturningBytes() {
        ChatResponse response = callWithDocReply();

        assertEquals(List.of(), response.images(), "a truncated base64 payload is not an image");
        // A lenient (MIME) decoder would skip the "..." and hand back 7 bytes of JPEG header as an image.
        assertEquals(2, response.warnings().size(), () -> "expected the image and the price warnings: " + response.warnings());
        assertTrue(response.warnings().get(0).contains("image 0 could not be decoded"), () -> response.warnings().get(0));
        assertTrue(response.warnings().get(1).contains("Junction.builder().price("), () -> response.warnings().get(1));
    }

    private ChatResponse callWithDocReply() {
        replyWithFixture(FIXTURE);
        return call(chatModel("gemini-3-pro-image-preview"), "生成一只戴着宇航员头盔的橘猫");
    }
}

package dev.junction.provider.yisu;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.testkit.ConformanceBase;
import dev.junction.testkit.Fixtures;
import dev.junction.testkit.StreamRecording;
import dev.junction.testkit.VendorDeclaration;
import dev.junction.testkit.VendorStub;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * yisu's 流式输出 example exactly as the doc prints it ({@code stream-as-printed.sse}, its list
 * numbers dropped): pretty-printed JSON with only the first line prefixed {@code data:} and no blank
 * line between events, which is not valid SSE and must fail as a protocol error.
 */
class YisuStreamAsPrintedTest extends ConformanceBase {
    private static final String MODEL = "gemini-3-pro-image-preview";

    @Override
    protected VendorDeclaration vendor() {
        return YisuVendor.DECLARATION;
    }

    @Test
    void failsTheStreamAsPrintedInTheDocWithProtocol() {
        stub().reply(vendor().chatPath(), 200, Fixtures.bytes(getClass(), "fixtures/stream-as-printed.sse"), VendorStub.SSE);

        StreamRecording recording = StreamRecording.of(chatModel(MODEL).stream(prompt(MODEL, "你好"))).await(CALL_WAIT);

        JunctionException e = recording.assertFailed();
        // With no blank lines, the doc's three data: lines make one event, "{\n{\n[DONE]": not JSON.
        assertAll(
                () -> assertEquals(ErrorKind.PROTOCOL, e.kind()),
                () -> assertEquals("yisu", e.provider()),
                () -> assertFalse(e.retryable(), "a malformed stream is not retried blindly"),
                () -> assertTrue(e.getMessage().contains("an event that is not JSON: {\n{\n[DONE]"), () -> "message: " + e.getMessage()),
                () -> assertEquals(List.of(), recording.partsBeforeFailure(), "nothing is delivered before the failure"));
    }
}

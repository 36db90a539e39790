package dev.junction.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.junction.chat.GeneratedImage;
import dev.junction.chat.StreamPart;
import dev.junction.chat.Usage;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the human output orders text, reasoning and warnings on a shared terminal. */
class StreamPrinterTest {
    private static final String NL = System.lineSeparator();
    private static final StreamPart.Start START = new StreamPart.Start("id-1", "acedata", "gemini-3-pro", "gemini-3.0-pro", List.of());

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final StreamPrinter printer = new StreamPrinter(new CliContext(
            buffered(out), buffered(err), name -> null));

    /** Buffered like a real stdout, so that a missing flush shows. */
    private static PrintStream buffered(ByteArrayOutputStream bytes) {
        return new PrintStream(new BufferedOutputStream(bytes), false, StandardCharsets.UTF_8);
    }

    private void feed(StreamPart... parts) {
        List.of(parts).forEach(printer::accept);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void eachDeltaReachesTheStreamsBeforeTheNextArrives() {
        feed(START, new StreamPart.ReasoningDelta("想"));
        assertEquals("想", err(), "reasoning is flushed per delta");
        feed(new StreamPart.TextDelta("答"));
        assertEquals("答", out(), "text is flushed per delta");
        assertEquals("想" + NL, err(), "the open reasoning line is ended before the answer starts");
    }

    @Test
    void warningsWaitWhileTheAnswerIsMidLine() {
        feed(START, new StreamPart.Warning("early"), new StreamPart.TextDelta("a"), new StreamPart.Warning("late"),
                new StreamPart.TextDelta("b"));
        assertEquals("warning: early" + NL, err());

        assertEquals(0, printer.end());

        assertEquals("ab" + NL, out());
        assertEquals("warning: early" + NL + "warning: late" + NL
                + "acedata:gemini-3-pro (gemini-3.0-pro) · usage not reported · cost unknown" + NL, err());
    }

    @Test
    void imagesAreCountedInANoteAndUsageIsSummarised() {
        feed(START, new StreamPart.ImageOutput(new GeneratedImage(new byte[] {1}, "image/png")),
                new StreamPart.UsageReport(new Usage(5L, 7L, null, 4L, null, null, 12L, null), null));

        printer.end();

        assertEquals(NL, out());
        assertEquals("note: the answer holds 1 generated image(s), which this command does not save; --json describes them" + NL
                + "acedata:gemini-3-pro (gemini-3.0-pro) · 5 input + 7 output tokens (4 image, 12 total) · cost unknown" + NL, err());
    }

    @Test
    void failureEndsThePartialAnswerAndTheReasoningLineThenReports() {
        feed(START, new StreamPart.TextDelta("半"), new StreamPart.Warning("late"));

        int code = printer.fail(JunctionException.builder(ErrorKind.TIMEOUT, "slow").provider("acedata").build());

        assertEquals(1, code);
        assertEquals("半" + NL, out());
        assertEquals("warning: late" + NL + "error: TIMEOUT from acedata: slow" + NL, err());
    }
}

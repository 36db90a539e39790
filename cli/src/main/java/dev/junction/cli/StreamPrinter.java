package dev.junction.cli;

import dev.junction.chat.StreamPart;
import dev.junction.error.JunctionException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code chat --stream} for people: answer text on stdout as it arrives, reasoning on stderr
 * (dimmed when {@link CliContext#ansi()}), then warnings and the usage line on stderr. Stdout ends
 * up exactly as {@code chat} without {@code --stream} prints it: the text and one newline.
 */
final class StreamPrinter implements StreamRun.Output {
    private static final String DIM = "\u001b[2m";
    private static final String RESET = "\u001b[0m";

    private final CliContext context;
    private final PrintStream out;
    private final PrintStream err;
    /** Warnings that arrive while the answer is mid-line wait for its end, so they never split it on a terminal. */
    private final List<String> heldWarnings = new ArrayList<>();
    private StreamPart.Start start;
    private StreamPart.UsageReport usage;
    private int images;
    private boolean textStarted;
    private boolean errMidLine;

    /** What follows the usage line, such as the quoted cost ({@link UsageLine#quoted}); empty for nothing. */
    private final String usageSuffix;

    StreamPrinter(CliContext context) {
        this(context, "");
    }

    StreamPrinter(CliContext context, String usageSuffix) {
        this.context = context;
        this.out = context.out();
        this.err = context.err();
        this.usageSuffix = usageSuffix;
    }

    @Override
    public void accept(StreamPart part) {
        if (part instanceof StreamPart.Start s) {
            start = s;
        } else if (part instanceof StreamPart.TextDelta t) {
            endErrLine();
            textStarted = true;
            out.print(t.text());
            out.flush();
        } else if (part instanceof StreamPart.ReasoningDelta r) {
            reasoning(r.text());
        } else if (part instanceof StreamPart.Warning w) {
            if (textStarted) {
                heldWarnings.add(w.message());
            } else {
                warning(w.message());
            }
        } else if (part instanceof StreamPart.ImageOutput) {
            images++;
        } else if (part instanceof StreamPart.UsageReport u) {
            usage = u;
        }
        // Tool calls are not shown to people, as without --stream; the finish is handled by end().
    }

    private void reasoning(String text) {
        if (text.isEmpty()) {
            return;
        }
        err.print(context.ansi() ? DIM + text + RESET : text);
        err.flush();
        errMidLine = !text.endsWith("\n");
    }

    @Override
    public int end() {
        if (start == null) {
            throw new IllegalStateException("the stream finished without a start part");
        }
        out.println();
        out.flush();
        printHeldWarnings();
        endErrLine();
        if (images > 0) {
            err.println("note: the answer holds " + images
                    + " generated image(s), which this command does not save; --json describes them");
        }
        err.println(UsageLine.of(start, usage) + usageSuffix);
        err.flush();
        return 0;
    }

    @Override
    public int fail(JunctionException error) {
        if (textStarted) {
            out.println();
            out.flush();
        }
        printHeldWarnings();
        endErrLine();
        int code = ErrorReport.print(error, false, context);
        err.flush();
        return code;
    }

    private void printHeldWarnings() {
        heldWarnings.forEach(this::warning);
        heldWarnings.clear();
    }

    private void warning(String message) {
        endErrLine();
        err.println("warning: " + message);
        err.flush();
    }

    /** Ends a line of reasoning left open, so that what follows starts on its own line. */
    private void endErrLine() {
        if (errMidLine) {
            err.println();
            err.flush();
            errMidLine = false;
        }
    }
}

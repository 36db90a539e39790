package dev.junction.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.junction.error.JunctionException;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link JunctionException} for people (stderr) and, with {@code --json}, for scripts
 * (stdout), and picks the exit code. Everything shown comes from the exception, whose messages
 * core keeps free of API keys; the config string itself is never echoed.
 */
final class ErrorReport {
    private ErrorReport() {
    }

    /**
     * Prints the error and returns the exit code: 2 when the caller's input or setup is at fault,
     * 1 when the provider or the network failed.
     */
    static int print(JunctionException error, boolean json, CliContext context) {
        context.err().println(headline(error));
        error.hint().ifPresent(hint -> context.err().println("hint: " + hint));
        error.traceId().ifPresent(trace -> context.err().println("trace id: " + trace));
        error.retryAfter().ifPresent(delay -> context.err().println("retry after: " + delay.toSeconds() + " s"));
        if (json) {
            CliJson.print(context.out(), toJson(error));
        }
        return exitCode(error);
    }

    /** 2 for the caller's fault, 1 for the provider's or the network's. */
    static int exitCode(JunctionException error) {
        return error.kind().isCallersFault() ? Main.EXIT_USAGE : Main.EXIT_FAILURE;
    }

    /** {@code error: KIND from PROVIDER (HTTP status, vendor code): message}, leaving out what is unknown. */
    static String headline(JunctionException error) {
        StringBuilder line = new StringBuilder("error: ").append(error.kind().name());
        if (error.provider() != null) {
            line.append(" from ").append(error.provider());
        }
        List<String> details = new ArrayList<>();
        error.httpStatus().ifPresent(status -> details.add("HTTP " + status));
        error.vendorCode().ifPresent(details::add);
        if (!details.isEmpty()) {
            line.append(" (").append(String.join(", ", details)).append(')');
        }
        return line.append(": ").append(error.getMessage()).toString();
    }

    /**
     * {@code {"error":{"kind","provider","status","code","message","traceId","retryable","hint","retryAfterSeconds","rawReply","attempts"}}};
     * {@code rawReply} is the model's whole text when it was not what was asked for (such as an answer that is no JSON), else null.
     */
    static ObjectNode toJson(JunctionException error) {
        ObjectNode document = CliJson.object();
        ObjectNode json = document.putObject("error");
        json.put("kind", error.kind().name());
        json.put("provider", error.provider());
        json.put("status", error.httpStatus().isPresent() ? error.httpStatus().getAsInt() : null);
        json.put("code", error.vendorCode().orElse(null));
        json.put("message", error.getMessage());
        json.put("traceId", error.traceId().orElse(null));
        json.put("retryable", error.retryable());
        json.put("hint", error.hint().orElse(null));
        json.put("retryAfterSeconds", error.retryAfter().map(java.time.Duration::toSeconds).orElse(null));
        json.put("rawReply", error.rawReply().orElse(null));
        json.set("attempts", ChatJson.attempts(error.attempts()));
        return document;
    }
}

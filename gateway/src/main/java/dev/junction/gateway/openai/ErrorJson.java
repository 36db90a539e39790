package dev.junction.gateway.openai;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The gateway's error replies in OpenAI's envelope, {@code {"error":{"message","type","code","param"}}},
 * and the HTTP status for each canonical {@link ErrorKind}.
 *
 * <table>
 *   <caption>HTTP status by kind</caption>
 *   <tr><th>kind</th><th>status</th><th>why</th></tr>
 *   <tr><td>INVALID_REQUEST, UNSUPPORTED_FEATURE</td><td>400</td><td>the client's request</td></tr>
 *   <tr><td>MODEL_NOT_FOUND</td><td>404</td><td>the client named a model nobody serves</td></tr>
 *   <tr><td>RATE_LIMITED</td><td>429</td><td>retry later (see {@link #retryAfterSeconds})</td></tr>
 *   <tr><td>TIMEOUT</td><td>504</td><td>the vendor did not answer in time</td></tr>
 *   <tr><td>CANCELLED</td><td>499</td><td>the client left before the answer (nginx's code; no one reads it)</td></tr>
 *   <tr><td>AUTHENTICATION, PERMISSION_DENIED, INSUFFICIENT_CREDITS, SPEND_LIMIT_EXCEEDED,
 *       CONFIGURATION, UPSTREAM_ERROR, SERVER_ERROR, NETWORK, PROTOCOL</td><td>502</td>
 *       <td>the gateway's own vendor accounts or setup, or the vendor failing: not the client's fault,
 *       so never a 401/402/403 the client would take for its own key</td></tr>
 * </table>
 *
 * A kind added to core later maps to 400 when {@link ErrorKind#isCallersFault()} says so, else 502.
 */
public final class ErrorJson {
    private ErrorJson() {
    }

    /** The HTTP status for a kind, as in the table above. */
    public static int status(ErrorKind kind) {
        return switch (kind) {
            case INVALID_REQUEST, UNSUPPORTED_FEATURE -> 400;
            case MODEL_NOT_FOUND -> 404;
            case RATE_LIMITED -> 429;
            case TIMEOUT -> 504;
            // The client went away: nobody reads this, but the request metric and log say what happened (nginx's 499).
            case CANCELLED -> 499;
            case AUTHENTICATION, PERMISSION_DENIED, INSUFFICIENT_CREDITS, SPEND_LIMIT_EXCEEDED, CONFIGURATION,
                    UPSTREAM_ERROR, SERVER_ERROR, NETWORK, PROTOCOL -> 502;
            default -> kind.isCallersFault() ? 400 : 502;
        };
    }

    /**
     * {@code {"error":{"message","type","code","param"}}}, a {@code null} code or param written as
     * JSON {@code null}, as OpenAI does.
     */
    public static Buffer envelope(String message, String type, String code, String param) {
        return WireJson.write(json -> {
            json.writeStartObject();
            writeError(json, message, type, code, param, null, null);
            json.writeEndObject();
        });
    }

    /**
     * The envelope for a failed call: type the kind in lower case ({@code rate_limited}), code the
     * vendor's own code when it gave one, else the kind again; the message with the hint in
     * parentheses; and {@code provider} and {@code trace_id} inside {@code error} when known. The
     * model's raw reply is never included: it may be long and is the caller's data only on request.
     */
    public static Buffer of(JunctionException e) {
        return WireJson.write(json -> {
            json.writeStartObject();
            writeException(json, e);
            json.writeEndObject();
        });
    }

    /** The envelope for a request refused while parsing. */
    public static Buffer of(GatewayRequestException e) {
        return envelope(e.getMessage(), e.type(), e.code(), e.param());
    }

    /**
     * The delay the vendor asked for, in whole seconds rounded up, for a {@code Retry-After} header;
     * empty when it gave none.
     */
    public static Optional<String> retryAfterSeconds(JunctionException e) {
        return e.retryAfter().filter(d -> !d.isNegative()).map(ErrorJson::ceilSeconds);
    }

    /** The {@code "error":{…}} field of {@link #of(JunctionException)}, for the stream's error event too. */
    static void writeException(JsonGenerator json, JunctionException e) throws IOException {
        String type = e.kind().name().toLowerCase(Locale.ROOT);
        String message = e.getMessage() == null ? type : e.getMessage();
        if (e.hint().isPresent()) {
            message = message + " (" + e.hint().get() + ")";
        }
        writeError(json, message, type, e.vendorCode().orElse(type), null, e.provider(), e.traceId().orElse(null));
    }

    private static void writeError(JsonGenerator json, String message, String type, String code, String param,
            String provider, String traceId) throws IOException {
        json.writeObjectFieldStart("error");
        json.writeStringField("message", message);
        json.writeStringField("type", type);
        json.writeStringField("code", code);
        json.writeStringField("param", param);
        if (provider != null) {
            json.writeStringField("provider", provider);
        }
        if (traceId != null) {
            json.writeStringField("trace_id", traceId);
        }
        json.writeEndObject();
    }

    private static String ceilSeconds(Duration d) {
        long seconds = d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
        return Long.toString(seconds);
    }
}

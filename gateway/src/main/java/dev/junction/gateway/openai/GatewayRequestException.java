package dev.junction.gateway.openai;

/**
 * A request the gateway refuses before any provider is called, with what the OpenAI error envelope
 * needs: HTTP status, error type and code, and the offending field's path ({@code param}).
 *
 * <p>Parsing errors are status 400, type {@value #INVALID_REQUEST}, and one of the codes below. The
 * message says what was wrong and what to send instead. No stack trace is captured: these are
 * expected, frequent and carry everything in their fields.
 */
public final class GatewayRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The type (and generic code) of every request the gateway refuses while parsing. */
    public static final String INVALID_REQUEST = "invalid_request";
    /** Code: the body is empty, not JSON, or not a JSON object. */
    public static final String INVALID_JSON = "invalid_json";
    /** Code: a field the gateway does not know (top level, or inside {@code junction}). */
    public static final String UNRECOGNIZED_ARGUMENT = "unrecognized_argument";
    /** Code: a valid OpenAI value the gateway does not support, such as {@code n} above 1. */
    public static final String UNSUPPORTED_VALUE = "unsupported_value";

    private final int status;
    private final String type;
    private final String code;
    private final String param;

    /**
     * Creates the exception.
     *
     * @param status the HTTP status to answer with
     * @param type the error type, such as {@code invalid_request}
     * @param code the error code, or {@code null}
     * @param param the path of the offending field, such as {@code messages[2].content[0].type}, or {@code null}
     * @param message what was wrong and what to do
     */
    public GatewayRequestException(int status, String type, String code, String param, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.code = code;
        this.param = param;
    }

    /** A 400 with type and code {@value #INVALID_REQUEST}. */
    public static GatewayRequestException invalid(String param, String message) {
        return new GatewayRequestException(400, INVALID_REQUEST, INVALID_REQUEST, param, message);
    }

    /** A 400 with type {@value #INVALID_REQUEST} and the given, more specific code. */
    public static GatewayRequestException invalid(String code, String param, String message) {
        return new GatewayRequestException(400, INVALID_REQUEST, code, param, message);
    }

    /** The HTTP status to answer with. */
    public int status() {
        return status;
    }

    /** The error type of the envelope. */
    public String type() {
        return type;
    }

    /** The error code of the envelope, or {@code null}. */
    public String code() {
        return code;
    }

    /** The path of the offending field, or {@code null} when the problem is the body as a whole. */
    public String param() {
        return param;
    }
}

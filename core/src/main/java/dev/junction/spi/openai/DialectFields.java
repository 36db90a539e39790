package dev.junction.spi.openai;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.node.ValueNode;
import java.util.List;
import java.util.Objects;

/**
 * The wire habits a vendor profile may declare as data rather than as {@link Dialect} code: the
 * credential header, the media part shape, where replies carry reasoning and images, and the
 * error envelope. Read from the profile's optional {@code auth}, {@code mediaPart}, {@code reply}
 * and {@code errorEnvelope} fields; each left out keeps plain OpenAI's behaviour, so a profile
 * declaring none of them describes exactly {@link Dialect#OPENAI}. They take effect through the
 * declared dialect ({@link dev.junction.spi.openai.factory.OpenAiCompatibleFactory#declaredDialect}),
 * which vendors defined only in JSON use and a module's factory may use. Immutable.
 *
 * @param auth how the key is sent
 * @param mediaPart the shape of a media part in a request
 * @param reasoningFields the fields of a reply's {@code message} (or a stream's {@code delta}) that
 *     may hold reasoning text, the first non-empty one winning
 * @param imagesField the field of a reply's {@code message} holding generated images, an
 *     {@code images[]}-style array of data URIs
 * @param errorEnvelope how an error body is recognised and where its fields sit
 */
public record DialectFields(Auth auth, MediaPartStyle mediaPart, List<String> reasoningFields, String imagesField,
        ErrorEnvelope errorEnvelope) {

    /** Plain OpenAI: what a profile declaring none of the fields gets. */
    public static final DialectFields OPENAI = new DialectFields(Auth.BEARER, MediaPartStyle.IMAGE_URL,
            List.of("reasoning_content", "reasoning"), "images", ErrorEnvelope.OPENAI);

    /** Checks that nothing is missing. */
    public DialectFields {
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(mediaPart, "mediaPart");
        reasoningFields = List.copyOf(reasoningFields);
        Objects.requireNonNull(imagesField, "imagesField");
        Objects.requireNonNull(errorEnvelope, "errorEnvelope");
    }

    /**
     * The credential header: {@code header: Bearer KEY} when {@code bearer}, else {@code header: KEY}.
     *
     * @param header the header name, such as {@code Authorization} or {@code x-api-key}
     * @param bearer whether the key is prefixed with {@code Bearer }
     */
    public record Auth(String header, boolean bearer) {
        /** OpenAI's {@code Authorization: Bearer KEY}. */
        public static final Auth BEARER = new Auth("Authorization", true);

        /** Checks that the header is named. */
        public Auth {
            Objects.requireNonNull(header, "header");
        }
    }

    /** The shape of one media part in a request. */
    public enum MediaPartStyle {
        /** OpenAI's {@code {"type":"image_url","image_url":{"url":…}}}, a URL or a data URI. */
        IMAGE_URL("image_url"),
        /** {@code {"type":"image","image":"data:…;base64,…"}}: inline data only. */
        IMAGE("image");

        private final String wireName;

        MediaPartStyle(String wireName) {
            this.wireName = wireName;
        }

        /** The name a profile uses for this style. */
        public String wireName() {
            return wireName;
        }
    }

    /**
     * One test that makes a body an error envelope: the value at {@code pointer} equals
     * {@code equals}, or, when {@code equals} is {@code null}, is present and not {@code null}.
     *
     * @param pointer a JSON Pointer (RFC 6901) into the body, such as {@code /success}
     * @param equals a scalar JSON value, or {@code null} to test presence
     */
    public record ErrorMatch(JsonPointer pointer, ValueNode equals) {
        /** Checks that the pointer is given. */
        public ErrorMatch {
            Objects.requireNonNull(pointer, "pointer");
        }
    }

    /**
     * How an error envelope is recognised and read. A body is an error when it has a non-null
     * {@code error} and no {@code choices} (OpenAI's rule, always applied), or when any of
     * {@code when} matches. Each field is read at its JSON Pointer as text (a string or number); a
     * pointer that is {@code null} reads nothing. When the object holding the message is itself a
     * string (as in {@code {"error":"…"}}), that string is the message.
     *
     * @param when further tests that make a body an error, such as {@code /success} equal to {@code false}
     * @param code where the vendor's error code sits
     * @param message where its message sits
     * @param type where its error type sits
     * @param traceId where its trace id sits, or {@code null} (the response headers are still read)
     */
    public record ErrorEnvelope(List<ErrorMatch> when, JsonPointer code, JsonPointer message, JsonPointer type,
            JsonPointer traceId) {
        /** OpenAI's {@code {"error":{"code","message","type"}}}, with no trace id. */
        public static final ErrorEnvelope OPENAI = new ErrorEnvelope(List.of(), JsonPointer.compile("/error/code"),
                JsonPointer.compile("/error/message"), JsonPointer.compile("/error/type"), null);

        /** Copies the list. */
        public ErrorEnvelope {
            when = List.copyOf(when);
        }
    }
}

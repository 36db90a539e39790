package dev.junction.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.github.victools.jsonschema.generator.MemberScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import dev.junction.error.JunctionException;
import dev.junction.internal.json.JsonMappers;
import java.lang.reflect.RecordComponent;
import java.util.Comparator;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Structured output bound to a Java record: the {@link ResponseFormat} that asks the model for JSON
 * of the record's shape, and the parser that turns the reply into the record.
 *
 * <pre>{@code
 * record Scientist(String name, String field) {}
 * record Scientists(List<Scientist> list) {}
 *
 * StructuredOutput<Scientists> out = StructuredOutput.of(Scientists.class);
 * ChatResponse reply = model.chatBlocking(ChatRequest.builder()
 *         .user("List 3 famous scientists").responseFormat(out.format()).build());
 * Scientists scientists = out.parse(reply);
 * }</pre>
 *
 * <p>The schema is derived with victools jsonschema-generator (Draft 2020-12, plain-JSON preset):
 * <ul>
 *   <li>every record component is {@code required} and no other property is allowed
 *       ({@code additionalProperties: false}), which is what OpenAI-style {@code strict} mode expects;</li>
 *   <li>nested records are written inline, without {@code $defs}/{@code $ref}, which not every
 *       reseller passes on to Gemini; a record that contains itself is therefore refused;</li>
 *   <li>no {@code $schema} keyword is sent;</li>
 *   <li>Jackson annotations such as {@code @JsonProperty} are not read: name the components as the
 *       JSON should name them.</li>
 * </ul>
 *
 * <p>Parsing is lenient about unknown fields but strict about the shape: a missing component, a
 * {@code null} for a primitive, a wrong type or text after the JSON fails. On the module path, the
 * record's package must be open to {@code com.fasterxml.jackson.databind}, which builds it.
 *
 * @param <T> the record type
 */
public final class StructuredOutput<T extends Record> {

    private static final SchemaGenerator GENERATOR = generator();

    /** Gemini sometimes wraps JSON in one Markdown fence such as {@code ```json … ```}. */
    private static final Pattern FENCE = Pattern.compile("\\A```[A-Za-z0-9_-]*[ \\t]*\\R?(.*?)\\R?[ \\t]*```\\z",
            Pattern.DOTALL);

    private static final Pattern NOT_IN_NAME = Pattern.compile("[^A-Za-z0-9_-]");

    private final Class<T> type;
    private final ResponseFormat.JsonSchema format;
    private final ObjectReader reader;

    private StructuredOutput(Class<T> type, ResponseFormat.JsonSchema format) {
        this.type = type;
        this.format = format;
        this.reader = JsonMappers.WHOLE_TEXT.forType(type)
                .with(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    private static SchemaGenerator generator() {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12,
                OptionPreset.PLAIN_JSON)
                .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT, Option.INLINE_ALL_SCHEMAS)
                .without(Option.SCHEMA_VERSION_INDICATOR);
        // Records have no optional components: the canonical constructor takes them all.
        config.forFields().withRequiredCheck(field -> true);
        // Declaration order, not victools' alphabetical default: models write fields in schema order.
        config.forTypesInGeneral().withPropertySorter(Comparator.comparingInt(StructuredOutput::componentIndex));
        return new SchemaGenerator(config.build());
    }

    /**
     * Derives the schema of {@code type}, named after its simple name (characters a vendor would
     * refuse become {@code _}), with {@code strict} on.
     *
     * @throws IllegalArgumentException when no schema can be derived, for instance for a record
     *     that contains itself
     */
    public static <T extends Record> StructuredOutput<T> of(Class<T> type) {
        Objects.requireNonNull(type, "type");
        String schema = GENERATOR.generateSchema(type).toString();
        return new StructuredOutput<>(type, new ResponseFormat.JsonSchema(schemaName(type), true, schema));
    }

    /**
     * Uses a schema of your own (say, with descriptions) for {@code type}; the schema must describe
     * JSON that Jackson can read into the record.
     */
    public static <T extends Record> StructuredOutput<T> of(Class<T> type, ResponseFormat.JsonSchema format) {
        return new StructuredOutput<>(Objects.requireNonNull(type, "type"), Objects.requireNonNull(format, "format"));
    }

    /** The record type replies are read into. */
    public Class<T> type() {
        return type;
    }

    /** The response format to put in the request: {@code json_schema}, the record's name, strict. */
    public ResponseFormat.JsonSchema format() {
        return format;
    }

    /**
     * Reads the reply's text into the record. One surrounding Markdown code fence is removed first.
     *
     * @throws dev.junction.error.JunctionException of kind PROTOCOL, naming the provider and keeping
     *     the whole text in {@code rawReply()}, when the text does not match the record
     */
    public T parse(ChatResponse response) {
        Objects.requireNonNull(response, "response");
        return read(response.text(), response.provider() + ": the reply did not match " + format.name(),
                response.provider(), response.finishReason() == FinishReason.LENGTH);
    }

    /**
     * Reads JSON text, from a stream you collected yourself for instance, into the record. One
     * surrounding Markdown code fence is removed first.
     *
     * @throws dev.junction.error.JunctionException of kind PROTOCOL, keeping the whole text in
     *     {@code rawReply()}, when the text does not match the record
     */
    public T parse(String text) {
        return read(text == null ? "" : text, "the text did not match " + format.name(), null, false);
    }

    private T read(String raw, String problem, String provider, boolean cutShort) {
        String reason;
        Throwable cause = null;
        try {
            T value = reader.readValue(unfence(raw));
            if (value != null) {
                return value;
            }
            reason = "it is JSON null";
        } catch (JsonProcessingException e) {
            reason = e.getOriginalMessage();
            cause = e;
        }
        JunctionException.Builder error = JsonMappers.notMatching(problem, reason, raw).provider(provider).cause(cause);
        if (cutShort) {
            error.hint("the reply was cut at the output-token limit; raise maxOutputTokens");
        }
        throw error.build();
    }

    /** Where a property stands among its record's components; anything else goes last. */
    private static int componentIndex(MemberScope<?, ?> member) {
        RecordComponent[] components = member.getRawMember().getDeclaringClass().getRecordComponents();
        for (int i = 0; components != null && i < components.length; i++) {
            if (components[i].getName().equals(member.getDeclaredName())) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    /** The text inside one surrounding Markdown code fence, stripped, or the stripped text itself when there is none. */
    public static String unfence(String text) {
        String trimmed = text.strip();
        Matcher fenced = FENCE.matcher(trimmed);
        return fenced.matches() ? fenced.group(1) : trimmed;
    }

    private static String schemaName(Class<?> type) {
        String name = NOT_IN_NAME.matcher(type.getSimpleName()).replaceAll("_");
        return name.length() <= 64 ? name : name.substring(0, 64);
    }

    @Override
    public String toString() {
        return "StructuredOutput[" + type.getName() + "]";
    }
}

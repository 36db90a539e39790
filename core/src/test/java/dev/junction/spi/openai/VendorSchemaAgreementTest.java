package dev.junction.spi.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.junction.catalog.Capability;
import dev.junction.error.ErrorKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code docs/vendor.schema.json}, the schema editors use, and {@link VendorProfileReader}, the
 * loader, agree: every shipped profile and example passes both, each broken file fails both, and
 * the schema lists the reader's fields and enum values. Paths are relative to the core module,
 * where Maven runs the tests.
 */
class VendorSchemaAgreementTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = Path.of("..");
    private static final Schema SCHEMA = schema();

    private static Schema schema() {
        try {
            JsonNode node = JSON.readTree(ROOT.resolve("docs/vendor.schema.json").toFile());
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(node);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The example vendor files and every vendor module's profile. */
    static List<Path> shippedProfiles() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> examples = Files.list(ROOT.resolve("examples/vendors"))) {
            examples.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
        }
        try (Stream<Path> modules = Files.list(ROOT)) {
            for (Path module : modules.filter(p -> p.getFileName().toString().startsWith("provider-")).sorted().toList()) {
                try (Stream<Path> resources = Files.walk(module.resolve("src/main/resources"))) {
                    resources.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
                }
            }
        }
        return files;
    }

    @Test
    void findsTheExampleAndTheThreeModuleProfiles() throws IOException {
        List<String> names = shippedProfiles().stream().map(p -> p.getFileName().toString()).toList();
        assertTrue(names.containsAll(List.of("acedata-mirror.json", "acedata.json", "aivideoapi.json", "yisu.json")), names::toString);
    }

    @ParameterizedTest
    @MethodSource("shippedProfiles")
    void aShippedProfilePassesTheSchemaAndTheLoader(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        List<Error> errors = SCHEMA.validate(JSON.readTree(bytes));
        assertEquals(List.of(), errors.stream().map(Error::toString).toList(), file + " against the schema");
        VendorProfile profile = VendorProfile.read(new ByteArrayInputStream(bytes), file.toString());
        assertFalse(profile.models().ids().isEmpty());
    }

    /** A broken variant of the mirror example: a name for the report, the edit, and what the loader must say. */
    record Broken(String name, Consumer<ObjectNode> edit, String loaderSays) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Broken> brokenFiles() {
        return List.of(
                new Broken("a misspelt top-level key", r -> r.set("basUrl", r.remove("baseUrl")),
                        "basUrl is not a known field; did you mean \"baseUrl\"?"),
                new Broken("no id", r -> r.remove("id"), "id is required"),
                new Broken("an id with capitals", r -> r.put("id", "Mirror"), "id \"Mirror\" is not a valid provider id"),
                new Broken("a chat path without a slash", r -> r.put("chatPath", "chat"), "chatPath must start with /"),
                new Broken("an unknown capability", r -> ((ObjectNode) r.get("models").get(0)).putArray("capabilities").add("TELEPATHY"),
                        "models[gemini-2.5-pro].capabilities unknown capability TELEPATHY"),
                new Broken("a misspelt model key", r -> ((ObjectNode) r.get("models").get(0)).put("vendorModle", "x"),
                        "models[gemini-2.5-pro].vendorModle is not a known field; did you mean \"vendorModel\"?"),
                new Broken("an unknown error kind", r -> ((ObjectNode) r.get("errorCodes")).put("api_error", "BROKEN"),
                        "errorCodes.api_error unknown error kind BROKEN"),
                new Broken("an error code mapped to Junction's own CANCELLED", r -> ((ObjectNode) r.get("errorCodes")).put("api_error", "CANCELLED"),
                        "errorCodes.api_error may not be CANCELLED"),
                new Broken("an unknown media part style", r -> r.put("mediaPart", "images"), "mediaPart must be \"image_url\""),
                new Broken("an unknown auth scheme", r -> ((ObjectNode) r.get("auth")).put("scheme", "basic"), "auth.scheme must be"),
                new Broken("a trace id that is not a pointer", r -> ((ObjectNode) r.get("errorEnvelope")).put("traceId", "trace_id"),
                        "errorEnvelope.traceId must be a JSON Pointer"),
                new Broken("a test with both equals and present",
                        r -> ((ObjectNode) r.get("errorEnvelope").get("when").get(0)).put("present", true),
                        "errorEnvelope.when[0] needs exactly one of"),
                new Broken("no reasoning fields", r -> ((ObjectNode) r.get("reply")).putArray("reasoningFields"),
                        "reply.reasoningFields must be a non-empty array"),
                new Broken("a price in euros", r -> r.putArray("prices").addObject().put("model", "gemini-2.5-pro").put("currency", "EUR")
                        .put("inputPerMillion", "1").put("outputPerMillion", "2"), "currency must be \"USD\""));
    }

    @ParameterizedTest
    @MethodSource("brokenFiles")
    void aBrokenFileFailsTheSchemaAndTheLoader(Broken broken) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(ROOT.resolve("examples/vendors/acedata-mirror.json").toFile());
        broken.edit().accept(root);

        assertFalse(SCHEMA.validate(root).isEmpty(), "the schema accepts " + broken);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> VendorProfile.read(new ByteArrayInputStream(JSON.writeValueAsBytes(root)), "broken.json"));
        assertTrue(e.getMessage().startsWith("vendor profile broken.json: "), e.getMessage());
        assertTrue(e.getMessage().contains(broken.loaderSays()), e.getMessage());
    }

    @Test
    void theSchemaListsTheReadersFieldsAndNames() throws IOException {
        JsonNode schema = JSON.readTree(ROOT.resolve("docs/vendor.schema.json").toFile());
        assertEquals(new TreeSet<>(VendorProfileReader.KNOWN_FIELDS), names(schema.get("properties")), "top-level fields");
        JsonNode model = schema.at("/properties/models/items");
        assertEquals(new TreeSet<>(VendorProfileReader.MODEL_FIELDS), names(model.get("properties")), "model fields");
        assertEquals(enumNames(Capability.values()), texts(model.at("/properties/capabilities/items/enum")), "capabilities");
        // CANCELLED is Junction's own kind: no vendor error code may map to it.
        Set<String> vendorKinds = new TreeSet<>(enumNames(ErrorKind.values()));
        vendorKinds.remove(ErrorKind.CANCELLED.name());
        assertEquals(vendorKinds, texts(schema.at("/properties/errorCodes/additionalProperties/enum")), "error kinds");
        assertEquals(enumNames(VendorRule.values()), texts(schema.at("/properties/rules/items/enum")), "rules");
        assertEquals(new TreeSet<>(dev.junction.internal.prices.PriceRows.ROW_FIELDS), names(schema.at("/$defs/price/properties")),
                "price row fields");
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> texts(JsonNode array) {
        assertTrue(array.isArray(), "not an array: " + array);
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> enumNames(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }
}

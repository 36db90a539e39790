package dev.junction.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.spi.ProviderFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No installed vendor's id appears in core's compiled code or resources: names, string constants,
 * JSON. Comments do not compile into classes, so examples in Javadoc stay free; an
 * {@code if (vendor == …)} in core would not. A vendor difference belongs in its module's dialect
 * or profile.
 */
class NoVendorInCoreTest {
    /**
     * Wire names that contain a vendor's id but are protocol, not a branch on a provider: the
     * thought-signature field of Gemini's OpenAI-compatibility layer, which every reseller that
     * forwards Gemini 3 carries (Dialect.THOUGHT_SIGNATURE_POINTER). Each is removed before the search.
     */
    private static final List<String> WIRE_NAMES = List.of("/extra_content/google/thought_signature");

    @Test
    void coresClassesAndResourcesNameNoVendor() throws IOException {
        // A set: the shaded CLI and bench jars on the class path list the same factories again.
        Set<String> ids = new TreeSet<>();
        ServiceLoader.load(ProviderFactory.class).forEach(f -> ids.add(f.id().toLowerCase(Locale.ROOT)));
        assertEquals(Set.of("acedata", "aivideoapi", "google", "yisu"), ids, "the four vendor modules are on the test class path");

        List<String> found = new ArrayList<>();
        Path core = ModuleClasses.folder("core");
        try (Stream<Path> files = Files.walk(core)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                // ISO-8859-1 maps every byte to one char, so the class file's UTF-8 constants read as written.
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
                for (String wireName : WIRE_NAMES) {
                    content = content.replace(wireName, "");
                }
                for (String id : ids) {
                    if (content.contains(id)) {
                        found.add(core.relativize(file) + " names " + id);
                    }
                }
            }
        }
        assertTrue(found.isEmpty(), "vendor ids in core (move the difference into the vendor's dialect or profile): " + found);
    }
}

package dev.junction.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.spi.ProviderFactory;
import dev.junction.testkit.matrix.QuirkMatrix;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/vendors.md} is generated, never hand-written: this test renders it from the provider
 * modules on the class path and fails when the checked-in page differs. With
 * {@code -Djunction.vendorsPage=write} it rewrites the page instead (see CONTRIBUTING.md).
 */
class VendorsPageTest {
    private static final Path PAGE = Path.of("..", "docs", "vendors.md");
    private static final String REGENERATE =
            "./mvnw -q -pl architecture -am verify -Djunction.vendorsPage=write -Dtest=VendorsPageTest -Dsurefire.failIfNoSpecifiedTests=false";

    @Test
    void theCheckedInQuirkMatrixIsTheGeneratedOne() throws IOException {
        List<ProviderFactory> factories = new ArrayList<>();
        ServiceLoader.load(ProviderFactory.class).forEach(factories::add);
        assertTrue(factories.size() >= 3, () -> "expected every built-in provider on the class path, found " + factories.size());
        String generated = QuirkMatrix.render(factories);
        Files.writeString(Path.of("target", "vendors.md"), generated, StandardCharsets.UTF_8);
        if ("write".equals(System.getProperty("junction.vendorsPage"))) {
            Files.writeString(PAGE, generated, StandardCharsets.UTF_8);
        }
        String checkedIn = Files.exists(PAGE) ? Files.readString(PAGE, StandardCharsets.UTF_8) : "";
        assertEquals(generated, checkedIn, () -> "docs/vendors.md is stale (the generated page is in architecture/target/vendors.md);"
                + " regenerate it with: " + REGENERATE);
    }
}

package dev.junction.provider.acedata;

import dev.junction.spi.ProviderFactory;
import dev.junction.spi.openai.VendorProfile;
import dev.junction.spi.openai.factory.OpenAiCompatibleFactory;
import dev.junction.testkit.VendorDeclaration;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code examples/vendors/acedata-mirror.json}, an acedata clone defined in JSON alone, against
 * acedata's own conformance subclass and fixtures, unchanged: only the id differs, and Junction
 * finds the vendor in the {@code JUNCTION_VENDORS} directory instead of a module.
 */
class AcedataMirrorConformanceTest extends AcedataConformanceTest {
    private static final Path VENDORS = Path.of("..", "examples", "vendors").toAbsolutePath().normalize();
    private static final String FILE = "acedata-mirror.json";

    @Override
    protected VendorDeclaration vendor() {
        return super.vendor().withId("acedata-mirror");
    }

    @Override
    protected Function<String, String> environment() {
        return name -> name.equals("JUNCTION_VENDORS") ? VENDORS.toString() : null;
    }

    /** The file read the way Junction reads it, for the kit's checks of the profile (rules, error codes). */
    @Override
    protected Optional<ProviderFactory> factory() {
        try (InputStream in = Files.newInputStream(VENDORS.resolve(FILE))) {
            VendorProfile profile = VendorProfile.read(in, FILE);
            return Optional.of(new OpenAiCompatibleFactory(profile) {
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + VENDORS.resolve(FILE), e);
        }
    }
}

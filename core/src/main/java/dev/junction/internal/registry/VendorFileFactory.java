package dev.junction.internal.registry;

import dev.junction.spi.openai.VendorProfile;
import dev.junction.spi.openai.factory.OpenAiCompatibleFactory;
import java.util.Objects;

/**
 * A provider defined by a vendor file alone: its profile, read through the same reader as a
 * module's, and the dialect its dialect fields declare. Remembers where the file was found, so
 * that a duplicate id or a problem can name it.
 */
public final class VendorFileFactory extends OpenAiCompatibleFactory {
    private final String source;

    /**
     * @param profile the file's profile
     * @param source where the file was found, such as its path or class-path URL
     */
    public VendorFileFactory(VendorProfile profile, String source) {
        super(profile);
        this.source = Objects.requireNonNull(source, "source");
    }

    /** Where the file was found: a path (with how it was named) or a class-path URL. */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "VendorFileFactory[" + id() + " from " + source + "]";
    }
}

package dev.junction.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.junction.spi.openai.VendorProfile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/**
 * Variants of {@code testvendor.json}: profiles are made only by {@link VendorProfile#read}, so a
 * test that needs another id, endpoint or rule edits the JSON and reads it again.
 */
public final class TestProfiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestProfiles() {
    }

    /** The test vendor's profile with the edit applied to its JSON. */
    public static VendorProfile edited(Consumer<ObjectNode> edit) {
        try (InputStream in = TestProfiles.class.getResourceAsStream("testvendor.json")) {
            ObjectNode root = (ObjectNode) JSON.readTree(in);
            edit.accept(root);
            return VendorProfile.read(new ByteArrayInputStream(JSON.writeValueAsBytes(root)), "testvendor.json (edited)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

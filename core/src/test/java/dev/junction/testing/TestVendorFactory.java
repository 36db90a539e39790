package dev.junction.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.junction.spi.openai.Dialect;
import dev.junction.spi.openai.VendorProfile;
import dev.junction.spi.openai.factory.OpenAiCompatibleFactory;

/**
 * A plain OpenAI-dialect vendor read from {@code testvendor.json}: two models (one with reasoning
 * controls, one without), one price row, a few error codes, and {@code streamsByDefault} on.
 * Public with a no-argument constructor so that service discovery can instantiate it.
 */
public class TestVendorFactory extends OpenAiCompatibleFactory {
    /** The id of the profile as shipped. */
    public static final String ID = "testvendor";
    /** Its chat path. */
    public static final String CHAT_PATH = "/v1/chat/completions";

    /** The vendor as described in the JSON. */
    public TestVendorFactory() {
        this(ID);
    }

    /** The same vendor under another id, for environment-variable and discovery tests. */
    public TestVendorFactory(String id) {
        super(profile(id), Dialect.OPENAI);
    }

    /** The test profile, its id (and its prices' provider) replaced by {@code id}. */
    public static VendorProfile profile(String id) {
        return TestProfiles.edited(root -> {
            root.put("id", id);
            root.withArray("prices").forEach(row -> ((ObjectNode) row).put("provider", id));
        });
    }
}

package dev.junction.testing;

import dev.junction.cost.Price;
import dev.junction.spi.openai.Dialect;
import dev.junction.spi.openai.factory.OpenAiCompatibleFactory;
import dev.junction.spi.openai.VendorProfile;
import java.util.List;

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
        VendorProfile p = VendorProfile.read(TestVendorFactory.class.getResourceAsStream("testvendor.json"), "testvendor.json");
        if (p.id().equals(id)) {
            return p;
        }
        List<Price> prices = p.prices().stream()
                .map(r -> new Price(id, r.vendorModel(), r.model(), r.currency(), r.inputPerMillion(),
                        r.outputPerMillion(), r.creditsPerUsd(), r.source(), r.asOf()))
                .toList();
        return new VendorProfile(id, p.displayName(), p.baseUrl(), p.chatPath(), p.streamsByDefault(), p.catalog(),
                prices, p.pricesNote(), p.errorCodes(), p.errorHints());
    }
}

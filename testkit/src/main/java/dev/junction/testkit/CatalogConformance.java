package dev.junction.testkit;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.junction.catalog.Capability;
import dev.junction.catalog.Catalog;
import dev.junction.catalog.ModelInfo;
import dev.junction.catalog.Offer;
import dev.junction.catalog.ProviderView;
import dev.junction.chat.StreamPart;
import dev.junction.spi.ProviderFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Conformance: the catalog is consistent. Every canonical model maps to a vendor name; the factory's
 * models, the provider's and Junction's catalog offers are the declared ones with the same
 * capabilities; config strings resolve with canonical and vendor names alike; and each capability
 * is exercised or declared — a declared one the kit cannot exercise without a fixture has one
 * (IMAGE_OUTPUT a reply with images, STREAMING a stream, WEB_SEARCH the tool's shape), and what a
 * fixture shows (reasoning, images, a stream) its model declares. Failures say {@code catalog: …}.
 */
public abstract class CatalogConformance extends ConformanceBase {

    /** The vendor's documented replies, whose content shows capabilities. */
    protected abstract List<DocumentedReply> documentedReplies();

    /** The vendor's documented streams. */
    protected abstract List<DocumentedStream> documentedStreams();

    /** The vendor's web-search tool JSON, or {@code null}. */
    protected abstract String webSearchToolJson();

    @Test
    void mapsEveryCanonicalModelToAVendorName() {
        List<ModelInfo> models = junction().provider(vendor().id()).models().models();
        assertFalse(models.isEmpty(), "catalog: the provider offers no model");
        for (ModelInfo m : models) {
            assertTrue(m.id() != null && !m.id().isBlank(), () -> "catalog: a model without a canonical id: " + m);
            assertTrue(m.vendorModel() != null && !m.vendorModel().isBlank(), () -> "catalog: " + m.id() + " maps to no vendor name");
            assertFalse(m.capabilities().isEmpty(), () -> "catalog: " + m.id() + " declares no capability");
        }
    }

    @Test
    void theFactoryServesTheDeclaredModels() {
        Optional<ProviderFactory> factory = factory();
        assumeTrue(factory.isPresent(), () -> "no factory of " + vendor().id() + " is reachable");
        assertEquals(vendor().models(), factory.get().models().models(),
                "catalog: the factory's models (ids, vendor names, capabilities, context windows) differ from the declaration");
    }

    @Test
    void junctionsCatalogOffersEachModelWithItsCapabilities() {
        Catalog catalog = junction().catalog();
        List<Executable> checks = new ArrayList<>();
        for (ModelInfo m : vendor().models()) {
            checks.add(() -> {
                Optional<Offer> offer = catalog.offers(vendor().id()).stream().filter(o -> o.model().equals(m.id())).findFirst();
                assertTrue(offer.isPresent(), () -> "catalog: Junction's catalog has no offer of " + m.id() + " by " + vendor().id());
                assertEquals(m.vendorModel(), offer.get().vendorModel(), "catalog: vendor model of " + m.id());
                assertEquals(m.capabilities(), offer.get().capabilities(), "catalog: capabilities of " + m.id());
            });
        }
        assertAll("catalog offers", checks);
    }

    @TestFactory
    Stream<DynamicTest> resolvesConfigStringsWithCanonicalAndVendorNames() {
        return vendor().models().stream().flatMap(m -> Stream.of(m.id(), m.vendorModel()).distinct()
                .map(name -> dynamicTest(name + " -> " + m.id(), () -> {
                    ProviderView view = junction().provider(configString(name, TEST_KEY));
                    assertEquals(Optional.of(m), view.models().find(name), () -> "catalog: " + name + " should name " + m.id());
                    assertNotNull(junction().chatModel(configString(name, TEST_KEY)), "catalog: a chat model for " + name);
                })));
    }

    @Test
    void exercisesOrDeclaresEveryCapability() {
        List<String> gaps = new ArrayList<>();
        if (vendor().anyModelCan(Capability.STREAMING) && documentedStreams().isEmpty()) {
            gaps.add("STREAMING is declared, but no documented stream is supplied");
        }
        if (vendor().anyModelCan(Capability.WEB_SEARCH) && webSearchToolJson() == null) {
            gaps.add("WEB_SEARCH is declared, but webSearchToolJson() is not supplied");
        }
        if (vendor().anyModelCan(Capability.IMAGE_OUTPUT) && documentedReplies().stream().allMatch(r -> r.images().isEmpty())) {
            gaps.add("IMAGE_OUTPUT is declared, but no documented reply shows an image");
        }
        for (DocumentedReply r : documentedReplies()) {
            requireDeclared(r.model(), r.reasoning() != null, Capability.REASONING_OUTPUT, "reply " + r.name() + " shows reasoning", gaps);
            requireDeclared(r.model(), !r.images().isEmpty(), Capability.IMAGE_OUTPUT, "reply " + r.name() + " shows images", gaps);
        }
        for (DocumentedStream s : documentedStreams()) {
            requireDeclared(s.model(), true, Capability.STREAMING, "stream " + s.name() + " is documented", gaps);
            requireDeclared(s.model(), !s.reasoningDeltas().isEmpty(), Capability.REASONING_OUTPUT, "stream " + s.name() + " shows reasoning", gaps);
            requireDeclared(s.model(), s.parts().contains(StreamPart.ImageOutput.class), Capability.IMAGE_OUTPUT,
                    "stream " + s.name() + " shows images", gaps);
        }
        assertEquals(List.of(), gaps, "catalog: each capability must be exercised or declared");
    }

    private void requireDeclared(String name, boolean shown, Capability capability, String why, List<String> gaps) {
        if (!shown) {
            return;
        }
        Optional<ModelInfo> model = vendor().models().stream().filter(m -> m.id().equals(name) || m.vendorModel().equals(name)).findFirst();
        if (model.isEmpty()) {
            gaps.add(why + ", but its model " + name + " is not declared");
        } else if (!model.get().can(capability)) {
            gaps.add(why + ", but " + model.get().id() + " does not declare " + capability);
        }
    }
}

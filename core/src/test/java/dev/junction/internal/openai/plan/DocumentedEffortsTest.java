package dev.junction.internal.openai.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.ReasoningEffort;
import dev.junction.chat.ReasoningSettings;
import dev.junction.spi.ApiKey;
import dev.junction.spi.ProviderSettings;
import dev.junction.spi.openai.VendorProfile;
import dev.junction.testing.TestProfiles;
import org.junit.jupiter.api.Test;

/** A vendor that documents only low and high gets the nearest of them, and the response says so. */
class DocumentedEffortsTest {
    private static final VendorProfile LOW_HIGH = TestProfiles.edited(root -> {
        ArrayNode efforts = root.putArray("reasoningEfforts");
        efforts.add("low").add("high");
        for (var model : root.withArray("models")) {
            ArrayNode caps = (ArrayNode) ((ObjectNode) model).withArray("capabilities");
            caps.add("REASONING_CONTROL");
        }
    });

    private static CallPlan plan(VendorProfile profile, ReasoningEffort effort) {
        String model = profile.models().ids().get(0);
        ProviderSettings settings = ProviderSettings.builder(profile.id()).apiKey(ApiKey.of("k")).build();
        return new CallPlanner(profile, settings).plan(ChatRequest.builder().model(model).user("hi")
                .reasoning(new ReasoningSettings(effort, true)).build());
    }

    @Test
    void sendsMediumAsHighWithAWarning() {
        CallPlan plan = plan(LOW_HIGH, ReasoningEffort.MEDIUM);

        assertEquals(new ReasoningSettings(ReasoningEffort.HIGH, true), plan.reasoning(), "includeThoughts is kept");
        assertTrue(plan.warnings().stream().anyMatch(w -> w.contains("documents reasoning efforts [low, high]")
                && w.contains("not medium; sent high")), () -> plan.warnings().toString());
    }

    @Test
    void sendsMinimalAsLow() {
        assertEquals(ReasoningEffort.LOW, plan(LOW_HIGH, ReasoningEffort.MINIMAL).reasoning().effort());
    }

    @Test
    void aDocumentedEffortGoesOutUnchangedAndUnwarned() {
        CallPlan plan = plan(LOW_HIGH, ReasoningEffort.LOW);
        assertEquals(ReasoningEffort.LOW, plan.reasoning().effort());
        assertTrue(plan.warnings().stream().noneMatch(w -> w.contains("reasoning efforts")), () -> plan.warnings().toString());
    }

    @Test
    void aModelsOwnListOverridesTheProfiles() {
        VendorProfile perModel = TestProfiles.edited(root -> {
            root.putArray("reasoningEfforts").add("minimal").add("low").add("medium").add("high");
            ObjectNode first = (ObjectNode) root.withArray("models").get(0);
            first.putArray("reasoningEfforts").add("low").add("high");
            ((ArrayNode) first.withArray("capabilities")).add("REASONING_CONTROL");
        });
        assertEquals(ReasoningEffort.HIGH, plan(perModel, ReasoningEffort.MEDIUM).reasoning().effort());
    }

    @Test
    void rejectsAnUnknownEffortInTheProfile() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> TestProfiles.edited(root -> root.putArray("reasoningEfforts").add("extreme")));
        assertTrue(e.getMessage().contains("reasoningEfforts"), e.getMessage());
    }
}

package dev.junction.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReasoningEffortTest {
    private static final Set<ReasoningEffort> LOW_HIGH = EnumSet.of(ReasoningEffort.LOW, ReasoningEffort.HIGH);

    @Test
    void ordersFromMinimalToHigh() {
        assertEquals(java.util.List.of(ReasoningEffort.MINIMAL, ReasoningEffort.LOW, ReasoningEffort.MEDIUM, ReasoningEffort.HIGH),
                java.util.List.of(ReasoningEffort.values()));
    }

    @Test
    void mapsToTheNearestDocumentedEffortWithTiesGoingUp() {
        assertEquals(ReasoningEffort.LOW, ReasoningEffort.MINIMAL.nearest(LOW_HIGH));
        assertEquals(ReasoningEffort.LOW, ReasoningEffort.LOW.nearest(LOW_HIGH));
        assertEquals(ReasoningEffort.HIGH, ReasoningEffort.MEDIUM.nearest(LOW_HIGH), "medium sits between low and high: the tie goes up");
        assertEquals(ReasoningEffort.HIGH, ReasoningEffort.HIGH.nearest(LOW_HIGH));
        assertEquals(ReasoningEffort.MEDIUM, ReasoningEffort.MINIMAL.nearest(EnumSet.of(ReasoningEffort.MEDIUM, ReasoningEffort.HIGH)));
    }

    @Test
    void anUndeclaredSetKeepsTheEffort() {
        assertEquals(ReasoningEffort.MEDIUM, ReasoningEffort.MEDIUM.nearest(Set.of()));
    }

    @Test
    void readsWireNames() {
        assertEquals(ReasoningEffort.MINIMAL, ReasoningEffort.fromWireName("minimal"));
        assertEquals("medium", ReasoningEffort.MEDIUM.wireName());
    }
}

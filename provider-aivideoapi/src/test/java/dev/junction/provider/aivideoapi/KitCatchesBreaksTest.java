package dev.junction.provider.aivideoapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.junction.Junction;
import dev.junction.spi.ProviderFactory;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The kit tested: aivideoapi's conformance subclass, unchanged, run (with JUnit's
 * {@link EngineTestKit}) against variants of aivideoapi each broken in one way, injected through
 * {@code junctionBuilder()}. Each break must fail the kit with a message that names the broken
 * behaviour; the same harness with the unbroken factory must pass without a failure, so that the
 * harness itself can tell the two apart.
 */
class KitCatchesBreaksTest {

    /**
     * One deliberate break: the variant that carries it, and the words a failure message of the kit
     * must contain. Adding a break is one more row and one more variant class.
     */
    private record Break(String behaviour, Class<? extends Variant> variant, String named) {
    }

    private static final List<Break> BREAKS = List.of(
            new Break("a wrong media part shape", WrongMediaPartShape.class, "media part shape"),
            new Break("reasoning dropped", ReasoningDropped.class, "reasoning dropped"),
            new Break("a wrong error mapping", WrongErrorMapping.class, "error mapping"),
            new Break("a lost stream chunk", LostStreamChunk.class, "lost stream chunk"),
            new Break("a leaked key", LeakedKey.class, "leaked key"),
            new Break("a dropped thought signature", ThoughtSignatureDropped.class, "thought signature dropped"));

    @Test
    void theUnbrokenVariantPassesTheKit() {
        EngineExecutionResults results = run(Unbroken.class);

        assertEquals(List.of(), messages(failures(results)), "the unbroken variant must pass the kit");
        assertTrue(results.testEvents().succeeded().count() > 100,
                () -> "the kit should have run its areas: " + results.testEvents().succeeded().count() + " passed");
    }

    @TestFactory
    Stream<DynamicTest> everyBreakFailsTheKitNamingTheBehaviour() {
        return BREAKS.stream().map(b -> dynamicTest(b.behaviour(), () -> {
            List<Throwable> failures = failures(run(b.variant()));

            assertFalse(failures.isEmpty(), () -> b.behaviour() + " went unnoticed: the kit passed");
            List<String> messages = messages(failures);
            assertTrue(messages.stream().anyMatch(m -> m.contains(b.named())),
                    () -> "no failure names \"" + b.named() + "\"; the kit failed with:\n" + String.join("\n---\n", messages));
        }));
    }

    private static EngineExecutionResults run(Class<?> variant) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(variant)).execute();
    }

    /** The failures of tests and of containers (a failing @BeforeAll fails its whole area). */
    private static List<Throwable> failures(EngineExecutionResults results) {
        return Stream.concat(results.testEvents().failed().stream(), results.containerEvents().failed().stream())
                .map(Event::getPayload).flatMap(Optional::stream).filter(TestExecutionResult.class::isInstance)
                .map(TestExecutionResult.class::cast).map(TestExecutionResult::getThrowable).flatMap(Optional::stream).toList();
    }

    private static List<String> messages(List<Throwable> failures) {
        return failures.stream().map(t -> t.getClass().getSimpleName() + ": " + t.getMessage()).collect(Collectors.toList());
    }

    /** aivideoapi's conformance subclass with its factory replaced: discovery off, this factory only. */
    abstract static class Variant extends AivideoapiConformanceTest {
        private final ProviderFactory factory;

        Variant(Supplier<ProviderFactory> factory) {
            this.factory = factory.get();
        }

        @Override
        protected Junction.Builder junctionBuilder() {
            return Junction.builder().environment(environment()).factories(List.of(factory));
        }

        @Override
        protected Optional<ProviderFactory> factory() {
            return Optional.of(factory);
        }
    }

    static final class Unbroken extends Variant {
        Unbroken() {
            super(BrokenAivideoapi::unbroken);
        }
    }

    static final class WrongMediaPartShape extends Variant {
        WrongMediaPartShape() {
            super(BrokenAivideoapi::wrongMediaPartShape);
        }
    }

    static final class ReasoningDropped extends Variant {
        ReasoningDropped() {
            super(BrokenAivideoapi::reasoningDropped);
        }
    }

    static final class WrongErrorMapping extends Variant {
        WrongErrorMapping() {
            super(BrokenAivideoapi::wrongErrorMapping);
        }
    }

    static final class LostStreamChunk extends Variant {
        LostStreamChunk() {
            super(BrokenAivideoapi::lostStreamChunk);
        }
    }

    static final class LeakedKey extends Variant {
        LeakedKey() {
            super(BrokenAivideoapi::leakedKey);
        }
    }

    static final class ThoughtSignatureDropped extends Variant {
        ThoughtSignatureDropped() {
            super(BrokenAivideoapi::thoughtSignatureDropped);
        }
    }
}

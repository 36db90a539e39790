package dev.junction.testkit;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.junction.catalog.Capability;
import dev.junction.catalog.ModelInfo;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.ResponseFormat;
import dev.junction.chat.Tool;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.quote.Unservable;
import dev.junction.spi.ProviderFactory;
import dev.junction.spi.openai.VendorRule;
import dev.junction.spi.openai.factory.OpenAiCompatibleFactory;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Conformance: every {@link VendorRule} the vendor's profile declares refuses a request that breaks
 * it with UNSUPPORTED_FEATURE, naming the rule and its hint, before any request reaches the vendor
 * — called, streamed, and quoted (listed as unservable). Failures say {@code pre-send rule …}.
 */
public abstract class PreSendRuleConformance extends ConformanceBase {

    @TestFactory
    Stream<DynamicTest> refusesEveryDeclaredRuleBeforeSending() {
        Optional<ProviderFactory> factory = factory();
        assumeTrue(factory.isPresent() && factory.get() instanceof OpenAiCompatibleFactory,
                () -> "no engine-based factory of " + vendor().id() + " is reachable to read its rules");
        List<VendorRule> rules = ((OpenAiCompatibleFactory) factory.get()).profile().rules();
        assumeTrue(!rules.isEmpty(), () -> vendor().id() + " declares no vendor rules");
        return rules.stream().map(rule -> dynamicTest(rule.name(), () -> {
            stub().reset();
            Set<Capability> needs = needs(rule);
            Optional<ModelInfo> model = vendor().models().stream().filter(m -> m.capabilities().containsAll(needs)).findFirst();
            assumeTrue(model.isPresent(), () -> "pre-send rule " + rule + ": no model declares " + needs + ", so nothing can break it");
            ChatRequest request = breaking(rule, model.get().id());

            JunctionException called = failure(chatModel(model.get().id()), request);
            JunctionException streamed = StreamRecording.of(chatModel(model.get().id()).stream(request)).await(CALL_WAIT).assertFailed();
            Optional<Unservable> quoted = junction().quote(request).unservable().stream()
                    .filter(u -> u.provider().equals(vendor().id())).findFirst();

            String what = "pre-send rule " + rule + ": ";
            assertAll(what + "a request breaking it is refused",
                    () -> assertRefused(what + "chat", rule, called),
                    () -> assertRefused(what + "stream", rule, streamed),
                    () -> assertTrue(quoted.isPresent() && quoted.get().reason().contains(rule.rule()),
                            () -> what + "the quote should list " + vendor().id() + " as unservable: " + quoted),
                    () -> assertEquals(List.of(), stub().requests(), what + "nothing may reach the vendor"));
        }));
    }

    private void assertRefused(String what, VendorRule rule, JunctionException e) {
        assertEquals(ErrorKind.UNSUPPORTED_FEATURE, e.kind(), () -> what + ": kind, message " + e.getMessage());
        assertEquals(vendor().id(), e.provider(), what + ": provider");
        assertTrue(e.getMessage().contains(rule.rule()), () -> what + ": the message should state the rule: " + e.getMessage());
        assertEquals(Optional.of(rule.hint()), e.hint(), what + ": hint");
    }

    /** The capabilities a model needs for a request to reach the rule rather than a capability check. */
    private static Set<Capability> needs(VendorRule rule) {
        return switch (rule) {
            case NO_TOOLS_WITH_RESPONSE_FORMAT -> EnumSet.of(Capability.TOOLS, Capability.STRUCTURED_OUTPUT);
            case NO_WEB_SEARCH_WITH_FUNCTION_TOOLS -> EnumSet.of(Capability.TOOLS, Capability.WEB_SEARCH);
        };
    }

    /** A request that breaks the rule and nothing else. */
    private static ChatRequest breaking(VendorRule rule, String model) {
        Tool weather = Tool.function("get_weather", "获取指定城市的当前天气", ToolsConformance.WEATHER);
        return switch (rule) {
            case NO_TOOLS_WITH_RESPONSE_FORMAT -> ChatRequest.builder().model(model).user("列出 3 位著名科学家").tool(weather)
                    .responseFormat(ResponseFormat.jsonSchema("scientists", true, ToolsConformance.SCIENTISTS)).build();
            case NO_WEB_SEARCH_WITH_FUNCTION_TOOLS -> ChatRequest.builder().model(model).user("东京今天天气怎么样?")
                    .tool(Tool.webSearch()).tool(weather).build();
        };
    }
}

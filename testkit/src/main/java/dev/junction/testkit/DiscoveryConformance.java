package dev.junction.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.Junction;
import dev.junction.catalog.ProviderView;
import dev.junction.chat.ChatModel;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.ChatResponse;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Conformance: the provider is found by id through {@link java.util.ServiceLoader}, its catalog is
 * the declared one, and config strings (with the key given inline or by the environment) reach it.
 */
public abstract class DiscoveryConformance extends ConformanceBase {

    @Test
    void listsTheProviderByIdWithoutAnyKey() {
        List<ProviderView> providers = junction().providers();
        Optional<ProviderView> mine = providers.stream().filter(p -> p.id().equals(vendor().id())).findFirst();
        assertTrue(mine.isPresent(), () -> vendor().id() + " is not among the discovered providers "
                + providers.stream().map(ProviderView::id).toList());
        assertFalse(mine.get().displayName().isBlank(), "the provider needs a display name");
        assertEquals(List.of(), junction().discoveryProblems(), "discovery reported problems");
    }

    @Test
    void servesTheDeclaredCatalogWithCapabilities() {
        ProviderView provider = junction().provider(vendor().id());
        assertEquals(vendor().models(), provider.models().models(),
                "the catalog (canonical ids, vendor names, capabilities, context windows) differs from the declaration");
    }

    @Test
    void createsAChatModelFromAConfigStringAndCallsThroughIt() {
        String model = vendor().defaultModel();
        ChatModel chat = chatModel(model);
        assertEquals(vendor().id(), chat.provider());
        assertEquals(model, chat.model());
        replyWithFixture(vendor().sampleReplyFixture());

        ChatResponse response = call(chat, "你好");

        assertEquals(vendor().id(), response.provider());
        assertEquals(model, response.model());
        assertEquals(vendor().chatPath(), stub().onlyRequest().getUrl(), "the call did not reach the configured base URL");
    }

    @Test
    void takesTheKeyFromTheEnvironmentVariable() {
        String envKey = "sk-from-environment-42";
        try (Junction fromEnv = newJunction(Map.of(vendor().apiKeyEnvVar(), envKey))) {
            replyWithFixture(vendor().sampleReplyFixture());
            ChatModel chat = fromEnv.chatModel(vendor().id() + ":" + vendor().defaultModel()
                    + "?baseUrl=" + encode(stubBaseUrl()) + "&maxRetries=0");

            call(fromEnv, chat, "你好");

            assertEquals(vendor().authValue(envKey), stub().onlyRequest().getHeader(vendor().authHeader()));
        }
    }

    @Test
    void failsWithoutAKeyNamingTheEnvironmentVariable() {
        JunctionException e = assertThrows(JunctionException.class,
                () -> junction().chatModel(vendor().id() + ":" + vendor().defaultModel()));
        assertEquals(ErrorKind.CONFIGURATION, e.kind());
        assertEquals(vendor().id(), e.provider());
        assertTrue(e.hint().orElse("").contains(vendor().apiKeyEnvVar()),
                () -> "the hint should name " + vendor().apiKeyEnvVar() + ": " + e.hint());
        assertEquals(List.of(), stub().requests(), "nothing may be sent without a key");
    }

    @Test
    void rejectsARequestWithoutAModelBeforeSending() {
        ChatModel chat = chatModel(null);
        JunctionException e = failure(chat, ChatRequest.of("你好"));
        assertEquals(ErrorKind.INVALID_REQUEST, e.kind());
        assertEquals(vendor().id(), e.provider());
        assertTrue(e.hint().orElse("").contains(vendor().id() + ":" + vendor().defaultModel()),
                () -> "the hint should show a config string with a model: " + e.hint());
        assertEquals(List.of(), stub().requests());
    }

    @Test
    void sendsAModelOutsideTheCatalogUnchangedWithAWarning() {
        String unknown = "gemini-99-ultra-test";
        replyWithFixture(vendor().sampleReplyFixture());

        ChatResponse response = call(chatModel(unknown), "你好");

        assertEquals(unknown, Fixtures.parse(stub().onlyRequest().getBodyAsString()).path("model").asText());
        assertEquals(unknown, response.vendorModel());
        assertTrue(response.warnings().stream().anyMatch(w -> w.contains(unknown) && w.contains("catalog")),
                () -> "expected a warning that " + unknown + " is not in the catalog: " + response.warnings());
    }

    @Test
    void listsThisProviderWhenAnIdIsUnknown() {
        JunctionException e = assertThrows(JunctionException.class,
                () -> junction().chatModel("no-such-vendor:gemini-3-pro?apiKey=" + TEST_KEY));
        assertEquals(ErrorKind.CONFIGURATION, e.kind());
        assertTrue(e.getMessage().contains(vendor().id()), () -> "the known ids should include " + vendor().id() + ": " + e.getMessage());
    }
}

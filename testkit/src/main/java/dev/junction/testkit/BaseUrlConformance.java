package dev.junction.testkit;

import static dev.junction.testkit.WireAssertions.assertChatCall;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.junction.Junction;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Conformance: the documented base URL is the default, an override reaches the documented path
 * whether or not it ends in slashes, and {@code <ID>_BASE_URL} overrides it from the environment.
 */
public abstract class BaseUrlConformance extends ConformanceBase {

    @Test
    void defaultsToTheDocumentedBaseUrl() {
        assertEquals(vendor().documentedBaseUrl(), junction().provider(vendor().id()).baseUrl());
    }

    @ParameterizedTest(name = "base URL ending in \"{0}\"")
    @ValueSource(strings = {"", "/", "//"})
    void hitsTheDocumentedPathWithOrWithoutATrailingSlash(String ending) {
        replyWithFixture(vendor().sampleReplyFixture());
        String config = vendor().id() + ":" + vendor().defaultModel() + "?apiKey=" + TEST_KEY
                + "&baseUrl=" + encode(stubBaseUrl() + ending);

        call(junction().chatModel(config), "你好");

        assertChatCall(vendor(), stub().onlyRequest(), vendor().chatPath(), TEST_KEY);
    }

    @Test
    void takesTheBaseUrlFromTheEnvironment() {
        replyWithFixture(vendor().sampleReplyFixture());
        try (Junction fromEnv = newJunction(Map.of(vendor().baseUrlEnvVar(), stubBaseUrl() + "/"))) {
            assertEquals(URI.create(stubBaseUrl()), fromEnv.provider(vendor().id()).baseUrl());

            call(fromEnv, fromEnv.chatModel(vendor().id() + ":" + vendor().defaultModel() + "?apiKey=" + TEST_KEY), "你好");

            assertChatCall(vendor(), stub().onlyRequest(), vendor().chatPath(), TEST_KEY);
        }
    }

    @Test
    void prefersTheConfigStringOverTheEnvironment() {
        replyWithFixture(vendor().sampleReplyFixture());
        try (Junction fromEnv = newJunction(Map.of(vendor().baseUrlEnvVar(), stub().url("/from-environment")))) {
            call(fromEnv, fromEnv.chatModel(vendor().id() + ":" + vendor().defaultModel() + "?apiKey=" + TEST_KEY
                    + "&baseUrl=" + encode(stubBaseUrl())), "你好");

            assertChatCall(vendor(), stub().onlyRequest(), vendor().chatPath(), TEST_KEY);
        }
    }
}

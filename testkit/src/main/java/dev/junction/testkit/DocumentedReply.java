package dev.junction.testkit;

import dev.junction.chat.FinishReason;
import dev.junction.chat.GeneratedImage;
import dev.junction.chat.Usage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A reply from a vendor's documents and what Junction must make of it.
 *
 * @param name what the docs call the example
 * @param model the model the test asks for (canonical id or vendor name)
 * @param fixture the reply body's resource, byte for byte from the docs
 * @param text the expected answer text
 * @param reasoning the expected reasoning, or {@code null} when none
 * @param finishReason the unified finish reason
 * @param rawFinishReason the vendor's own finish reason
 * @param canonicalModel the expected {@code ChatResponse.model()}
 * @param vendorModel the expected {@code ChatResponse.vendorModel()}
 * @param usage the expected counts ({@code rawJson} is ignored: the kit compares it with the fixture)
 * @param images the expected decoded images
 * @param cost the expected cost, or {@code null} when the vendor publishes no price
 * @param warnings one fragment per expected warning, in order; no other warning may appear
 */
public record DocumentedReply(
        String name,
        String model,
        String fixture,
        String text,
        String reasoning,
        FinishReason finishReason,
        String rawFinishReason,
        String canonicalModel,
        String vendorModel,
        Usage usage,
        List<GeneratedImage> images,
        ExpectedCost cost,
        List<String> warnings) {

    /** Copies the lists and checks the required fields. */
    public DocumentedReply {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(fixture, "fixture");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(finishReason, "finishReason");
        Objects.requireNonNull(canonicalModel, "canonicalModel");
        Objects.requireNonNull(vendorModel, "vendorModel");
        Objects.requireNonNull(usage, "usage");
        images = List.copyOf(images);
        warnings = List.copyOf(warnings);
    }

    /** Starts a reply expectation. */
    public static Builder builder(String name, String model, String fixture) {
        return new Builder(name, model, fixture);
    }

    /**
     * A call's exact cost, from the vendor's published prices.
     *
     * @param usd total in US dollars
     * @param credits total in vendor credits, or {@code null} when the vendor bills in money
     */
    public record ExpectedCost(BigDecimal usd, BigDecimal credits) {
        /** Checks the total is present. */
        public ExpectedCost {
            Objects.requireNonNull(usd, "usd");
        }
    }

    /** Assembles a {@link DocumentedReply}. */
    public static final class Builder {
        private final String name;
        private final String model;
        private final String fixture;
        private String text;
        private String reasoning;
        private FinishReason finishReason;
        private String rawFinishReason;
        private String canonicalModel;
        private String vendorModel;
        private Usage usage = Usage.NONE;
        private final List<GeneratedImage> images = new ArrayList<>();
        private ExpectedCost cost;
        private final List<String> warnings = new ArrayList<>();

        private Builder(String name, String model, String fixture) {
            this.name = name;
            this.model = model;
            this.fixture = fixture;
        }

        /** The answer text. */
        public Builder text(String value) {
            this.text = value;
            return this;
        }

        /** The reasoning text. */
        public Builder reasoning(String value) {
            this.reasoning = value;
            return this;
        }

        /** The unified and raw finish reasons. */
        public Builder finish(FinishReason unified, String raw) {
            this.finishReason = unified;
            this.rawFinishReason = raw;
            return this;
        }

        /** The canonical and vendor model names the response must carry. */
        public Builder models(String canonical, String vendor) {
            this.canonicalModel = canonical;
            this.vendorModel = vendor;
            return this;
        }

        /** The token counts. */
        public Builder usage(Long input, Long output, Long reasoningTokens, Long imageTokens, Long cached, Long total) {
            this.usage = new Usage(input, output, reasoningTokens, imageTokens, cached, null, total, null);
            return this;
        }

        /** The audio part of the input tokens, for replies that report it (acedata's {@code prompt_tokens_details.audio_tokens}). */
        public Builder audioInputTokens(Long audio) {
            if (!usage.isReported()) {
                throw new IllegalStateException("call usage(…) before audioInputTokens(…)");
            }
            Usage u = this.usage;
            this.usage = new Usage(u.inputTokens(), u.outputTokens(), u.reasoningTokens(), u.imageTokens(), u.cachedTokens(),
                    audio, u.totalTokens(), null);
            return this;
        }

        /** A decoded image. */
        public Builder image(GeneratedImage image) {
            images.add(image);
            return this;
        }

        /** The exact cost. */
        public Builder cost(BigDecimal usd, BigDecimal credits) {
            this.cost = new ExpectedCost(usd, credits);
            return this;
        }

        /** A fragment of the next expected warning. */
        public Builder warning(String fragment) {
            warnings.add(fragment);
            return this;
        }

        /** Builds the expectation. */
        public DocumentedReply build() {
            return new DocumentedReply(name, model, fixture, text, reasoning, finishReason, rawFinishReason,
                    canonicalModel, vendorModel, usage, images, cost, warnings);
        }
    }
}

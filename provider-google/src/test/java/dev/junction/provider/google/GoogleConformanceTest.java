package dev.junction.provider.google;

import dev.junction.chat.ChatRequest;
import dev.junction.chat.FinishReason;
import dev.junction.chat.GeneratedImage;
import dev.junction.chat.StreamPart;
import dev.junction.error.ErrorKind;
import dev.junction.testkit.DocumentedError;
import dev.junction.testkit.DocumentedReply;
import dev.junction.testkit.DocumentedRequest;
import dev.junction.testkit.DocumentedStream;
import dev.junction.testkit.Fixtures;
import dev.junction.testkit.VendorConformance;
import dev.junction.testkit.VendorDeclaration;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;

/**
 * The conformance kit against Google's OpenAI-compatible endpoint
 * (ai.google.dev/gemini-api/docs/openai): its {@code <thought>} summaries, whole and cut across
 * chunks, the images endpoint, the google.rpc error table in the array envelope, and Gemini's
 * thought signatures on tool calls. What only Google does is in {@link GoogleSpecificsTest}.
 */
class GoogleConformanceTest extends VendorConformance {
    private static final String IMAGE_REPLY = "fixtures/image-reply-with-usage.json";

    @Override
    protected VendorDeclaration vendor() {
        return GoogleVendor.DECLARATION;
    }

    @Override
    protected List<DocumentedReply> documentedReplies() {
        return List.of(
                DocumentedReply.builder("chat completion", "gemini-2.5-pro", "fixtures/chat-reply.json")
                        .text("AI works by learning patterns from examples and using them to make predictions.")
                        .finish(FinishReason.STOP, "stop")
                        .models("gemini-2.5-pro", "gemini-2.5-pro")
                        .usage(8L, 17L, null, null, null, 25L)
                        .cost(new BigDecimal("0.00018"), null) // 8 × $1.25 + 17 × $10 per 1M
                        .build(),
                DocumentedReply.builder("thought summary in <thought> tags", "gemini-3-pro", "fixtures/thoughts-reply.json")
                        .text("AI learns patterns from examples.")
                        .reasoning("**Explaining AI simply**\nI will describe learning from examples.")
                        .finish(FinishReason.STOP, "stop")
                        .models("gemini-3-pro", "gemini-3-pro-preview")
                        .usage(8L, 30L, null, null, null, 38L)
                        .cost(new BigDecimal("0.000376"), null) // 8 × $2 + 30 × $12 per 1M
                        .build(),
                DocumentedReply.builder("image generation (images endpoint)", "gemini-3-pro-image-preview", IMAGE_REPLY)
                        .text("")
                        .image(new GeneratedImage(Base64.getDecoder().decode(Fixtures.textAt(getClass(), IMAGE_REPLY, "/data/0/b64_json")),
                                "image/png"))
                        .finish(FinishReason.STOP, null)
                        .models("gemini-3-pro-image-preview", "gemini-3-pro-image-preview")
                        .usage(12L, 1120L, null, 1120L, null, 1132L)
                        .cost(new BigDecimal("0.134424"), null) // 12 × $2 + 1,120 image tokens × $120 per 1M
                        .build());
    }

    /** The compatibility page's first example, with gemini-2.5-pro in place of the page's Flash model. */
    @Override
    protected List<DocumentedRequest> documentedRequests() {
        return List.of(DocumentedRequest.exact("OpenAI compatibility: Explain to me how AI works",
                ChatRequest.builder().model("gemini-2.5-pro").system("You are a helpful assistant.").user("Explain to me how AI works").build(),
                "fixtures/explain-request.json"));
    }


    /**
     * The google.rpc status names of the Gemini API's troubleshooting page
     * (ai.google.dev/gemini-api/docs/troubleshooting), in the envelope of the OpenAI-compatible endpoint.
     */
    @Override
    protected List<DocumentedError> documentedErrors() {
        return List.of(
                DocumentedError.row(400, "INVALID_ARGUMENT", ErrorKind.INVALID_REQUEST, false,
                        "Invalid JSON payload received. Unknown name \"foo\": Cannot find field.",
                        Fixtures.text(getClass(), "fixtures/error-invalid-argument.json")),
                row(400, "FAILED_PRECONDITION", ErrorKind.PERMISSION_DENIED, false,
                        "User location is not supported for the API use without a billing account linked."),
                row(401, "UNAUTHENTICATED", ErrorKind.AUTHENTICATION, false, "Request had invalid authentication credentials."),
                row(403, "PERMISSION_DENIED", ErrorKind.PERMISSION_DENIED, false, "The caller does not have permission"),
                row(404, "NOT_FOUND", ErrorKind.MODEL_NOT_FOUND, false, "models/gemini-9-pro is not found for API version v1beta"),
                row(429, "RESOURCE_EXHAUSTED", ErrorKind.RATE_LIMITED, true, "Resource has been exhausted (e.g. check quota)."),
                row(500, "INTERNAL", ErrorKind.SERVER_ERROR, true, "An internal error has occurred."),
                row(503, "UNAVAILABLE", ErrorKind.SERVER_ERROR, true, "The model is overloaded. Please try again later."),
                row(504, "DEADLINE_EXCEEDED", ErrorKind.SERVER_ERROR, true, "Deadline expired before operation could complete."));
    }

    @Override
    protected List<DocumentedStream> documentedStreams() {
        DocumentedReply plain = DocumentedReply.builder("streaming", "gemini-2.5-pro", "fixtures/explain-stream.sse")
                .text("AI works by learning patterns from examples.")
                .finish(FinishReason.STOP, "stop")
                .models("gemini-2.5-pro", "gemini-2.5-pro")
                .usage(8L, 9L, null, null, null, 17L)
                .cost(new BigDecimal("0.0001"), null) // 8 × $1.25 + 9 × $10 per 1M
                .build();
        // The <thought> tags arrive cut across three chunks; the reasoning and the answer still come apart.
        DocumentedReply thoughts = DocumentedReply.builder("streamed thought summary", "gemini-3-pro", "fixtures/thoughts-stream.sse")
                .text("AI learns patterns.")
                .reasoning("Weighing the question.")
                .finish(FinishReason.STOP, "stop")
                .models("gemini-3-pro", "gemini-3-pro-preview")
                .warning("reported no token usage")
                .build();
        return List.of(
                DocumentedStream.builder(plain)
                        .parts(StreamPart.Start.class, StreamPart.TextDelta.class, StreamPart.TextDelta.class,
                                StreamPart.UsageReport.class, StreamPart.Finish.class)
                        .textDeltas("AI works by learning", " patterns from examples.")
                        .build(),
                DocumentedStream.builder(thoughts)
                        .parts(StreamPart.Start.class, StreamPart.ReasoningDelta.class, StreamPart.TextDelta.class,
                                StreamPart.Warning.class, StreamPart.Finish.class)
                        .reasoningDeltas("Weighing the question.")
                        .textDeltas("AI learns patterns.")
                        .build());
    }

    /** Mid-stream, an overloaded model's error arrives as one event: the error object, not the array of an error reply. */
    @Override
    protected DocumentedError midStreamError() {
        String message = "The model is overloaded. Please try again later.";
        return DocumentedError.row(503, "UNAVAILABLE", ErrorKind.SERVER_ERROR, true, message, GoogleVendor.errorEvent("UNAVAILABLE", message));
    }

    /**
     * Gemini's thought signatures, as the OpenAI-compatible endpoint returns them: on each tool call
     * under {@code extra_content.google.thought_signature}; streamed, each call arrives whole in one
     * delta with its signature.
     */
    @Override
    protected String signedToolCallReplyFixture() {
        return "fixtures/signed-tool-calls-reply.json";
    }

    @Override
    protected String signedToolCallStreamFixture() {
        return "fixtures/signed-tool-calls-stream.sse";
    }

    @Override
    protected List<String> expectedSignatures() {
        return List.of("CtwBAePx/17Wv3a9nE4kq2T8dZ0rM+uYH1sLwXgQe5pVb7cN3jKf0Aa/2mR6tUoIyS4hDlG8wPzB1xEqFnJ9vC=",
                "EqQBAePx/15kY0zR7sVb2Nq+Wm8tH3cLd9Jf1oPx6Ga4uKe0Tn/5iBrS7yMhZw2Cv8DlQjX=");
    }

    private static DocumentedError row(int status, String code, ErrorKind kind, boolean retryable, String message) {
        return DocumentedError.row(status, code, kind, retryable, message, GoogleVendor.errorBody(code, message));
    }
}

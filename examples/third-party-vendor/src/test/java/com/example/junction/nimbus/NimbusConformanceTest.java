package com.example.junction.nimbus;

import dev.junction.catalog.Capability;
import dev.junction.catalog.ModelInfo;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.FinishReason;
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
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Nimbus against Junction's whole conformance kit: this class declares what {@code docs/API.md}
 * says and hands over its JSON; the kit's areas run as nested tests against a WireMock stand-in.
 */
class NimbusConformanceTest extends VendorConformance {

    @Override
    protected VendorDeclaration vendor() {
        return VendorDeclaration.builder("nimbus")
                .documentedUrls("https://api.nimbus.example/v1", "https://api.nimbus.example/v1/chat/completions")
                .model(new ModelInfo("gemini-2.5-pro", "nimbus/gemini-2.5-pro",
                        EnumSet.of(Capability.IMAGE_INPUT, Capability.REASONING_OUTPUT, Capability.STREAMING), 1_048_576L))
                .streamsByDefault(false)
                .publishesPrices(true)
                .acceptsMediaUrls(true)
                .sampleReplyFixture("fixtures/hello-reply.json")
                .errorEnvelope(NimbusConformanceTest::errorBody)
                .documentedAuth("X-Api-Key", "") // not Authorization: Bearer
                .build();
    }

    @Override
    protected List<DocumentedReply> documentedReplies() {
        return List.of(hello("fixtures/hello-reply.json"));
    }

    @Override
    protected List<DocumentedRequest> documentedRequests() {
        return List.of(DocumentedRequest.exact("Example",
                ChatRequest.builder().model("gemini-2.5-pro").user("Say hello in French.").build(), "fixtures/hello-request.json"));
    }


    @Override
    protected List<DocumentedStream> documentedStreams() {
        return List.of(DocumentedStream.builder(hello("fixtures/hello-stream.sse"))
                .parts(StreamPart.Start.class, StreamPart.ReasoningDelta.class, StreamPart.TextDelta.class,
                        StreamPart.UsageReport.class, StreamPart.Finish.class)
                .reasoningDeltas("A greeting in French.")
                .textDeltas("Bonjour !")
                .build());
    }

    /** The Errors table; the 402 body is the page's example, verbatim. */
    @Override
    protected List<DocumentedError> documentedErrors() {
        return List.of(
                row(400, "bad_request", ErrorKind.INVALID_REQUEST, false, "invalid parameters"),
                row(401, "bad_key", ErrorKind.AUTHENTICATION, false, "missing or invalid X-Api-Key").withHint("NIMBUS_API_KEY"),
                DocumentedError.row(402, "quota_exhausted", ErrorKind.INSUFFICIENT_CREDITS, false,
                        "Your balance is empty. Top up at https://nimbus.example/billing.",
                        Fixtures.text(getClass(), "fixtures/error-quota-exhausted.json")),
                row(429, "slow_down", ErrorKind.RATE_LIMITED, true, "rate limited; honour Retry-After"),
                row(503, "overloaded", ErrorKind.SERVER_ERROR, true, "try again later"));
    }

    /** The page's example reply, whole or streamed: 7 tokens in, 3 out, at $1.10 / $9.00 per million. */
    private static DocumentedReply hello(String fixture) {
        return DocumentedReply.builder("Example", "gemini-2.5-pro", fixture)
                .text("Bonjour !")
                .reasoning("A greeting in French.")
                .finish(FinishReason.STOP, "stop")
                .models("gemini-2.5-pro", "nimbus/gemini-2.5-pro")
                .usage(7L, 3L, null, null, null, 10L)
                .cost(new BigDecimal("0.0000347"), null)
                .build();
    }

    private static DocumentedError row(int status, String code, ErrorKind kind, boolean retryable, String message) {
        return DocumentedError.row(status, code, kind, retryable, message, errorBody(code, message));
    }

    private static String errorBody(String code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        return Fixtures.toJson(Map.of("error", error));
    }
}

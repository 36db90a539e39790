package dev.junction.provider.aivideoapi;

import dev.junction.testkit.ThoughtSignatureConformance;
import dev.junction.testkit.VendorDeclaration;
import java.util.List;

/**
 * aivideoapi forwards Gemini, so its tool calls carry Gemini 3's thought signatures. Its docs show
 * the function-call request but no tool-call reply, so the fixtures are its documented reply
 * envelope (000 响应, and the 001 stream's events) with OpenAI's {@code tool_calls} and Google's
 * {@code extra_content.google.thought_signature} on each call, as Gemini's OpenAI-compatible layer sends them.
 */
class AivideoapiThoughtSignatureTest extends ThoughtSignatureConformance {

    @Override
    protected VendorDeclaration vendor() {
        return AivideoapiVendor.DECLARATION;
    }

    @Override
    protected String signedToolCallReplyFixture() {
        return "fixtures/gemini-3-pro-signed-tool-calls-reply.json";
    }

    @Override
    protected String signedToolCallStreamFixture() {
        return "fixtures/gemini-3-pro-signed-tool-calls-stream.sse";
    }

    @Override
    protected List<String> expectedSignatures() {
        return List.of("CiQBjz1rX+9kq/Yd0Hh3Zg8Qz1m0p4tQy7N2wq5mJ1o0FkP3cVYKcQGPPWtf==",
                "EjQKMgEMOdbHJChLX75QUCJjyYlm/zW+b3Xw9aT1q0cN8r2sUe4=");
    }
}

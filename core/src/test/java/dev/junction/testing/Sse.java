package dev.junction.testing;

/** Server-sent-event bodies for stream tests, in the shape OpenAI-compatible vendors send. */
public final class Sse {
    /** The end-of-stream sentinel event. */
    public static final String DONE = event("[DONE]");

    private Sse() {
    }

    /** One event: {@code data: …} and the blank line that ends it. */
    public static String event(String data) {
        return "data: " + data + "\n\n";
    }

    /** The events, concatenated. */
    public static String events(String... data) {
        StringBuilder b = new StringBuilder();
        for (String d : data) {
            b.append(event(d));
        }
        return b.toString();
    }

    /** A chunk whose first choice's delta is {@code deltaJson}, with no finish reason. */
    public static String delta(String deltaJson) {
        return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"model\":\"gemini-2.5-pro\","
                + "\"choices\":[{\"index\":0,\"delta\":" + deltaJson + ",\"finish_reason\":null}]}";
    }

    /** A chunk carrying a piece of answer text. */
    public static String text(String text) {
        return delta("{\"content\":\"" + text + "\"}");
    }

    /** A chunk with an empty delta and the finish reason. */
    public static String finish(String reason) {
        return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"model\":\"gemini-2.5-pro\","
                + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"" + reason + "\"}]}";
    }

    /** The final usage chunk, with {@code choices: []}. */
    public static String usage(long prompt, long completion) {
        return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"model\":\"gemini-2.5-pro\",\"choices\":[],"
                + "\"usage\":{\"prompt_tokens\":" + prompt + ",\"completion_tokens\":" + completion
                + ",\"total_tokens\":" + (prompt + completion) + "}}";
    }
}

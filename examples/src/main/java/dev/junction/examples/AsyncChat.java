package dev.junction.examples;

import dev.junction.Junction;
import dev.junction.chat.ChatModel;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.Part;
import dev.junction.chat.ReasoningEffort;
import dev.junction.chat.ReasoningSettings;
import dev.junction.error.JunctionException;
import java.net.URI;

/**
 * The non-blocking API: an image question with low reasoning effort, handled on the returned
 * Vert.x future. Run with a config string such as {@code aivideoapi:gemini-2.5-pro}.
 */
public final class AsyncChat {
    private AsyncChat() {
    }

    /** Entry point: {@code args[0]} is the config string. */
    public static void main(String[] args) throws InterruptedException {
        String spec = args.length > 0 ? args[0] : "aivideoapi:gemini-2.5-pro";
        ChatRequest request = ChatRequest.builder()
                .user(Part.text("这张图片里是什么?"), Part.url(URI.create("https://example.com/photo.jpg")))
                .reasoning(ReasoningSettings.effort(ReasoningEffort.LOW))
                .maxOutputTokens(2048)
                .build();
        try (Junction junction = Junction.create()) {
            ChatModel model = junction.chatModel(spec);
            java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
            model.chat(request)
                    .onSuccess(reply -> System.out.println(reply.text()))
                    .onFailure(error -> {
                        if (error instanceof JunctionException e) {
                            System.err.println(e.kind() + (e.retryable() ? " (retryable)" : "") + ": " + e.getMessage());
                        } else {
                            System.err.println("unexpected: " + error);
                        }
                    })
                    .onComplete(ignored -> done.countDown());
            done.await();
        }
    }
}

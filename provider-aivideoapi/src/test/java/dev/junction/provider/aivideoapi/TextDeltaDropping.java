package dev.junction.provider.aivideoapi;

import dev.junction.chat.ChatStream;
import dev.junction.chat.StreamPart;
import io.vertx.core.Handler;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A stream that loses its first {@link StreamPart.TextDelta} on the way to the consumer, the bug a
 * broken chunk reader or buffer would have; everything else is forwarded. For {@link BrokenAivideoapi}.
 */
final class TextDeltaDropping implements ChatStream {
    private final ChatStream real;
    private final AtomicBoolean dropped = new AtomicBoolean();

    TextDeltaDropping(ChatStream real) {
        this.real = real;
    }

    @Override
    public ChatStream handler(Handler<StreamPart> handler) {
        real.handler(handler == null ? null : part -> {
            if (part instanceof StreamPart.TextDelta && dropped.compareAndSet(false, true)) {
                // The dropped part used one unit of the consumer's demand: give it back.
                real.fetch(1);
                return;
            }
            handler.handle(part);
        });
        return this;
    }

    @Override
    public void cancel() {
        real.cancel();
    }

    @Override
    public ChatStream exceptionHandler(Handler<Throwable> handler) {
        real.exceptionHandler(handler);
        return this;
    }

    @Override
    public ChatStream pause() {
        real.pause();
        return this;
    }

    @Override
    public ChatStream resume() {
        real.resume();
        return this;
    }

    @Override
    public ChatStream fetch(long amount) {
        real.fetch(amount);
        return this;
    }

    @Override
    public ChatStream endHandler(Handler<Void> endHandler) {
        real.endHandler(endHandler);
        return this;
    }
}

package dev.junction.internal.stream;

import dev.junction.chat.ChatStream;
import dev.junction.chat.StreamPart;
import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link ChatStream} as a single-subscriber {@link Flow.Publisher}: demand maps to
 * {@code fetch}, cancel to {@code cancel}. Signals are serial because the stream delivers them
 * from one Vert.x context.
 */
public final class StreamPublisher implements Flow.Publisher<StreamPart> {
    private final ChatStream stream;
    private final AtomicBoolean subscribed = new AtomicBoolean();

    /** Wraps the stream; it should not be consumed otherwise. */
    public StreamPublisher(ChatStream stream) {
        this.stream = Objects.requireNonNull(stream, "stream");
    }

    @Override
    public void subscribe(Flow.Subscriber<? super StreamPart> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber");
        if (!subscribed.compareAndSet(false, true)) {
            subscriber.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                }

                @Override
                public void cancel() {
                }
            });
            subscriber.onError(new IllegalStateException("a ChatStream publisher takes a single subscriber"));
            return;
        }
        AtomicBoolean finished = new AtomicBoolean();
        stream.pause();
        stream.exceptionHandler(error -> {
            if (finished.compareAndSet(false, true)) {
                subscriber.onError(error);
            }
        });
        stream.endHandler(end -> {
            if (finished.compareAndSet(false, true)) {
                subscriber.onComplete();
            }
        });
        stream.handler(part -> {
            if (!(part instanceof StreamPart.Failure) && !finished.get()) {
                subscriber.onNext(part);
            }
        });
        subscriber.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
                if (n <= 0) {
                    // Reactive Streams rule 3.9: a non-positive request is an error.
                    stream.cancel();
                    if (finished.compareAndSet(false, true)) {
                        subscriber.onError(new IllegalArgumentException("request(" + n + "): demand must be positive"));
                    }
                    return;
                }
                stream.fetch(n);
            }

            @Override
            public void cancel() {
                finished.set(true);
                stream.cancel();
            }
        });
    }
}

package dev.junction.chat;

import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link ChatStream} as a single-subscriber {@link Flow.Publisher}: demand maps to
 * {@code fetch}, cancel to {@code cancel}. Signals are serial because the stream delivers them
 * from one Vert.x context.
 */
final class StreamPublisher implements Flow.Publisher<StreamPart> {
    private final ChatStream stream;
    private final AtomicBoolean subscribed = new AtomicBoolean();

    /** Wraps the stream; it should not be consumed otherwise. */
    StreamPublisher(ChatStream stream) {
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
        Signals signals = new Signals(subscriber);
        // onSubscribe first, and only then the handlers, so that no signal can precede it (rule 1.9).
        stream.pause();
        subscriber.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
                if (n <= 0) {
                    // Rule 3.9: a non-positive request is an error.
                    signals.error(new IllegalArgumentException("request(" + n + "): demand must be positive"));
                    stream.cancel();
                    return;
                }
                stream.fetch(n);
            }

            @Override
            public void cancel() {
                signals.finish();
                stream.cancel();
            }
        });
        stream.exceptionHandler(signals::error);
        stream.endHandler(end -> signals.complete());
        stream.handler(part -> {
            if (!(part instanceof StreamPart.Failure)) {
                signals.next(part);
            }
        });
    }

    /**
     * Serialises the signals to one subscriber (rule 1.3): parts come from the stream's event loop,
     * but a bad request(n) is answered on the caller's thread. Nothing follows a terminal signal.
     */
    private static final class Signals {
        private final Flow.Subscriber<? super StreamPart> subscriber;
        private boolean finished;

        Signals(Flow.Subscriber<? super StreamPart> subscriber) {
            this.subscriber = subscriber;
        }

        synchronized void next(StreamPart part) {
            if (!finished) {
                subscriber.onNext(part);
            }
        }

        synchronized void error(Throwable error) {
            if (!finished) {
                finished = true;
                subscriber.onError(error);
            }
        }

        synchronized void complete() {
            if (!finished) {
                finished = true;
                subscriber.onComplete();
            }
        }

        synchronized void finish() {
            finished = true;
        }
    }
}

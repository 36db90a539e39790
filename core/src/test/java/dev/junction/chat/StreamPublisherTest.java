package dev.junction.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.testing.Futures;
import dev.junction.testing.Sse;
import dev.junction.testing.SseServer;
import dev.junction.testing.VendorServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Flow.Publisher adapter: demand maps to fetch, cancel closes the connection, failures go to onError. */
class StreamPublisherTest {
    private static final String SIX_PARTS = Sse.events(Sse.text("一"), Sse.text("二"), Sse.text("三"), Sse.finish("stop"),
            Sse.usage(12, 86)) + Sse.DONE;

    private VendorServer vendor;

    @BeforeEach
    void start() {
        vendor = new VendorServer();
    }

    @AfterEach
    void stop() {
        vendor.close();
    }

    private Flow.Publisher<StreamPart> publisher(String body) {
        vendor.reply(aResponse().withHeader("Content-Type", "text/event-stream").withBody(body));
        return ChatStreams.publisher(vendor.model().stream("数到三"));
    }

    @Test
    void deliversNoMoreThanTheRequestedParts() {
        Probe probe = new Probe(0);
        publisher(SIX_PARTS).subscribe(probe);
        probe.subscription().request(2);

        probe.awaitParts(2);
        assertFalse(probe.isTerminated(), "two parts of six were requested");
        probe.subscription().request(Long.MAX_VALUE);
        probe.awaitTerminal();

        assertNull(probe.violation, probe.violation);
        assertEquals(6, probe.parts().size(), probe.parts()::toString);
        assertTrue(probe.completed);
    }

    @Test
    void deliversEverythingWhenFetchingOneAtATime() {
        Probe probe = new Probe(1);
        publisher(SIX_PARTS).subscribe(probe);
        probe.subscription().request(1);
        probe.awaitTerminal();

        assertNull(probe.violation, probe.violation);
        assertTrue(probe.completed, "onComplete after the Finish part");
        assertEquals(List.of(StreamPart.Start.class, StreamPart.TextDelta.class, StreamPart.TextDelta.class,
                StreamPart.TextDelta.class, StreamPart.UsageReport.class, StreamPart.Finish.class), probe.parts().stream().map(Object::getClass).toList());
    }

    @Test
    void sendsAFailureToOnErrorOnly() {
        Probe probe = new Probe(1);
        publisher(Sse.events(Sse.text("一"))).subscribe(probe);
        probe.subscription().request(1);
        probe.awaitTerminal();

        assertEquals(ErrorKind.NETWORK, assertInstanceOf(JunctionException.class, probe.error).kind());
        assertFalse(probe.completed);
        assertTrue(probe.parts().stream().noneMatch(StreamPart.Failure.class::isInstance), probe.parts()::toString);
        assertEquals(2, probe.parts().size(), "Start and the text: " + probe.parts());
    }

    @Test
    void signalsAFailureWithoutFurtherDemand() {
        // Reactive Streams 1.4: onError needs no demand. The error event arrives in the same body as
        // parts the subscriber has not asked for; it asks for two and must still hear of the failure.
        Probe probe = new Probe(0);
        publisher(Sse.events(Sse.text("一"), Sse.text("二"), "{\"error\":{\"code\":\"rate_limit_exceeded\",\"message\":\"slow down\"}}"))
                .subscribe(probe);
        probe.subscription().request(2);
        probe.awaitTerminal();

        assertEquals(ErrorKind.RATE_LIMITED, assertInstanceOf(JunctionException.class, probe.error).kind());
        assertNull(probe.violation, probe.violation);
        assertEquals(2, probe.parts().size(), probe.parts()::toString);
    }

    @Test
    void refusesASecondSubscriberWithOnError() {
        Flow.Publisher<StreamPart> publisher = publisher(SIX_PARTS);
        Probe first = new Probe(1);
        Probe second = new Probe(1);
        publisher.subscribe(first);
        publisher.subscribe(second);
        second.awaitTerminal();
        first.subscription().request(1);
        first.awaitTerminal();

        assertInstanceOf(IllegalStateException.class, second.error);
        assertEquals(List.of(), second.parts());
        assertTrue(first.completed, "the first subscriber still gets the stream");
    }

    @Test
    void answersANonPositiveRequestWithOnError() {
        Probe probe = new Probe(0);
        publisher(SIX_PARTS).subscribe(probe);
        probe.subscription().request(0);
        probe.awaitTerminal();

        assertInstanceOf(IllegalArgumentException.class, probe.error);
    }

    @Test
    void cancellingTheSubscriptionClosesTheConnection() {
        try (SseServer server = new SseServer(request -> request.response().setChunked(true)
                .putHeader("Content-Type", "text/event-stream").write(Sse.event(Sse.text("一"))))) {
            Probe probe = new Probe(0);
            ChatStreams.publisher(server.model("").stream("数到三")).subscribe(probe);
            probe.subscription().request(1);
            probe.awaitParts(1);

            probe.subscription().cancel();

            Futures.await(server.connectionClosed());
            assertFalse(probe.isTerminated(), "a cancelled subscription gets no onError or onComplete");
        }
    }

    /**
     * A subscriber that records its signals and flags any onNext beyond the demand it gave.
     * With {@code refill} above 0 it requests that many more after each part.
     */
    private static final class Probe implements Flow.Subscriber<StreamPart> {
        private final long refill;
        private final List<StreamPart> parts = new ArrayList<>();
        private final AtomicLong outstanding = new AtomicLong();
        private final Semaphore arrived = new Semaphore(0);
        private final CountDownLatch subscribed = new CountDownLatch(1);
        private final CountDownLatch terminal = new CountDownLatch(1);
        private volatile Flow.Subscription subscription;
        private volatile Throwable error;
        private volatile boolean completed;
        private volatile String violation;

        Probe(long refill) {
            this.refill = refill;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = new Flow.Subscription() {
                @Override
                public void request(long n) {
                    outstanding.accumulateAndGet(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
                    s.request(n);
                }

                @Override
                public void cancel() {
                    s.cancel();
                }
            };
            subscribed.countDown();
        }

        @Override
        public void onNext(StreamPart part) {
            synchronized (parts) {
                parts.add(part);
            }
            arrived.release();
            if (outstanding.getAndDecrement() <= 0) {
                violation = "onNext beyond demand: " + part;
            }
            if (refill > 0) {
                subscription.request(refill);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            error = throwable;
            terminal.countDown();
        }

        @Override
        public void onComplete() {
            completed = true;
            terminal.countDown();
        }

        Flow.Subscription subscription() {
            await(subscribed, "onSubscribe");
            return subscription;
        }

        List<StreamPart> parts() {
            synchronized (parts) {
                return List.copyOf(parts);
            }
        }

        boolean isTerminated() {
            return terminal.getCount() == 0;
        }

        void awaitTerminal() {
            await(terminal, "onError or onComplete");
        }

        void awaitParts(int count) {
            try {
                assertTrue(arrived.tryAcquire(count, Futures.BOUND_SECONDS, TimeUnit.SECONDS),
                        () -> "expected " + count + " parts, got " + parts() + " (error " + error + ")");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }

        private static void await(CountDownLatch latch, String what) {
            try {
                assertTrue(latch.await(Futures.BOUND_SECONDS, TimeUnit.SECONDS), "no " + what + " within the bound");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}

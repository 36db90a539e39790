package dev.junction.gateway;

import dev.junction.chat.ChatStream;
import dev.junction.chat.StreamPart;
import dev.junction.chat.Usage;
import dev.junction.error.JunctionException;
import dev.junction.gateway.openai.ChunkWriter;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.UUID;

/**
 * Relays one engine stream to the client as {@code chat.completion.chunk} server-sent events.
 *
 * <p>Nothing is written before the stream's first part, so a call that fails before it starts
 * (every provider of the route refused) still gets a proper HTTP status and error envelope. The
 * client's pace drives the vendor's: when the socket's write queue is full the engine stream is
 * paused, which stops reading from the vendor. A client that disconnects cancels the upstream
 * call. The call is settled exactly once: with the reported cost, else with the whole reservation.
 */
final class StreamRelay {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StreamRelay.class);
    private final RoutingContext ctx;
    private final HttpServerResponse http;
    private final ChatHandler.Admitted admitted;
    private final Accounting accounting;
    private final Clock clock;
    private ChatStream stream;
    private ChunkWriter writer;
    private Usage usage;
    private BigDecimal cost;
    private boolean settled;

    StreamRelay(RoutingContext ctx, ChatHandler.Admitted admitted, Accounting accounting, Clock clock) {
        this.ctx = ctx;
        this.http = ctx.response();
        this.admitted = admitted;
        this.accounting = accounting;
        this.clock = clock;
    }

    void start() {
        stream = admitted.route().chatModel().stream(admitted.request());
        // start() runs on the request's event loop (ChatHandler hops back to it), and the engine
        // delivers parts on the context the stream was opened from: every handler below runs
        // serially on that one thread.
        http.closeHandler(closed -> {
            if (!settled) {
                stream.cancel();
                settle();
            }
        });
        http.drainHandler(drained -> stream.resume());
        stream.exceptionHandler(this::fail);
        stream.endHandler(ended -> finish());
        stream.handler(this::relay);
    }

    private void relay(StreamPart part) {
        if (settled) {
            return;
        }
        if (part instanceof StreamPart.Failure failure) {
            fail(failure.error());
            return;
        }
        if (part instanceof StreamPart.Start start) {
            begin(start);
        } else if (part instanceof StreamPart.UsageReport report) {
            usage = report.usage();
            cost = report.cost() == null ? null : report.cost().usd();
        }
        if (writer == null) {
            return;
        }
        write(writer.write(part));
    }

    private void begin(StreamPart.Start start) {
        String id = start.id() != null ? start.id() : "chatcmpl-" + UUID.randomUUID().toString().replace("-", "");
        writer = new ChunkWriter(id, admitted.inbound().model(), clock.instant().getEpochSecond(), admitted.inbound().includeUsage());
        ChatHandler.headers(http, start.provider(), start.failedAttempts().size() + 1, ChatHandler.quoted(admitted, start.provider()));
        http.setStatusCode(200)
                .setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-cache")
                .putHeader("X-Accel-Buffering", "no");
    }

    private void write(Buffer bytes) {
        if (bytes == null || http.closed()) {
            return;
        }
        http.write(bytes);
        if (http.writeQueueFull()) {
            stream.pause();
        }
    }

    private void finish() {
        if (settled) {
            return;
        }
        if (writer == null) {
            // A stream that ended without even a start: nothing to relay; say so rather than hang.
            fail(JunctionException.builder(dev.junction.error.ErrorKind.PROTOCOL, "the provider's stream ended before it began").build());
            return;
        }
        settle();
        if (!http.closed()) {
            http.end(writer.done());
        }
    }

    private void fail(Throwable error) {
        if (settled) {
            return;
        }
        if (writer == null) {
            // Failed before its first part: nothing billed if the vendor refused, else the reservation.
            accounting.settleFailed(admitted.key(), admitted.reservation(), error);
            settled = true;
            Replies.error(ctx, error);
            return;
        }
        settle();
        if (!http.closed()) {
            JunctionException e;
            if (error instanceof JunctionException je) {
                e = je;
            } else {
                LOG.error("Junction gateway: a stream failed unexpectedly", error);
                e = JunctionException.builder(dev.junction.error.ErrorKind.SERVER_ERROR,
                        "the stream failed unexpectedly; the gateway's log has the details").build();
            }
            http.end(writer.error(e));
        }
    }

    private void settle() {
        if (!settled) {
            settled = true;
            accounting.settle(admitted.key(), admitted.reservation(), cost, usage);
        }
    }
}

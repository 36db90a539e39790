package dev.junction.testing;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback chat server for load and connection-hygiene tests. Each chat request carries a marker
 * in its prompt: attempt {@code k} of {@code req-<n>} is answered as the server's {@link Plan}
 * says, {@code warm-<n>} with a success at once, {@code probe-<n>} as {@link #holdProbes} says. A
 * successful reply echoes the marker as its content. The server keeps the books a leak would
 * upset: the faults served to each {@code req-} marker in order, the connections opened and
 * closed, and the exchanges not yet finished (neither answered nor ended by their connection
 * closing). It runs on its own Vert.x, apart from the Junction under test, and resets connections
 * with an RST ({@code SO_LINGER} 0), as a crashed or overloaded upstream does.
 */
public final class FaultyChatServer implements AutoCloseable {
    /** What the server does with one attempt. */
    public enum Fault {
        /** 200 with the echo, at once. */
        OK,
        /** 200 with the echo: the head and half the body at once, the rest after 20–160 ms. */
        SLOW,
        /** 429 with an OpenAI error envelope ({@code rate_limit_exceeded}). */
        RATE_LIMITED,
        /**
         * 503: an OpenAI error envelope, or for one marker in eight a 256 KiB HTML page, as a proxy
         * sends; that is far more than Vert.x buffers ahead, so a reply left undrained would stall its
         * connection for ever (a small one, read off the socket whole, goes back to the pool anyway).
         */
        UNAVAILABLE,
        /** The connection is reset once the request has arrived, before any reply. */
        RESET_BEFORE_REPLY,
        /** The head (with the full Content-Length) and half the body, then the connection is reset. */
        RESET_MID_BODY,
        /** No reply ever: only the client, giving up, can end the exchange. */
        HANG;

        /** Whether the exchange ends with its connection closed: by the server's reset, or the client's on its timeout. */
        public boolean closesConnection() {
            return this == RESET_BEFORE_REPLY || this == RESET_MID_BODY || this == HANG;
        }
    }

    /** Which fault attempt {@code attempt} (from 0) of marker {@code marker} gets; must be thread-safe. */
    @FunctionalInterface
    public interface Plan {
        Fault fault(int marker, int attempt);
    }

    private static final Pattern MARKER = Pattern.compile("(req|probe|warm)-(\\d+)");
    private static final String ERROR = "{\"error\":{\"code\":\"%s\",\"message\":\"%s\"}}";
    private static final String PROXY_PAGE = "<html><body><h1>503 Service Temporarily Unavailable</h1>"
            + "<!-- padding -->".repeat(256 * 1024 / 16) + "</body></html>";

    private final Vertx vertx = Vertx.vertx();
    private final Plan plan;
    private final List<List<Fault>> served;
    private final AtomicIntegerArray faultCounts = new AtomicIntegerArray(Fault.values().length);
    private final int port;
    // Connections, exchanges and held probes change on the server's event loops and are read by the
    // test thread; one lock keeps each count and the waiters on it consistent.
    private int opened;
    private int open;
    private int closed;
    private int unfinished;
    private int unreadable;
    private final List<Promise<Void>> noConnectionWaiters = new ArrayList<>();
    private final List<Promise<Void>> settledWaiters = new ArrayList<>();
    private final List<Held> held = new ArrayList<>();
    private final Map<HttpConnection, AtomicReference<Runnable>> exchanges = new ConcurrentHashMap<>();
    private int probesWanted;
    private Promise<Integer> probesHeld;

    /**
     * Starts {@code instances} servers sharing one port on 127.0.0.1 (Vert.x spreads the
     * connections over their event loops), for markers {@code req-0} to {@code req-(markers-1)}.
     */
    public FaultyChatServer(int markers, Plan plan, int instances) {
        this.plan = plan;
        this.served = new ArrayList<>(markers);
        for (int i = 0; i < markers; i++) {
            served.add(new ArrayList<>(3));
        }
        HttpServerOptions options = new HttpServerOptions().setHost("127.0.0.1").setSoLinger(0);
        // A negative port asks Vert.x for one random port shared by every server listening on it.
        int actual = Futures.await(server(options).listen(-1)).actualPort();
        for (int i = 1; i < instances; i++) {
            int again = Futures.await(server(options).listen(-1)).actualPort();
            if (again != actual) {
                throw new IllegalStateException("the servers did not share a port: " + actual + ", " + again);
            }
        }
        this.port = actual;
    }

    private HttpServer server(HttpServerOptions options) {
        return vertx.createHttpServer(options)
                .connectionHandler(connection -> {
                    synchronized (this) {
                        opened++;
                        open++;
                    }
                    AtomicReference<Runnable> exchange = new AtomicReference<>();
                    exchanges.put(connection, exchange);
                    connection.closeHandler(v -> {
                        exchanges.remove(connection);
                        // Counted closed first, so that whoever sees the exchange end sees its connection closed too.
                        connectionClosed();
                        Runnable finish = exchange.getAndSet(null);
                        if (finish != null) {
                            finish.run();
                        }
                    });
                })
                .requestHandler(this::onRequest);
    }

    /** The port on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** The faults served to marker {@code req-<n>}, in the order its attempts arrived. */
    public List<Fault> served(int n) {
        List<Fault> log = served.get(n);
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    /** How many {@code req-} attempts got this fault. */
    public int count(Fault fault) {
        return faultCounts.get(fault.ordinal());
    }

    /** How many {@code req-} attempts arrived. */
    public int requests() {
        int sum = 0;
        for (int i = 0; i < faultCounts.length(); i++) {
            sum += faultCounts.get(i);
        }
        return sum;
    }

    /** Connections accepted so far. */
    public synchronized int opened() {
        return opened;
    }

    /** Connections open now. */
    public synchronized int open() {
        return open;
    }

    /** Connections closed so far, by either side. */
    public synchronized int closed() {
        return closed;
    }

    /** Exchanges begun and not finished: neither answered in full nor ended by their connection closing. */
    public synchronized int unfinished() {
        return unfinished;
    }

    /** Requests whose body held no marker (there should be none). */
    public synchronized int unreadable() {
        return unreadable;
    }

    /** Completes once no connection is open. */
    public synchronized Future<Void> noConnectionOpen() {
        if (open == 0) {
            return Future.succeededFuture();
        }
        Promise<Void> p = Promise.promise();
        noConnectionWaiters.add(p);
        return p.future();
    }

    /** Completes once every exchange begun so far has finished. */
    public synchronized Future<Void> exchangesSettled() {
        if (unfinished == 0) {
            return Future.succeededFuture();
        }
        Promise<Void> p = Promise.promise();
        settledWaiters.add(p);
        return p.future();
    }

    /**
     * Holds {@code probe-} requests unanswered until {@code count} of them are held at once, then
     * answers them all (with their echo). The future gives the connections open at that moment.
     */
    public synchronized Future<Integer> holdProbes(int count) {
        probesWanted = count;
        probesHeld = Promise.promise();
        return probesHeld.future();
    }

    /** How many probes are held now. */
    public synchronized int probesHeldNow() {
        return held.size();
    }

    private void connectionClosed() {
        List<Promise<Void>> toComplete = List.of();
        synchronized (this) {
            open--;
            closed++;
            if (open == 0) {
                toComplete = new ArrayList<>(noConnectionWaiters);
                noConnectionWaiters.clear();
            }
        }
        toComplete.forEach(Promise::tryComplete);
    }

    private void exchangeFinished() {
        List<Promise<Void>> toComplete = List.of();
        synchronized (this) {
            unfinished--;
            if (unfinished == 0) {
                toComplete = new ArrayList<>(settledWaiters);
                settledWaiters.clear();
            }
        }
        toComplete.forEach(Promise::tryComplete);
    }

    private void onRequest(HttpServerRequest request) {
        synchronized (this) {
            unfinished++;
        }
        AtomicBoolean finished = new AtomicBoolean();
        Runnable finish = () -> {
            if (finished.compareAndSet(false, true)) {
                exchangeFinished();
            }
        };
        // HTTP/1.1 without pipelining: one exchange at a time per connection, ended by its reply or by the connection closing.
        AtomicReference<Runnable> exchange = exchanges.get(request.connection());
        if (exchange == null) {
            throw new IllegalStateException("a request arrived on a connection the server did not see open");
        }
        exchange.set(finish);
        request.body().onSuccess(body -> serve(request, body.toString(), finish));
    }

    private void serve(HttpServerRequest request, String body, Runnable finish) {
        HttpServerResponse response = request.response();
        Matcher m = MARKER.matcher(body);
        if (!m.find()) {
            synchronized (this) {
                unreadable++;
            }
            response.setStatusCode(400).end().onComplete(v -> finish.run());
            return;
        }
        String marker = m.group();
        if (m.group(1).equals("probe")) {
            hold(response, marker, finish);
            return;
        }
        if (m.group(1).equals("warm")) {
            Buffer ok = Buffer.buffer(VendorServer.okBody(marker));
            json(response, 200, ok).end(ok).onComplete(v -> finish.run());
            return;
        }
        int n = Integer.parseInt(m.group(2));
        List<Fault> log = served.get(n);
        Fault fault;
        synchronized (log) {
            fault = plan.fault(n, log.size());
            log.add(fault);
        }
        faultCounts.incrementAndGet(fault.ordinal());
        Buffer ok = Buffer.buffer(VendorServer.okBody(marker));
        switch (fault) {
            case OK -> json(response, 200, ok).end(ok).onComplete(v -> finish.run());
            case SLOW -> {
                json(response, 200, ok).write(ok.slice(0, ok.length() / 2));
                vertx.setTimer(20 + (n % 8) * 20L, id -> response.end(ok.slice(ok.length() / 2, ok.length()))
                        .onComplete(v -> finish.run()));
            }
            case RATE_LIMITED -> error(response, 429, ERROR.formatted("rate_limit_exceeded", "slow down")).onComplete(v -> finish.run());
            case UNAVAILABLE -> error(response, 503, n % 8 == 0 ? PROXY_PAGE : ERROR.formatted("overloaded", "try again later"))
                    .onComplete(v -> finish.run());
            case RESET_BEFORE_REPLY -> request.connection().close();
            case RESET_MID_BODY -> json(response, 200, ok).write(ok.slice(0, ok.length() / 2))
                    .onComplete(v -> request.connection().close());
            case HANG -> {
                // Nothing: the exchange ends when the client resets the connection.
            }
        }
    }

    private static Future<Void> error(HttpServerResponse response, int status, String body) {
        Buffer buffer = Buffer.buffer(body);
        return json(response, status, buffer).end(buffer);
    }

    /** Sets the status and JSON headers, with the full Content-Length whatever is then written. */
    private static HttpServerResponse json(HttpServerResponse response, int status, Buffer body) {
        return response.setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .putHeader("Content-Length", Integer.toString(body.length()));
    }

    private record Held(HttpServerResponse response, String marker, Runnable finish) {
    }

    private void hold(HttpServerResponse response, String marker, Runnable finish) {
        List<Held> release = List.of();
        Promise<Integer> done = null;
        int openNow = 0;
        synchronized (this) {
            held.add(new Held(response, marker, finish));
            if (probesHeld != null && held.size() >= probesWanted) {
                release = new ArrayList<>(held);
                held.clear();
                done = probesHeld;
                probesHeld = null;
                openNow = open;
            }
        }
        if (done != null) {
            done.complete(openNow);
            // end() is safe from any thread: Vert.x writes on each response's own connection.
            for (Held h : release) {
                Buffer ok = Buffer.buffer(VendorServer.okBody(h.marker()));
                json(h.response(), 200, ok).end(ok).onComplete(v -> h.finish().run());
            }
        }
    }

    @Override
    public void close() {
        Futures.await(vertx.close());
    }
}

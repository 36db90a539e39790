package dev.junction.internal.observe;

import dev.junction.chat.ChatRequest;
import dev.junction.chat.ChatResponse;
import dev.junction.chat.StreamPart;
import dev.junction.chat.Usage;
import dev.junction.cost.Cost;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.internal.retry.AttemptWatch;
import dev.junction.observe.AttemptEnded;
import dev.junction.observe.AttemptStarted;
import dev.junction.observe.Call;
import dev.junction.observe.CallFailed;
import dev.junction.observe.CallStarted;
import dev.junction.observe.CallSucceeded;
import dev.junction.observe.FirstPart;
import dev.junction.quote.Quote;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/**
 * One call's events, made only when a listener is registered. Attempts of a call run one after
 * another (and a stream's parts arrive on its context), so its state is never touched by two
 * threads at once; the volatile-free fields are handed over by the futures between attempts.
 */
public final class CallObserver implements AttemptWatch {
    private final Listeners listeners;
    private final boolean content;
    private final Call call;
    private final Map<String, Quote> quotes = new HashMap<>();
    private final Map<String, URI> servers;
    private final long callStarted = System.nanoTime();
    private Predicate<JunctionException> fallsBack = e -> false;
    private String provider;
    private int attempts;
    private int providerAttempts;
    private long attemptStarted;
    /** Stream state: the provider and model of the Start part, whether a part after it came, usage, the text when opted in. */
    private StreamPart.Start start;
    private boolean firstPartTold;
    private Usage usage;
    private Cost cost;
    private final StringBuilder text;
    private boolean done;

    private CallObserver(Listeners listeners, boolean content, Call call, List<Quote> quotes, Map<String, URI> servers) {
        this.listeners = listeners;
        this.servers = servers;
        this.content = content;
        this.call = call;
        quotes.forEach(q -> this.quotes.put(q.provider(), q));
        this.text = content && call.streaming() ? new StringBuilder() : null;
    }

    static CallObserver start(Listeners listeners, boolean content, String model, boolean streaming, String route, List<String> providers,
            Map<String, URI> servers, List<Quote> quotes, ChatRequest request) {
        // Not UUID.randomUUID(): it draws from SecureRandom, whose shared lock 64 concurrent calls
        // queue on (JMH's stack profiler showed most of the blocked time there). An id only needs
        // to be unique among calls, not unguessable.
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Call call = new Call(new UUID(random.nextLong(), random.nextLong()).toString(), model, streaming, route);
        CallObserver observer = new CallObserver(listeners, content, call, quotes, servers);
        CallStarted event = new CallStarted(call, providers, quotes, content ? request : null);
        listeners.tell(l -> l.onRequest(event));
        return observer;
    }

    @Override
    public boolean active() {
        return true;
    }

    @Override
    public void fallsBackWhen(Predicate<JunctionException> rule) {
        this.fallsBack = Objects.requireNonNull(rule, "rule");
    }

    @Override
    public void started(String to) {
        if (!to.equals(provider)) {
            provider = to;
            providerAttempts = 0;
        }
        attempts++;
        providerAttempts++;
        attemptStarted = System.nanoTime();
        URI server = servers.get(to);
        AttemptStarted event = new AttemptStarted(call, to, attempts, providerAttempts, quotes.get(to),
                server == null ? null : server.getHost(), server == null ? null : port(server));
        listeners.tell(l -> l.onAttemptStart(event));
    }

    @Override
    public void answered() {
        ended(null, null, AttemptEnded.Next.NONE, Duration.ZERO);
    }

    @Override
    public void failed(JunctionException error, Duration retryDelay) {
        AttemptEnded.Next next = retryDelay != null ? AttemptEnded.Next.RETRY
                : fallsBack.test(error) ? AttemptEnded.Next.FALLBACK : AttemptEnded.Next.NONE;
        ended(error.kind(), error.httpStatus().isPresent() ? error.httpStatus().getAsInt() : null, next,
                retryDelay != null ? retryDelay : Duration.ZERO);
    }

    private void ended(ErrorKind kind, Integer status, AttemptEnded.Next next, Duration delay) {
        if (provider == null) {
            return;
        }
        AttemptEnded event = new AttemptEnded(call, provider, attempts, providerAttempts, kind, status,
                Duration.ofNanos(System.nanoTime() - attemptStarted), next, delay);
        listeners.tell(l -> l.onAttemptEnd(event));
    }

    /** The chat call answered with {@code response}. */
    public void callSucceeded(ChatResponse response) {
        if (done) {
            return;
        }
        done = true;
        CallSucceeded event = new CallSucceeded(call, response.provider(), response.vendorModel(), response.id(), attempts,
                response.finishReason(), response.rawFinishReason(), response.usage(), response.cost(), quotes.get(response.provider()), sinceStart(), content ? response.text() : null);
        listeners.tell(l -> l.onResponse(event));
    }

    /** The call failed (chat), or was refused before any attempt. */
    public void callFailed(Throwable error) {
        if (done) {
            return;
        }
        done = true;
        JunctionException e = error instanceof JunctionException je ? je
                : JunctionException.builder(ErrorKind.PROTOCOL, "the call failed unexpectedly ("
                        + error.getClass().getSimpleName() + ")").cause(error).retryable(false).build();
        CallFailed event = new CallFailed(call, attempts, e, sinceStart());
        listeners.tell(l -> l.onError(event));
    }

    @Override
    public void part(StreamPart part) {
        if (done) {
            return;
        }
        if (part instanceof StreamPart.Start s) {
            start = s;
            return;
        }
        if (part instanceof StreamPart.Failure failure) {
            streamFailed(failure.error());
            return;
        }
        if (!firstPartTold && !(part instanceof StreamPart.Warning)) {
            firstPartTold = true;
            FirstPart event = new FirstPart(call, answering(), sinceStart());
            listeners.tell(l -> l.onFirstPart(event));
        }
        if (part instanceof StreamPart.UsageReport report) {
            usage = report.usage();
            cost = report.cost();
        } else if (part instanceof StreamPart.TextDelta delta && text != null) {
            text.append(delta.text());
        } else if (part instanceof StreamPart.Finish finish) {
            answered();
            done = true;
            CallSucceeded event = new CallSucceeded(call, answering(), start == null ? null : start.vendorModel(),
                    start == null ? null : start.id(), attempts, finish.reason(), finish.rawReason(), usage == null ? Usage.NONE : usage, cost, quotes.get(answering()), sinceStart(),
                    text == null ? null : text.toString());
            listeners.tell(l -> l.onResponse(event));
        }
    }

    @Override
    public void streamFailed(JunctionException error) {
        if (done) {
            return;
        }
        if (start != null) {
            // It broke after it began: the retry loop never saw this failure, so its attempt ends here.
            ended(error.kind(), error.httpStatus().isPresent() ? error.httpStatus().getAsInt() : null, AttemptEnded.Next.NONE, Duration.ZERO);
        }
        callFailed(error);
    }

    private String answering() {
        return start != null && start.provider() != null ? start.provider() : Objects.requireNonNullElse(provider, "?");
    }

    /** The URL's port, else its scheme's default, as OpenTelemetry's {@code server.port} wants it. */
    private static Integer port(URI server) {
        if (server.getPort() > 0) {
            return server.getPort();
        }
        return "https".equalsIgnoreCase(server.getScheme()) ? Integer.valueOf(443) : "http".equalsIgnoreCase(server.getScheme()) ? 80 : null;
    }

    private Duration sinceStart() {
        return Duration.ofNanos(System.nanoTime() - callStarted);
    }
}

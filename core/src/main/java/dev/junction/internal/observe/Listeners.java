package dev.junction.internal.observe;

import dev.junction.chat.ChatRequest;
import dev.junction.observe.ChatListener;
import dev.junction.quote.Quote;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Junction's listeners: those registered on its builder, then those its class loaders provide
 * as services, discovered once, when first asked for (Junction asks when it makes its first chat
 * model, off the event loop). Tells them events, each in isolation: a
 * listener that throws is logged at WARN (once per listener class) and the others, and the call,
 * go on.
 */
public final class Listeners {
    private static final Logger LOG = LoggerFactory.getLogger("dev.junction.observe");

    private final List<ChatListener> registered;
    private final List<ClassLoader> loaders;
    private final boolean content;
    private final Set<Class<?>> warned = ConcurrentHashMap.newKeySet();
    /** Every listener, once discovery ran; {@code null} before. */
    private volatile List<ChatListener> all;

    /**
     * Listeners from {@code registered} and, when {@code loaders} is not empty, the services found
     * in those loaders.
     *
     * @param content whether events carry the prompt and the answer
     */
    public Listeners(List<ChatListener> registered, List<ClassLoader> loaders, boolean content) {
        this.registered = List.copyOf(registered);
        this.loaders = List.copyOf(loaders);
        this.content = content;
        if (this.loaders.isEmpty()) {
            all = this.registered;
        }
    }

    /** None, and no discovery. */
    public static Listeners none() {
        return new Listeners(List.of(), List.of(), false);
    }

    /** Whether there is no listener at all: then calls build no event. */
    public boolean isEmpty() {
        return all().isEmpty();
    }

    /** Every listener, registered first. */
    public List<ChatListener> all() {
        List<ChatListener> known = all;
        if (known == null) {
            synchronized (this) {
                known = all;
                if (known == null) {
                    known = discover();
                    all = known;
                }
            }
        }
        return known;
    }

    /**
     * Starts watching a call, telling the listeners it was made; only when {@link #isEmpty()} is false.
     *
     * @param request the request; handed to listeners only when content is opted in
     */
    public CallObserver call(String model, boolean streaming, String route, Map<String, URI> servers, List<Quote> quotes,
            ChatRequest request) {
        return CallObserver.start(this, content, model, streaming, route, List.copyOf(servers.keySet()), servers, quotes, request);
    }

    /** Tells every listener, each shielded from the others' failures. */
    void tell(Consumer<ChatListener> event) {
        for (ChatListener listener : all()) {
            try {
                event.accept(listener);
            } catch (RuntimeException | LinkageError e) {
                if (warned.add(listener.getClass())) {
                    // The event itself is not logged: it may hold the prompt when content is opted in.
                    LOG.warn("chat listener {} threw {}; ignored (said once per listener class)", listener.getClass().getName(),
                            e.toString(), e);
                }
            }
        }
    }

    private List<ChatListener> discover() {
        List<ChatListener> out = new ArrayList<>(registered);
        Set<String> seen = new LinkedHashSet<>();
        for (ClassLoader loader : loaders) {
            Iterator<ChatListener> it = ServiceLoader.load(ChatListener.class, loader).iterator();
            while (true) {
                ChatListener listener;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    listener = it.next();
                } catch (ServiceConfigurationError | LinkageError | RuntimeException e) {
                    // A broken entry is reported, not thrown, as for providers.
                    LOG.warn("Junction listener discovery: a listener entry could not be loaded: {}", e.getMessage());
                    continue;
                }
                // The same class seen through a second loader is the same listener.
                if (seen.add(listener.getClass().getName())) {
                    out.add(listener);
                }
            }
        }
        return List.copyOf(out);
    }
}

package dev.junction.observe;

import dev.junction.chat.ChatRequest;
import dev.junction.quote.Quote;
import java.util.List;
import java.util.Objects;

/**
 * A call was made.
 *
 * @param call which call
 * @param providers the providers it may try, in order (one unless it is a fallback or a route)
 * @param quotes the quotes a route made for this request, in the order it will try the providers;
 *     empty when none was made (a single provider, a fallback, a route that neither ranks by price nor has a ceiling)
 * @param request the request, or {@code null} unless {@code Junction.builder().listenerContent(true)} opted in
 */
public record CallStarted(Call call, List<String> providers, List<Quote> quotes, ChatRequest request) {

    /** Copies the lists. */
    public CallStarted {
        Objects.requireNonNull(call, "call");
        providers = List.copyOf(providers);
        quotes = List.copyOf(quotes);
    }
}

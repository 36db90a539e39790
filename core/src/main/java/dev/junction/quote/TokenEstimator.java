package dev.junction.quote;

import dev.junction.chat.ChatRequest;

/**
 * Estimates how many input tokens a request will be billed for, before it is sent. The default is
 * {@link HeuristicTokenEstimator}; an exact tokenizer can take its place through
 * {@code Junction.builder().tokenEstimator(…)}.
 */
public interface TokenEstimator {

    /**
     * Estimates the request's input tokens: every message's text and media, tool definitions and
     * the response schema. May read media files to learn their size (blocking I/O), so call it off
     * an event loop when the request holds files.
     *
     * @return never {@code null}; media whose size cannot be learnt is counted as little as it can
     *     cost and named in {@link TokenEstimate#unknowns()}
     * @throws NullPointerException when {@code request} is {@code null}
     */
    TokenEstimate estimate(ChatRequest request);
}

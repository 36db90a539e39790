package dev.junction.cost;

import dev.junction.chat.ChatRequest;

/** Placeholder: being written. */
public final class HeuristicTokenEstimator implements TokenEstimator {
    @Override
    public TokenEstimate estimate(ChatRequest request) {
        throw new UnsupportedOperationException("not written yet");
    }
}

package dev.junction.quote;

import java.util.List;

/**
 * An estimate of a request's input tokens as a range, never a single made-up number. Media counts
 * (images, video, audio, PDF pages) follow Gemini's published rules and are the same in all three
 * figures; the spread comes from text, whose exact count only the vendor's tokenizer knows.
 *
 * @param low the fewest tokens the request plausibly counts as
 * @param expected the best single guess
 * @param high the most tokens it plausibly counts as, for the parts whose size is known
 * @param audioTokens the part of each figure spent on audio, which some vendors price apart
 * @param unknowns one line per part whose size could not be learnt (such as a video by URL, whose
 *     length is unknown offline), saying what was assumed; empty when the estimate covers everything
 */
public record TokenEstimate(long low, long expected, long high, long audioTokens, List<String> unknowns) {

    /** Checks {@code 0 <= audioTokens <= low <= expected <= high} and copies the list. */
    public TokenEstimate {
        if (audioTokens < 0 || low < audioTokens || expected < low || high < expected) {
            throw new IllegalArgumentException("need 0 <= audioTokens <= low <= expected <= high, got audio "
                    + audioTokens + ", " + low + " / " + expected + " / " + high);
        }
        unknowns = List.copyOf(unknowns);
    }

    /** Whether every part of the request was counted from its real size. */
    public boolean isComplete() {
        return unknowns.isEmpty();
    }
}

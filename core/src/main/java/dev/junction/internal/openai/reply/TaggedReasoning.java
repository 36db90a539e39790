package dev.junction.internal.openai.reply;

import dev.junction.spi.openai.VendorProfile.ReasoningTags;
import java.util.function.BiConsumer;

/**
 * Separates reasoning that a vendor wraps in tags inside {@code content} (Google's
 * {@code <thought>…</thought>}, see {@link dev.junction.spi.openai.VendorProfile#reasoningTags()})
 * from the answer. Fed piece by piece, it finds tags split across stream chunks too: a piece's end
 * that could begin a tag is held back until the next piece says what it is. One instance per reply;
 * not thread-safe.
 */
public final class TaggedReasoning {
    private final ReasoningTags tags;
    private final StringBuilder held = new StringBuilder();
    private boolean inside;

    public TaggedReasoning(ReasoningTags tags) {
        this.tags = tags;
    }

    /**
     * Splits one piece of content.
     *
     * @param out receives each run of text in order, with {@code true} for reasoning and {@code false} for answer text
     */
    public void feed(String piece, BiConsumer<Boolean, String> out) {
        held.append(piece);
        while (true) {
            String tag = inside ? tags.close() : tags.open();
            int at = held.indexOf(tag);
            if (at >= 0) {
                emit(held.substring(0, at), out);
                held.delete(0, at + tag.length());
                inside = !inside;
                continue;
            }
            int keep = partialTagAtEnd(tag);
            emit(held.substring(0, held.length() - keep), out);
            held.delete(0, held.length() - keep);
            return;
        }
    }

    /** Emits what is still held back (a reply that ended inside a would-be tag keeps it as text). */
    public void finish(BiConsumer<Boolean, String> out) {
        emit(held.toString(), out);
        held.setLength(0);
    }

    /** Splits a whole reply's content: {@code [answer, reasoning]}, the reasoning {@code null} when there is none. */
    public static String[] split(String content, ReasoningTags tags) {
        StringBuilder text = new StringBuilder();
        StringBuilder reasoning = new StringBuilder();
        TaggedReasoning splitter = new TaggedReasoning(tags);
        BiConsumer<Boolean, String> out = (isReasoning, run) -> (isReasoning ? reasoning : text).append(run);
        splitter.feed(content, out);
        splitter.finish(out);
        return new String[] {text.toString(), reasoning.length() == 0 ? null : reasoning.toString()};
    }

    private void emit(String run, BiConsumer<Boolean, String> out) {
        if (!run.isEmpty()) {
            out.accept(inside, run);
        }
    }

    /** The length of the longest end of {@code held} that is a proper beginning of {@code tag}. */
    private int partialTagAtEnd(String tag) {
        for (int n = Math.min(tag.length() - 1, held.length()); n > 0; n--) {
            if (held.substring(held.length() - n).equals(tag.substring(0, n))) {
                return n;
            }
        }
        return 0;
    }
}

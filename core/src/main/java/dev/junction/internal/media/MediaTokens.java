package dev.junction.internal.media;

import dev.junction.chat.MediaSource;
import dev.junction.quote.HeuristicTokenEstimator;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The media half of {@link HeuristicTokenEstimator}: Gemini's token rules applied to sizes read
 * from each part's header, and one unknowns line for each part whose size cannot be learnt.
 */
public final class MediaTokens {
    /** Tokens of one image tile, of a small image, and of one PDF page. */
    static final int TOKENS_PER_TILE = 258;
    /** A tile's side in pixels. */
    static final int TILE_SIDE = 768;
    /** The longest side of an image that counts as one tile without tiling. */
    static final int SMALL_SIDE = 384;
    static final int VIDEO_TOKENS_PER_SECOND = 263;
    static final int AUDIO_TOKENS_PER_SECOND = 32;

    private long tokens;
    private long audioTokens;
    private final List<String> unknowns = new ArrayList<>();

    /** All media tokens so far, audio included. */
    public long tokens() {
        return tokens;
    }

    /** The audio part of {@link #tokens()}. */
    public long audioTokens() {
        return audioTokens;
    }

    /** One line per part not counted from its real size. */
    public List<String> unknowns() {
        return unknowns;
    }

    /**
     * Counts one media part.
     *
     * @param where how the unknowns lines name the part, such as "message 0, part 1"
     */
    public void add(String where, MediaSource source) {
        String type = MediaTypes.of(source);
        MediaKind kind = MediaKind.of(type);
        if (kind == null) {
            unknowns.add(where + ": media of " + (type == null ? "unknown type" : "type " + type) + "; not counted");
            return;
        }
        if (source instanceof MediaSource.Url) {
            unknown(where, kind, kind.noun() + " by URL, " + kind.measure() + " unknown offline");
            return;
        }
        try (MediaBytes bytes = MediaBytes.of(source)) {
            count(where, kind, bytes);
        } catch (MediaFormatException | EOFException badHeader) {
            unknown(where, kind, kind.noun() + " " + kind.measure() + " unreadable (" + badHeader.getMessage() + ")");
        } catch (IOException | RuntimeException unreadable) {
            // RuntimeException too: an estimate never fails over one part, whether the cause is an odd
            // file system provider or a header no reader foresaw; the class name in the line shows which.
            unknown(where, kind, "could not read " + describe(source) + " (" + reason(unreadable, source) + ")");
        }
    }

    private void count(String where, MediaKind kind, MediaBytes bytes) throws IOException {
        switch (kind) {
            case IMAGE -> tokens += imageTokens(ImageSize.read(bytes));
            case VIDEO -> tokens += MediaDuration.read(bytes).ceilTimes(VIDEO_TOKENS_PER_SECOND);
            case AUDIO -> {
                long audio = MediaDuration.read(bytes).ceilTimes(AUDIO_TOKENS_PER_SECOND);
                tokens += audio;
                audioTokens += audio;
            }
            case PDF -> {
                long pages = PdfPages.count(bytes);
                if (pages == 0) {
                    String scanned = bytes.size() > PdfPages.MAX_SCAN ? " in its first " + (PdfPages.MAX_SCAN >> 20) + " MiB" : "";
                    unknown(where, kind, "no pages found in the PDF" + scanned
                            + " (pages inside compressed object streams are invisible offline)");
                }
                tokens += pages * TOKENS_PER_TILE;
            }
        }
    }

    /** Gemini: one tile for a small image, else one per started 768 × 768 square. */
    static long imageTokens(ImageSize size) {
        if (size.width() <= SMALL_SIDE && size.height() <= SMALL_SIDE) {
            return TOKENS_PER_TILE;
        }
        long across = (size.width() + (long) TILE_SIDE - 1) / TILE_SIDE;
        long down = (size.height() + (long) TILE_SIDE - 1) / TILE_SIDE;
        return across * down * TOKENS_PER_TILE;
    }

    /** Records a part not counted from its size, with what was assumed instead. */
    private void unknown(String where, MediaKind kind, String problem) {
        String assumed = switch (kind) {
            case IMAGE -> "counted as one tile (" + TOKENS_PER_TILE + " tokens)";
            case VIDEO -> "not counted (" + VIDEO_TOKENS_PER_SECOND + " tokens per second)";
            case AUDIO -> "not counted (" + AUDIO_TOKENS_PER_SECOND + " tokens per second)";
            case PDF -> "not counted (" + TOKENS_PER_TILE + " tokens per page)";
        };
        if (kind == MediaKind.IMAGE) {
            tokens += TOKENS_PER_TILE; // The least any image costs.
        }
        unknowns.add(where + ": " + problem + "; " + assumed);
    }

    private static String describe(MediaSource source) {
        return source instanceof MediaSource.File f ? f.path().toString() : source.toString();
    }

    /** The exception's class, and its message unless that only repeats the path (as NoSuchFileException's does). */
    private static String reason(Exception e, MediaSource source) {
        String name = e.getClass().getSimpleName();
        String message = e.getMessage();
        if (message == null || message.isBlank() || message.equals(describe(source))) {
            return name;
        }
        return name + ": " + message;
    }
}

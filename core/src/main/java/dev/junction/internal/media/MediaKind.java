package dev.junction.internal.media;

import java.util.Locale;

/** The kinds of media Gemini takes as input, told apart by media type; one rule for the checks and the estimator. */
public enum MediaKind {
    /** {@code image/*}. */
    IMAGE("image", "size"),
    /** {@code video/*}. */
    VIDEO("video", "length"),
    /** {@code audio/*}. */
    AUDIO("audio", "length"),
    /** {@code application/pdf}. */
    PDF("PDF", "page count");

    private final String noun;
    private final String measure;

    MediaKind(String noun, String measure) {
        this.noun = noun;
        this.measure = measure;
    }

    /** The kind's name in messages, such as {@code video}. */
    public String noun() {
        return noun;
    }

    /** What must be known to count its tokens, such as {@code length}. */
    public String measure() {
        return measure;
    }

    /** The kind of a media type, case-insensitively; {@code null} for an unknown or other type. */
    public static MediaKind of(String mediaType) {
        if (mediaType == null) {
            return null;
        }
        String lower = mediaType.toLowerCase(Locale.ROOT);
        if (lower.startsWith("image/")) {
            return IMAGE;
        }
        if (lower.startsWith("video/")) {
            return VIDEO;
        }
        if (lower.startsWith("audio/")) {
            return AUDIO;
        }
        return lower.equals("application/pdf") ? PDF : null;
    }
}

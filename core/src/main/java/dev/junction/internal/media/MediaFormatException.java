package dev.junction.internal.media;

import java.io.IOException;

/**
 * The bytes could be read but do not hold what a reader looks for: an unknown format, a corrupt
 * header, a length the file does not record. The message says which, for an estimate's unknowns.
 */
public final class MediaFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /** A format problem described by {@code message}, such as "PNG header is corrupt". */
    public MediaFormatException(String message) {
        super(message);
    }
}

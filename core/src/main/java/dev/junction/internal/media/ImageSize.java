package dev.junction.internal.media;

import java.io.IOException;

/**
 * An image's width and height in pixels, read from its header: PNG, JPEG, GIF and WEBP (lossy
 * {@code VP8 }, lossless {@code VP8L} and extended {@code VP8X}). The format is told by the
 * bytes, not by a declared media type, which is often wrong.
 *
 * <p>Only header bytes are read: a few dozen for PNG, GIF and WEBP; for JPEG the four-byte
 * header of each segment before the frame header, seeking over the segments' bodies, so a large
 * EXIF or ICC block in front costs nothing.
 *
 * @param width pixels across, at least 1
 * @param height pixels down, at least 1
 */
public record ImageSize(int width, int height) {
    /**
     * The most JPEG segments walked before the frame header; real files have a few dozen, and the
     * cap keeps a file of tiny junk segments from being read end to end.
     */
    static final int MAX_JPEG_SEGMENTS = 4096;

    private static final String PNG_SIGNATURE = "\u0089PNG\r\n\u001a\n";

    /** Checks both sides are positive. */
    public ImageSize {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image sides must be positive, got " + width + "×" + height);
        }
    }

    /**
     * Reads the size from the image's header.
     *
     * @throws MediaFormatException when the bytes are no PNG, JPEG, GIF or WEBP, or the header is
     *     corrupt or truncated
     * @throws IOException when the bytes cannot be read
     */
    public static ImageSize read(MediaBytes bytes) throws IOException {
        if (bytes.matches(0, PNG_SIGNATURE)) {
            return png(bytes);
        }
        if (bytes.matches(0, "\u00FF\u00D8\u00FF")) {
            return jpeg(bytes);
        }
        if (bytes.matches(0, "GIF87a") || bytes.matches(0, "GIF89a")) {
            return sized("GIF", bytes.u16le(6), bytes.u16le(8));
        }
        if (bytes.matches(0, "RIFF") && bytes.matches(8, "WEBP")) {
            return webp(bytes);
        }
        throw new MediaFormatException("not a PNG, JPEG, GIF or WEBP image");
    }

    /** PNG: the first chunk is always IHDR, whose data starts with width and height. */
    private static ImageSize png(MediaBytes bytes) throws IOException {
        if (!bytes.matches(12, "IHDR")) {
            throw new MediaFormatException("PNG header is corrupt: the first chunk is not IHDR");
        }
        return sized("PNG", bytes.u32be(16), bytes.u32be(20));
    }

    /**
     * JPEG: walks the marker segments after SOI until a start-of-frame (SOF0–SOF15, except C4 DHT,
     * C8 JPG and CC DAC, which share the range), whose header holds height then width.
     */
    private static ImageSize jpeg(MediaBytes bytes) throws IOException {
        long pos = 2;
        for (int segment = 0; segment < MAX_JPEG_SEGMENTS; segment++) {
            if (bytes.u8(pos) != 0xFF) {
                throw new MediaFormatException("JPEG header is corrupt: no marker at byte " + pos);
            }
            // Any number of 0xFF fill bytes may precede a marker.
            int marker;
            while ((marker = bytes.u8(pos + 1)) == 0xFF) {
                pos++;
            }
            pos += 2;
            if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD8) {
                continue; // TEM, RSTn and SOI stand alone, without a length.
            }
            if (marker == 0xD9 || marker == 0xDA) {
                throw new MediaFormatException("JPEG header is corrupt: image data starts before any frame header");
            }
            int length = bytes.u16be(pos);
            if (length < 2) {
                throw new MediaFormatException("JPEG header is corrupt: segment length " + length + " at byte " + pos);
            }
            if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                // Segment: length(2) precision(1) height(2) width(2). Height 0 means "set later by DNL".
                return sized("JPEG", bytes.u16be(pos + 5), bytes.u16be(pos + 3));
            }
            pos += length;
        }
        throw new MediaFormatException("JPEG header is corrupt: no frame header in the first "
                + MAX_JPEG_SEGMENTS + " segments");
    }

    /** WEBP: a RIFF file whose first chunk says which of the three bitstreams follows. */
    private static ImageSize webp(MediaBytes bytes) throws IOException {
        if (bytes.matches(12, "VP8 ")) {
            // A key frame: 3-byte frame tag, start code 9D 01 2A, then 14-bit width and height.
            if (!bytes.matches(23, "\u009D\u0001\u002A")) {
                throw new MediaFormatException("WEBP header is corrupt: no VP8 start code");
            }
            return sized("WEBP", bytes.u16le(26) & 0x3FFF, bytes.u16le(28) & 0x3FFF);
        }
        if (bytes.matches(12, "VP8L")) {
            if (bytes.u8(20) != 0x2F) {
                throw new MediaFormatException("WEBP header is corrupt: no VP8L signature");
            }
            // 14 bits of width − 1, then 14 bits of height − 1, little-endian bit order.
            long bits = bytes.u32le(21);
            return sized("WEBP", (bits & 0x3FFF) + 1, (bits >> 14 & 0x3FFF) + 1);
        }
        if (bytes.matches(12, "VP8X")) {
            // Flags(1) reserved(3), then canvas width − 1 and height − 1 as 24-bit numbers.
            return sized("WEBP", bytes.u24le(24) + 1L, bytes.u24le(27) + 1L);
        }
        throw new MediaFormatException("WEBP header is corrupt: the first chunk is not VP8, VP8L or VP8X");
    }

    /** Checks the sides read from a header: zero or beyond {@code int} means a corrupt one. */
    private static ImageSize sized(String format, long width, long height) throws MediaFormatException {
        if (width < 1 || height < 1 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
            throw new MediaFormatException(format + " header is corrupt: size " + width + "×" + height);
        }
        return new ImageSize((int) width, (int) height);
    }
}

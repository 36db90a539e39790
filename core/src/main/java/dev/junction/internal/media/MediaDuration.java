package dev.junction.internal.media;

import java.io.IOException;
import java.math.BigInteger;

/**
 * How long a video or audio clip plays, read from its container: MP4 and MOV (ISO base media),
 * WAV and FLAC. Other formats (MP3, OGG, WEBM…) record no length in a header and would have to be
 * decoded, so they are not read.
 *
 * <p>Kept as an exact fraction, {@code units / unitsPerSecond}, as the containers store it, so
 * that rounding happens once, where the length is turned into something else.
 *
 * <p>Only headers are read: for MP4 and MOV the box headers at the top level and inside
 * {@code moov}, seeking over the bodies (a leading {@code mdat} of 1 GB costs one 16-byte read);
 * for WAV the chunk headers up to {@code data}; for FLAC the 42 bytes up to STREAMINFO's end.
 *
 * @param units the length in the container's time units, at least 0
 * @param unitsPerSecond how many units make a second, at least 1
 */
public record MediaDuration(long units, long unitsPerSecond) {
    /** The most boxes or chunks walked at one level; real files have a handful. */
    static final int MAX_BOXES = 4096;

    /** Checks the fraction is well formed. */
    public MediaDuration {
        if (units < 0 || unitsPerSecond < 1) {
            throw new IllegalArgumentException("bad duration " + units + " / " + unitsPerSecond);
        }
    }

    /** The length in seconds, rounded to a {@code double}. */
    public double seconds() {
        return (double) units / unitsPerSecond;
    }

    /** {@code ceil(seconds × perSecond)}, computed exactly; for example the tokens of a clip at a per-second rate. */
    public long ceilTimes(long perSecond) {
        if (perSecond < 0) {
            throw new IllegalArgumentException("negative rate " + perSecond);
        }
        BigInteger[] quotient = BigInteger.valueOf(units).multiply(BigInteger.valueOf(perSecond))
                .divideAndRemainder(BigInteger.valueOf(unitsPerSecond));
        BigInteger ceiling = quotient[1].signum() > 0 ? quotient[0].add(BigInteger.ONE) : quotient[0];
        return ceiling.bitLength() < 64 ? ceiling.longValue() : Long.MAX_VALUE;
    }

    /**
     * Reads the length from the container header.
     *
     * @throws MediaFormatException when the bytes are no MP4, MOV, WAV or FLAC file, the header is
     *     corrupt, or the file does not record its length
     * @throws IOException when the bytes cannot be read
     */
    public static MediaDuration read(MediaBytes bytes) throws IOException {
        if (bytes.matches(0, "RIFF") && bytes.matches(8, "WAVE")) {
            return wav(bytes);
        }
        if (bytes.matches(0, "fLaC")) {
            return flac(bytes);
        }
        if (isIsoMedia(bytes)) {
            return isoMedia(bytes);
        }
        throw new MediaFormatException("not an MP4, MOV, WAV or FLAC file");
    }

    /** MP4 starts with {@code ftyp}; old QuickTime files may start straight with one of these boxes. */
    private static boolean isIsoMedia(MediaBytes bytes) throws IOException {
        for (String type : new String[] {"ftyp", "moov", "mdat", "free", "skip", "wide", "pnot"}) {
            if (bytes.matches(4, type)) {
                return true;
            }
        }
        return false;
    }

    /** MP4/MOV: {@code moov/mvhd} holds the movie's timescale and duration. */
    private static MediaDuration isoMedia(MediaBytes bytes) throws IOException {
        long[] moov = findBox(bytes, 0, bytes.size(), "moov");
        if (moov == null) {
            throw new MediaFormatException("MP4 has no moov box");
        }
        long[] mvhd = findBox(bytes, moov[0], moov[1], "mvhd");
        if (mvhd == null) {
            throw new MediaFormatException("MP4 has no mvhd box in moov");
        }
        boolean wide = bytes.u8(mvhd[0]) == 1;
        // Version 0: creation(4) modification(4) timescale(4) duration(4); version 1 widens all but timescale to 8.
        long timescale = bytes.u32be(mvhd[0] + (wide ? 20 : 12));
        long duration = wide ? bytes.u64be(mvhd[0] + 24) : bytes.u32be(mvhd[0] + 16);
        if (timescale == 0) {
            throw new MediaFormatException("MP4 header is corrupt: timescale 0");
        }
        if (duration == 0) {
            // A fragmented MP4 leaves mvhd empty and may give the length in moov/mvex/mehd instead.
            duration = fragmentDuration(bytes, moov);
        }
        if (duration == 0 || duration == -1 || !wide && duration == 0xFFFF_FFFFL) {
            throw new MediaFormatException("MP4 does not record its length (all ones or zero in mvhd)");
        }
        if (duration < 0) {
            throw new MediaFormatException("MP4 header is corrupt: duration " + Long.toUnsignedString(duration));
        }
        return new MediaDuration(duration, timescale);
    }

    /** The {@code mehd} fragment duration (in the movie's timescale), or 0 when there is none. */
    private static long fragmentDuration(MediaBytes bytes, long[] moov) throws IOException {
        long[] mvex = findBox(bytes, moov[0], moov[1], "mvex");
        long[] mehd = mvex == null ? null : findBox(bytes, mvex[0], mvex[1], "mehd");
        if (mehd == null) {
            return 0;
        }
        return bytes.u8(mehd[0]) == 1 ? bytes.u64be(mehd[0] + 4) : bytes.u32be(mehd[0] + 4);
    }

    /**
     * Finds the first box of {@code type} among the boxes in {@code [from, to)}, reading only
     * their headers.
     *
     * @return the box's body as {@code {start, end}} (end clipped to {@code to}), or {@code null}
     */
    private static long[] findBox(MediaBytes bytes, long from, long to, String type) throws IOException {
        long pos = from;
        for (int box = 0; box < MAX_BOXES && pos + 8 <= to; box++) {
            long size = bytes.u32be(pos);
            int header = 8;
            if (size == 1) {
                size = bytes.u64be(pos + 8); // A 64-bit size follows the type.
                header = 16;
            } else if (size == 0) {
                size = to - pos; // The box runs to the end of its parent.
            }
            if (size < header) {
                throw new MediaFormatException("MP4 is corrupt: box of " + Long.toUnsignedString(size)
                        + " bytes at byte " + pos);
            }
            long end = to - pos < size ? to : pos + size;
            if (bytes.matches(pos + 4, type)) {
                return new long[] {pos + header, end};
            }
            pos = end;
        }
        return null;
    }

    /** WAV: the {@code fmt } chunk's byte rate and the {@code data} chunk's size. */
    private static MediaDuration wav(MediaBytes bytes) throws IOException {
        long byteRate = -1;
        long dataBytes = -1;
        long pos = 12;
        for (int chunk = 0; chunk < MAX_BOXES && pos + 8 <= bytes.size() && (byteRate < 0 || dataBytes < 0); chunk++) {
            long size = bytes.u32le(pos + 4);
            long body = pos + 8;
            if (bytes.matches(pos, "fmt ")) {
                byteRate = bytes.u32le(body + 8); // format(2) channels(2) sample rate(4) byte rate(4)
            } else if (bytes.matches(pos, "data")) {
                // Streaming writers leave the size at 0 or all ones; a truncated file holds less than it says.
                long present = bytes.size() - body;
                dataBytes = size == 0 || size == 0xFFFF_FFFFL ? present : Math.min(size, present);
            }
            pos = body + size + (size & 1); // Chunks are padded to an even length.
        }
        if (byteRate < 0 || dataBytes < 0) {
            throw new MediaFormatException("WAV has no " + (byteRate < 0 ? "fmt" : "data") + " chunk");
        }
        if (byteRate == 0) {
            throw new MediaFormatException("WAV header is corrupt: byte rate 0");
        }
        return new MediaDuration(dataBytes, byteRate);
    }

    /** FLAC: STREAMINFO, always the first metadata block, holds the sample rate and total samples. */
    private static MediaDuration flac(MediaBytes bytes) throws IOException {
        if ((bytes.u8(4) & 0x7F) != 0) {
            throw new MediaFormatException("FLAC header is corrupt: the first block is not STREAMINFO");
        }
        // STREAMINFO body at 8: block sizes(4) frame sizes(6), then 64 bits of
        // sample rate(20) channels − 1(3) bits per sample − 1(5) total samples(36).
        long packed = bytes.u64be(18);
        long sampleRate = packed >>> 44;
        long totalSamples = packed & ((1L << 36) - 1);
        if (sampleRate == 0) {
            throw new MediaFormatException("FLAC header is corrupt: sample rate 0");
        }
        if (totalSamples == 0) {
            throw new MediaFormatException("FLAC does not record its length (total samples 0)");
        }
        return new MediaDuration(totalSamples, sampleRate);
    }
}

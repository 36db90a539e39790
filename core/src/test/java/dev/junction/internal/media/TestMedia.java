package dev.junction.internal.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * Real media for the tests: images encoded by {@link ImageIO}, WAV written by {@link AudioSystem},
 * and hand-built containers where the JDK has no writer (WEBP, MP4, FLAC), each laid out as its
 * specification says.
 */
public final class TestMedia {
    private TestMedia() {
    }

    /** An image of the given size in a format ImageIO writes: "png", "jpg" or "gif". */
    public static byte[] image(String format, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, width / 2 + 1, height / 2 + 1);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("ImageIO has no " + format + " writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] png(int width, int height) {
        return image("png", width, height);
    }

    public static byte[] jpeg(int width, int height) {
        return image("jpg", width, height);
    }

    /**
     * A real JPEG with APP1 ("Exif") segments of {@code segmentBytes} each spliced in right after
     * SOI, ahead of ImageIO's own APP0 and the frame header, as a camera's EXIF block would be;
     * a few 0xFF fill bytes precede the first spliced marker, which JPEG allows.
     */
    public static byte[] jpegWithApp1(int width, int height, int segments, int segmentBytes) {
        byte[] jpeg = jpeg(width, height);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2); // SOI
        out.write(0xFF);
        out.write(0xFF);
        for (int s = 0; s < segments; s++) {
            int length = segmentBytes + 2; // The length counts itself, not the marker.
            out.write(0xFF);
            out.write(0xE1);
            out.write(length >> 8);
            out.write(length & 0xFF);
            byte[] body = new byte[segmentBytes];
            byte[] exif = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
            System.arraycopy(exif, 0, body, 0, exif.length);
            // Bytes that look like an SOF marker inside the body must be skipped, not read.
            for (int i = exif.length; i + 1 < body.length; i += 2) {
                body[i] = (byte) 0xFF;
                body[i + 1] = (byte) 0xC0;
            }
            out.write(body, 0, body.length);
        }
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** A lossy WEBP header (RIFF, "VP8 " chunk, key frame); ImageIO cannot write WEBP. */
    public static byte[] webpLossy(int width, int height) {
        ByteBuffer vp8 = le(10 + 4);
        vp8.put(new byte[] {0x10, 0x02, 0x00}); // Frame tag: key frame, version 0, shown.
        vp8.put(new byte[] {(byte) 0x9D, 0x01, 0x2A}); // Start code.
        vp8.putShort((short) width).putShort((short) height); // 14 bits each, scale bits 0.
        return riffWebp("VP8 ", vp8.array());
    }

    /** A lossless WEBP header (RIFF, "VP8L" chunk). */
    public static byte[] webpLossless(int width, int height) {
        ByteBuffer vp8l = le(5 + 3);
        vp8l.put((byte) 0x2F);
        vp8l.putInt((width - 1) | (height - 1) << 14); // Alpha and version bits left 0.
        return riffWebp("VP8L", vp8l.array());
    }

    /** An extended WEBP header (RIFF, "VP8X" chunk with the canvas size). */
    public static byte[] webpExtended(int width, int height) {
        ByteBuffer vp8x = le(10);
        vp8x.put(new byte[4]); // Flags and reserved.
        vp8x.put((byte) (width - 1)).put((byte) ((width - 1) >> 8)).put((byte) ((width - 1) >> 16));
        vp8x.put((byte) (height - 1)).put((byte) ((height - 1) >> 8)).put((byte) ((height - 1) >> 16));
        return riffWebp("VP8X", vp8x.array());
    }

    private static byte[] riffWebp(String chunk, byte[] body) {
        ByteBuffer b = le(12 + 8 + body.length);
        b.put(ascii("RIFF")).putInt(4 + 8 + body.length).put(ascii("WEBP"));
        b.put(ascii(chunk)).putInt(body.length).put(body);
        return b.array();
    }

    /** An ISO base media box: 32-bit size, type, body. */
    public static byte[] box(String type, byte[]... body) {
        int length = 8;
        for (byte[] part : body) {
            length += part.length;
        }
        ByteBuffer b = ByteBuffer.allocate(length).putInt(length).put(ascii(type));
        for (byte[] part : body) {
            b.put(part);
        }
        return b.array();
    }

    public static byte[] ftyp() {
        return box("ftyp", ascii("isom"), new byte[4], ascii("isomiso2mp41"));
    }

    /** A version 0 {@code mvhd}: 32-bit times and duration. */
    public static byte[] mvhd0(long timescale, long duration) {
        ByteBuffer b = ByteBuffer.allocate(100);
        b.putInt(0); // Version 0, flags.
        b.putInt(0).putInt(0).putInt((int) timescale).putInt((int) duration);
        b.putInt(0x00010000).putShort((short) 0x0100); // Rate 1.0, volume 1.0; the rest stays 0.
        return box("mvhd", b.array());
    }

    /** A version 1 {@code mvhd}: 64-bit times and duration. */
    public static byte[] mvhd1(long timescale, long duration) {
        ByteBuffer b = ByteBuffer.allocate(112);
        b.putInt(1 << 24); // Version 1, flags.
        b.putLong(0).putLong(0).putInt((int) timescale).putLong(duration);
        b.putInt(0x00010000).putShort((short) 0x0100);
        return box("mvhd", b.array());
    }

    /** {@code ftyp}, an {@code mdat} of {@code mdatBytes} zeros, then {@code moov} holding {@code mvhd}. */
    public static byte[] mp4(byte[] mvhd, int mdatBytes) {
        return concat(ftyp(), box("mdat", new byte[mdatBytes]), box("moov", box("iods", new byte[16]), mvhd));
    }

    /** A real 16-bit mono PCM WAV file of {@code frames} samples at {@code sampleRate}, written by AudioSystem. */
    public static Path wav(Path file, float sampleRate, int frames) throws IOException {
        AudioFormat format = new AudioFormat(sampleRate, 16, 1, true, false);
        byte[] pcm = new byte[frames * 2];
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), format, frames)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
        return file;
    }

    /** A FLAC stream head: "fLaC" and a last-block STREAMINFO, 16-bit stereo; no frames follow. */
    public static byte[] flac(int sampleRate, long totalSamples) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 + 34);
        b.put(ascii("fLaC"));
        b.put((byte) 0x80).put((byte) 0).put((byte) 0).put((byte) 34); // Last block, type 0, 34 bytes.
        b.putShort((short) 4096).putShort((short) 4096).put(new byte[6]); // Block and frame sizes.
        b.putLong((long) sampleRate << 44 | 1L << 41 | 15L << 36 | totalSamples);
        b.put(new byte[16]); // MD5 of the audio, unknown.
        return b.array();
    }

    /** A small uncompressed PDF with {@code pages} page objects written in varied spacing. */
    public static byte[] pdf(int pages) {
        StringBuilder s = new StringBuilder("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n");
        s.append("2 0 obj << /Type/Pages /Count ").append(pages).append(" /Kids [] >> endobj\n");
        for (int p = 0; p < pages; p++) {
            String spacing = p % 3 == 0 ? " " : p % 3 == 1 ? "" : "\r\n";
            s.append(3 + p).append(" 0 obj << /Type").append(spacing).append("/Page/Parent 2 0 R >> endobj\n");
        }
        s.append("trailer << /Root 1 0 R >>\n%%EOF\n");
        return s.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    public static String dataUri(String mediaType, byte[] data) {
        return "data:" + mediaType + ";base64," + java.util.Base64.getEncoder().encodeToString(data);
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.write(part, 0, part.length);
        }
        return out.toByteArray();
    }

    public static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * A view that counts the bytes its source delivers, to check that a reader reads headers,
     * not whole files.
     */
    public static final class Counting extends MediaBytes {
        private final MediaBytes source;
        private long fetched;

        public Counting(MediaBytes source) {
            this.source = source;
        }

        /** Bytes delivered by the source so far, window refills included. */
        public long fetched() {
            return fetched;
        }

        @Override
        public long size() {
            return source.size();
        }

        @Override
        int fetch(long position, byte[] into, int offset, int length) throws IOException {
            int n = source.fetch(position, into, offset, length);
            fetched += n;
            return n;
        }

        @Override
        public void close() throws IOException {
            source.close();
        }
    }

    /** A string view that counts how many characters are looked at. */
    public static final class CountingChars implements CharSequence {
        private final CharSequence text;
        private long reads;

        public CountingChars(CharSequence text) {
            this.text = text;
        }

        public long reads() {
            return reads;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            reads++;
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            throw new UnsupportedOperationException("a copy would hide the reads");
        }
    }
}

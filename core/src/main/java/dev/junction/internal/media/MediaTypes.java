package dev.junction.internal.media;

import dev.junction.chat.MediaSource;
import java.util.Locale;
import java.util.Map;

/** Media-type detection: declared, sniffed from a file's first bytes, or from a file name or URL extension. */
public final class MediaTypes {
    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("webp", "image/webp"),
            Map.entry("gif", "image/gif"),
            Map.entry("heic", "image/heic"),
            Map.entry("heif", "image/heif"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("mp4", "video/mp4"),
            Map.entry("mpeg", "video/mpeg"),
            Map.entry("mov", "video/quicktime"),
            Map.entry("webm", "video/webm"),
            Map.entry("mp3", "audio/mpeg"),
            Map.entry("wav", "audio/wav"),
            Map.entry("ogg", "audio/ogg"),
            Map.entry("flac", "audio/flac"),
            Map.entry("aac", "audio/aac"),
            Map.entry("m4a", "audio/mp4"));

    private MediaTypes() {
    }

    /** The media type for a file name or URL path by its extension, or {@code null} when unknown. */
    public static String fromFileName(String name) {
        int dot = name.lastIndexOf('.');
        if (dot < 0 || dot == name.length() - 1) {
            return null;
        }
        return BY_EXTENSION.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /**
     * The declared media type, else for a file the one its first bytes announce ({@link MagicBytes}),
     * else one inferred from the file name or URL path, else {@code null}. Reads up to 16 bytes of a file.
     */
    public static String of(MediaSource source) {
        if (source.mediaType() != null && !source.mediaType().isBlank()) {
            return source.mediaType();
        }
        if (source instanceof MediaSource.File f) {
            String sniffed = MagicBytes.ofFile(f.path());
            if (sniffed != null) {
                return sniffed;
            }
            return f.path().getFileName() == null ? null : MediaTypes.fromFileName(f.path().getFileName().toString());
        }
        if (source instanceof MediaSource.Url u) {
            return u.url().getPath() == null ? null : MediaTypes.fromFileName(u.url().getPath());
        }
        return null;
    }

    /** The source in words for error messages: a file's path, a URL, or the size of in-memory data. */
    public static String describe(MediaSource source) {
        if (source instanceof MediaSource.Bytes b) {
            return "an in-memory part of " + b.data().length + " bytes";
        }
        if (source instanceof MediaSource.File f) {
            return "file " + f.path();
        }
        if (source instanceof MediaSource.DataUri d) {
            return "a data URI of " + d.payloadLength() + " base64 characters";
        }
        return "URL " + ((MediaSource.Url) source).url();
    }
}

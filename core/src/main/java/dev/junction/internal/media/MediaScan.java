package dev.junction.internal.media;

import dev.junction.chat.ChatRequest;
import dev.junction.chat.MediaSource;
import dev.junction.chat.Message;
import dev.junction.chat.Part;

/** What media a request carries, for deciding where its body is written and what must be downloaded. */
public final class MediaScan {
    private MediaScan() {
    }

    // Each check walks the parts without collecting them: these run on every call, and a request
    // without media should cost a loop and nothing else.

    /** Whether any media comes from a local file, which must be read off the event loop. */
    public static boolean hasFile(ChatRequest request) {
        return any(request, MediaSource.File.class);
    }

    /** Whether any media is given by URL. */
    public static boolean hasUrl(ChatRequest request) {
        return any(request, MediaSource.Url.class);
    }

    private static boolean any(ChatRequest request, Class<? extends MediaSource> kind) {
        for (Message message : request.messages()) {
            for (Part part : message.parts()) {
                if (part instanceof Part.Media media && kind.isInstance(media.source())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** How many bytes of media the request holds in memory (bytes and data URIs). */
    public static long inlineBytes(ChatRequest request) {
        long total = 0;
        for (Message message : request.messages()) {
            for (Part part : message.parts()) {
                if (part instanceof Part.Media media && media.source() instanceof MediaSource.Bytes b) {
                    total += b.data().length;
                } else if (part instanceof Part.Media media && media.source() instanceof MediaSource.DataUri d) {
                    total += d.uri().length();
                }
            }
        }
        return total;
    }
}

package dev.junction.internal.media;

import dev.junction.chat.ChatRequest;
import dev.junction.chat.MediaSource;
import dev.junction.chat.Message;
import dev.junction.chat.Part;
import java.util.ArrayList;
import java.util.List;

/** What media a request carries, for deciding where its body is written and what must be downloaded. */
public final class MediaScan {
    private MediaScan() {
    }

    /** Every media source of the request, in order. */
    static List<MediaSource> sources(ChatRequest request) {
        List<MediaSource> out = new ArrayList<>();
        for (Message message : request.messages()) {
            for (Part part : message.parts()) {
                if (part instanceof Part.Media media) {
                    out.add(media.source());
                }
            }
        }
        return out;
    }

    /** Whether any media comes from a local file, which must be read off the event loop. */
    public static boolean hasFile(ChatRequest request) {
        return sources(request).stream().anyMatch(MediaSource.File.class::isInstance);
    }

    /** Whether any media is given by URL. */
    public static boolean hasUrl(ChatRequest request) {
        return sources(request).stream().anyMatch(MediaSource.Url.class::isInstance);
    }

    /** How many bytes of media the request holds in memory (bytes and data URIs). */
    public static long inlineBytes(ChatRequest request) {
        long total = 0;
        for (MediaSource source : sources(request)) {
            if (source instanceof MediaSource.Bytes b) {
                total += b.data().length;
            } else if (source instanceof MediaSource.DataUri d) {
                total += d.uri().length();
            }
        }
        return total;
    }
}

package dev.junction.internal.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.junction.chat.MediaSource;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Media types: declared first, then a file's magic bytes, then the file name's or URL's extension. */
class MediaTypesTest {

    @Test
    void infersMediaTypesFromFileNamesAndUrls() {
        assertEquals("image/png", MediaTypes.of(new MediaSource.File(Path.of("a/b/Cat.PNG"), null)));
        assertEquals("audio/mpeg", MediaTypes.of(new MediaSource.Url(URI.create("https://x.example/s.mp3?sig=1"), null)));
        assertNull(MediaTypes.of(new MediaSource.File(Path.of("noextension"), null)));
        assertNull(MediaTypes.of(new MediaSource.File(Path.of("trailing."), null)));
        assertEquals("image/gif", MediaTypes.of(new MediaSource.Bytes(new byte[0], "image/gif")));
    }

    @Test
    void describesEachSourceForErrorMessages() {
        assertEquals("an in-memory part of 3 bytes", MediaTypes.describe(new MediaSource.Bytes(new byte[3], "image/png")));
        assertEquals("file " + Path.of("a.png"), MediaTypes.describe(new MediaSource.File(Path.of("a.png"), null)));
        assertEquals("URL https://x.example/a.png", MediaTypes.describe(new MediaSource.Url(URI.create("https://x.example/a.png"), null)));
    }
}

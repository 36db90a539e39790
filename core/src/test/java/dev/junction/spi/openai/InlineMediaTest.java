package dev.junction.spi.openai;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.junction.chat.GeneratedImage;
import dev.junction.chat.MediaSource;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.internal.json.JsonMappers;
import dev.junction.internal.media.MediaTypes;
import dev.junction.testing.TestBytes;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Data URIs both ways: written as one JSON string straight from bytes or files, and decoded from replies. */
class InlineMediaTest {
    @TempDir
    Path temp;

    private static String writeAsJson(MediaSource source) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JsonMappers.LENIENT.getFactory().createGenerator(out)) {
            InlineMedia.writeDataUri(json, source, new MediaPartContext("testvendor", 0, 1, MediaTypes.of(source)));
        }
        return JsonMappers.LENIENT.readTree(out.toString()).asText();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 49151, 49152, 49153, 100000})
    void writesBytesAsTheExactDataUri(int size) throws IOException {
        byte[] bytes = TestBytes.random(size);
        assertEquals("data:image/webp;base64," + Base64.getEncoder().encodeToString(bytes),
                writeAsJson(new MediaSource.Bytes(bytes, "image/webp")));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 2, 49152, 100000})
    void writesFilesAsTheExactDataUri(int size) throws IOException {
        byte[] bytes = TestBytes.random(size);
        Path file = Files.write(temp.resolve("clip" + size + ".mp4"), bytes);
        assertEquals("data:video/mp4;base64," + Base64.getEncoder().encodeToString(bytes),
                writeAsJson(new MediaSource.File(file, null)));
    }

    @Test
    void prefersTheDeclaredMediaType() throws IOException {
        Path file = Files.write(temp.resolve("scan.bin"), new byte[] {1});
        assertEquals("data:application/pdf;base64,AQ==", writeAsJson(new MediaSource.File(file, "application/pdf")));
    }

    @Test
    void refusesAUrlWhereInlineDataIsNeeded() {
        JunctionException e = assertThrows(JunctionException.class,
                () -> writeAsJson(new MediaSource.Url(URI.create("https://cdn.example.com/a.png"), null)));
        assertEquals(ErrorKind.UNSUPPORTED_FEATURE, e.kind());
        assertTrue(e.getMessage().startsWith("testvendor: message 0, part 1:"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 1000})
    void decodesWhatItWouldWrite(int size) {
        byte[] bytes = TestBytes.random(size);
        GeneratedImage image = InlineMedia.decodeDataUri("data:image/png;base64," + Base64.getEncoder().encodeToString(bytes));
        assertArrayEquals(bytes, image.bytes());
        assertEquals("image/png", image.mediaType());
    }

    @Test
    void toleratesLineBreaksInsideTheBase64() {
        byte[] bytes = TestBytes.random(300);
        String wrapped = Base64.getMimeEncoder().encodeToString(bytes);
        assertTrue(wrapped.contains("\r\n"));
        assertArrayEquals(bytes, InlineMedia.decodeDataUri("data:image/jpeg;base64," + wrapped).bytes());
    }

    @Test
    void defaultsAnOmittedMediaType() {
        assertEquals("application/octet-stream", InlineMedia.decodeDataUri("data:;base64,AQID").mediaType());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://cdn.example.com/a.png",
        "data:image/png,AQID",
        "data:image/png;base64",
        "data:image/png;base64,Q",
        "data:image/png;base64,AQ=D",
        "data:image/png;base64,!!!!",
        "data:image/png;base64,AQ-_"
    })
    void returnsNullForMalformedDataUris(String uri) {
        assertNull(InlineMedia.decodeDataUri(uri));
    }

    @Test
    void readsImageEntriesInEachShapeAndWarnsForTheRest() throws IOException {
        List<String> warnings = new ArrayList<>();
        List<GeneratedImage> images = InlineMedia.readImageArray(JsonMappers.LENIENT.readTree("""
                [{"type":"image_url","image_url":{"url":"data:image/png;base64,AQID"}},
                 {"image_url":"data:image/jpeg;base64,BAUG"},
                 {"url":"data:image/gif;base64,BwgJ"},
                 {"image_url":{"url":"https://cdn.example.com/x.png"}},
                 {"image_url":{"url":"data:image/png;base64,Q"}},
                 {"type":"image_url"}]
                """), warnings);
        assertEquals(List.of(new GeneratedImage(new byte[] {1, 2, 3}, "image/png"),
                new GeneratedImage(new byte[] {4, 5, 6}, "image/jpeg"),
                new GeneratedImage(new byte[] {7, 8, 9}, "image/gif")), images);
        assertEquals(3, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("image 3 came as a URL"), warnings.get(0));
        assertTrue(warnings.get(1).startsWith("image 4 could not be decoded"), warnings.get(1));
        assertTrue(warnings.get(2).startsWith("image 5 could not be decoded"), warnings.get(2));
    }

    @Test
    void readsNothingFromAMissingImageArray() throws IOException {
        List<String> warnings = new ArrayList<>();
        assertEquals(List.of(), InlineMedia.readImageArray(JsonMappers.LENIENT.readTree("{}").path("images"), warnings));
        assertEquals(List.of(), warnings);
    }
}

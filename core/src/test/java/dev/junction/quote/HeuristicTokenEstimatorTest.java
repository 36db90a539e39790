package dev.junction.quote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.chat.ChatRequest;
import dev.junction.chat.Message;
import dev.junction.chat.Part;
import dev.junction.chat.ResponseFormat;
import dev.junction.chat.Tool;
import dev.junction.chat.ToolCall;
import dev.junction.internal.media.TestMedia;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The documented rules, end to end: text by characters, media by Gemini's rules from real headers. */
class HeuristicTokenEstimatorTest {
    private final HeuristicTokenEstimator estimator = new HeuristicTokenEstimator();

    @TempDir
    Path temp;

    private TokenEstimate estimate(Part... parts) {
        return estimator.estimate(ChatRequest.builder().user(parts).build());
    }

    private static void assertRange(long low, long expected, long high, TokenEstimate estimate) {
        assertEquals(List.of(low, expected, high), List.of(estimate.low(), estimate.expected(), estimate.high()),
                estimate.toString());
    }

    // ---- text ----

    @Test
    void countsEachHanCharacterAsAToken() {
        // 12 Han characters: t = 12; 3 for the message; low floor(9), high ceil(15).
        assertRange(9 + 3, 12 + 3, 15 + 3, estimator.estimate(ChatRequest.of("用简单的语言解释量子计算")));
    }

    @Test
    void countsOtherTextAtFourCharactersPerToken() {
        // 48 characters → 12 tokens, as many as the 12 Han characters say the same thing in.
        String english = "Explain quantum computing in simple terms, pls.."; // 48 characters
        assertEquals(48, english.length());
        assertRange(9 + 3, 12 + 3, 15 + 3, estimator.estimate(ChatRequest.of(english)));
        assertRange(3 + 3, 4 + 3, 5 + 3, estimator.estimate(ChatRequest.of("Hello, world!"))); // 13 → ceil 3.25 = 4
    }

    @Test
    void countsMixedText() {
        // "Hello " is 6 other characters (ceil 1.5 = 2 tokens); 世界 、 カタカナ ー 한국어 ＡＢ are
        // 2 + 1 + 4 + 1 + 3 + 2 = 13 CJK ones: Han, CJK punctuation, kana and its long-vowel mark,
        // Hangul, full-width Latin.
        TokenEstimate estimate = estimator.estimate(ChatRequest.of("Hello 世界、カタカナー한국어ＡＢ"));
        assertEquals(2 + 13 + 3, estimate.expected());
    }

    @Test
    void countsCodePointsNotUtf16Units() {
        String emoji = "😀😀😀😀😀😀😀😀"; // 8 code points, 16 UTF-16 units
        assertEquals(16, emoji.length());
        assertEquals(2 + 3, estimator.estimate(ChatRequest.of(emoji)).expected());
        // A supplementary Han character (CJK Extension B) is one CJK token, not two.
        assertEquals(1 + 3, estimator.estimate(ChatRequest.of("𠀀")).expected());
    }

    @Test
    void addsThreeFixedTokensPerMessage() {
        ChatRequest request = ChatRequest.builder().system("").user("").message(Message.assistant("")).build();
        assertRange(9, 9, 9, estimator.estimate(request));
    }

    @Test
    void countsToolsToolCallsToolResultsAndTheResponseSchema() {
        ChatRequest plain = ChatRequest.of("abcd");
        ChatRequest full = plain.toBuilder()
                .tool(Tool.function("get_weather", "Weather", "{\"type\":\"object\"}")) // 11 + 7 + 17 = 35
                .tool(Tool.function("noop", null, null)) // 4
                .tool(Tool.webSearch()) // nothing
                .message(Message.assistant("", List.of(new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}")))) // 11 + 16
                .message(Message.tool("call_1", "sunny, 21 °C")) // 12
                .responseFormat(ResponseFormat.jsonSchema("reply", true, "{\"type\":\"string\"}")) // 5 + 17
                .build();
        // Text: 4 + 35 + 4 + 27 + 12 + 22 = 104 characters → 26 tokens; 3 messages → 9.
        assertRange(19 + 9, 26 + 9, 33 + 9, estimator.estimate(full));
    }

    @Test
    void refusesANullRequest() {
        assertThrows(NullPointerException.class, () -> estimator.estimate(null));
    }

    // ---- images ----

    @ParameterizedTest
    @CsvSource({
            // A small image is one tile.
            "384, 384, 258",
            // 385 px wide is past "small", but ceil(385/768) × ceil(100/768) is still one tile.
            "385, 100, 258",
            "768, 768, 258",
            "769, 768, 516",
            "1000, 1000, 1032",
            "1920, 1080, 1548"})
    void countsImageTilesFromRealPngAndJpegHeaders(int width, int height, long tokens) throws IOException {
        for (byte[] image : List.of(TestMedia.png(width, height), TestMedia.jpeg(width, height))) {
            for (Part part : threeSources(image, "image/png")) {
                TokenEstimate estimate = estimate(part);
                assertRange(tokens + 3, tokens + 3, tokens + 3, estimate);
                assertTrue(estimate.isComplete(), estimate.unknowns().toString());
            }
        }
    }

    @Test
    void countsAJpegWithExifBeforeItsFrameHeader() throws IOException {
        for (Part part : threeSources(TestMedia.jpegWithApp1(1920, 1080, 1, 4096), "image/jpeg")) {
            assertEquals(1548 + 3, estimate(part).expected());
        }
    }

    @Test
    void countsGifAndWebpImages() throws IOException {
        for (Part part : threeSources(TestMedia.image("gif", 1000, 1000), "image/gif")) {
            assertEquals(1032 + 3, estimate(part).expected());
        }
        // ImageIO cannot write WEBP: these are hand-built headers of the three bitstreams.
        for (byte[] webp : List.of(TestMedia.webpLossy(1920, 1080), TestMedia.webpLossless(1920, 1080),
                TestMedia.webpExtended(1920, 1080))) {
            for (Part part : threeSources(webp, "image/webp")) {
                assertEquals(1548 + 3, estimate(part).expected());
            }
        }
    }

    @Test
    void estimatesATwentyMibDataUriImageFromItsHeader() {
        // A real 1920×1080 PNG padded to 20 MiB. That only its header is decoded is checked where it
        // can be observed, in ImageSizeTest.decodesOnlyTheHeaderOfALargeBase64Image.
        byte[] big = Arrays.copyOf(TestMedia.png(1920, 1080), 20 * 1024 * 1024);
        TokenEstimate estimate = estimate(Part.dataUri(TestMedia.dataUri("image/png", big)));
        assertRange(1548 + 3, 1548 + 3, 1548 + 3, estimate);
    }

    // ---- video, audio, PDF ----

    @Test
    void countsVideoSecondsFromMp4Headers() throws IOException {
        // 5.5 s × 263 = 1446.5 → 1447; 12 s × 263 = 3156.
        for (Part part : threeSources(TestMedia.mp4(TestMedia.mvhd0(1000, 5500), 50_000), "video/mp4")) {
            TokenEstimate estimate = estimate(part);
            assertRange(1447 + 3, 1447 + 3, 1447 + 3, estimate);
            assertEquals(0, estimate.audioTokens());
        }
        for (Part part : threeSources(TestMedia.mp4(TestMedia.mvhd1(90_000, 12L * 90_000), 10), "video/mp4")) {
            assertEquals(3156 + 3, estimate(part).expected());
        }
    }

    @Test
    void countsAudioSecondsAndReportsThemApart() throws IOException {
        Path wav = TestMedia.wav(temp.resolve("speech.wav"), 16_000, 24_000); // 1.5 s → 48
        TokenEstimate fromWav = estimate(Part.text("abcd"), Part.file(wav));
        assertRange(48 + 3, 1 + 48 + 3, 2 + 48 + 3, fromWav);
        assertEquals(48, fromWav.audioTokens());

        for (Part part : threeSources(TestMedia.flac(44_100, 441_000), "audio/flac")) { // 10 s → 320
            TokenEstimate estimate = estimate(part);
            assertEquals(320 + 3, estimate.expected());
            assertEquals(320, estimate.audioTokens());
        }
        // An M4A is an MP4 whose movie is audio: 2 s → 64 audio tokens.
        TokenEstimate m4a = estimate(Part.bytes(TestMedia.mp4(TestMedia.mvhd0(44_100, 88_200), 0), "audio/mp4"));
        assertEquals(64, m4a.audioTokens());
    }

    @Test
    void countsPdfPages() throws IOException {
        for (Part part : threeSources(TestMedia.pdf(3), "application/pdf")) {
            assertEquals(3 * 258 + 3, estimate(part).expected());
        }
    }

    // ---- what cannot be learnt ----

    @Test
    void countsAUrlImageAsOneTileAndAUrlVideoAsNothing() {
        TokenEstimate estimate = estimate(Part.text("look"), Part.url(URI.create("https://x.example/cat.png")),
                Part.url(URI.create("https://x.example/clip.mp4")), Part.url(URI.create("https://x.example/song.mp3")),
                Part.url(URI.create("https://x.example/paper.pdf")), Part.url(URI.create("https://x.example/blob")));
        assertEquals(1 + 258 + 3, estimate.expected());
        assertEquals(List.of(
                "message 0, part 1: image by URL, size unknown offline; counted as one tile (258 tokens)",
                "message 0, part 2: video by URL, length unknown offline; not counted (263 tokens per second)",
                "message 0, part 3: audio by URL, length unknown offline; not counted (32 tokens per second)",
                "message 0, part 4: PDF by URL, page count unknown offline; not counted (258 tokens per page)",
                "message 0, part 5: media of unknown type; not counted"), estimate.unknowns());
        assertFalse(estimate.isComplete());
    }

    @Test
    void reportsCorruptAndMissingMediaWithoutThrowing() throws IOException {
        byte[] corrupt = TestMedia.png(10, 10);
        corrupt[12] = 'X';
        Path missing = temp.resolve("missing.png");
        byte[] mp3 = {'I', 'D', '3', 4, 0, 0, 0, 0, 0, 0};
        TokenEstimate estimate = estimator.estimate(ChatRequest.builder()
                .user(Part.bytes(corrupt, "image/png"), Part.file(missing))
                .user(Part.bytes(Arrays.copyOf(TestMedia.png(10, 10), 20), "image/png"),
                        Part.bytes(mp3, "audio/mpeg"), Part.bytes(TestMedia.pdf(0), "application/pdf"),
                        Part.bytes(new byte[] {1, 2}, "application/zip"))
                .build());
        assertEquals(List.of(
                "message 0, part 0: image size unreadable (PNG header is corrupt: the first chunk is not IHDR);"
                        + " counted as one tile (258 tokens)",
                "message 0, part 1: could not read " + missing + " (NoSuchFileException); counted as one tile (258 tokens)",
                "message 1, part 0: image size unreadable (the data ends at byte 20, inside a header);"
                        + " counted as one tile (258 tokens)",
                "message 1, part 1: audio length unreadable (not an MP4, MOV, WAV or FLAC file);"
                        + " not counted (32 tokens per second)",
                "message 1, part 2: no pages found in the PDF (pages inside compressed object streams are invisible"
                        + " offline); not counted (258 tokens per page)",
                "message 1, part 3: media of type application/zip; not counted"), estimate.unknowns());
        assertRange(3 * 258 + 6, 3 * 258 + 6, 3 * 258 + 6, estimate);
        assertEquals(0, estimate.audioTokens());
    }

    @Test
    void reportsADirectoryGivenAsAFile() throws IOException {
        Path dir = Files.createDirectory(temp.resolve("photos.png"));
        TokenEstimate estimate = estimate(Part.file(dir));
        assertEquals(258 + 3, estimate.expected());
        assertTrue(estimate.unknowns().get(0).startsWith("message 0, part 0: could not read " + dir + " ("),
                estimate.unknowns().toString());
    }

    // ---- the range ----

    @Test
    void keepsLowExpectedHighInOrderAndMediaOnlyExact() throws IOException {
        String[] texts = {"", "a", "ab", "abc", "abcde", "用", "用简单的语言", "mixed 文字 text 😀", "x".repeat(1001)};
        for (String text : texts) {
            TokenEstimate e = estimate(Part.text(text), Part.bytes(TestMedia.png(10, 10), "image/png"));
            assertTrue(e.audioTokens() <= e.low() && e.low() <= e.expected() && e.expected() <= e.high(), e.toString());
            assertTrue(e.low() < e.expected() || text.length() < 4, e.toString()); // A spread once the text has weight.
        }
        byte[] wav = Files.readAllBytes(TestMedia.wav(temp.resolve("a.wav"), 8_000, 16_000));
        TokenEstimate mediaOnly = estimate(Part.bytes(TestMedia.png(1000, 1000), "image/png"),
                Part.bytes(wav, "audio/wav"), Part.bytes(TestMedia.pdf(2), "application/pdf"));
        assertRange(1032 + 64 + 516 + 3, 1032 + 64 + 516 + 3, 1032 + 64 + 516 + 3, mediaOnly);
        assertEquals(64, mediaOnly.audioTokens());
    }

    /** The same media as in-memory bytes, a data URI and a file (named without an extension, so only its bytes tell). */
    private List<Part> threeSources(byte[] data, String mediaType) throws IOException {
        Function<byte[], Path> write = bytes -> {
            try {
                return Files.write(Files.createTempFile(temp, "media", ""), bytes);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        return List.of(Part.bytes(data, mediaType), Part.dataUri(TestMedia.dataUri(mediaType, data)),
                Part.file(write.apply(data)));
    }
}

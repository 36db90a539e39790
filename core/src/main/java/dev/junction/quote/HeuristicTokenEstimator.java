package dev.junction.quote;

import dev.junction.chat.ChatRequest;
import dev.junction.chat.Message;
import dev.junction.chat.Part;
import dev.junction.chat.ResponseFormat;
import dev.junction.chat.Tool;
import dev.junction.chat.ToolCall;
import dev.junction.internal.media.MediaTokens;
import java.util.List;
import java.util.Objects;

/**
 * Estimates input tokens offline, without the vendor's tokenizer: text by character counts, media
 * by Gemini's published per-tile, per-second and per-page rules, with sizes read from the media's
 * own headers.
 *
 * <h2>Rules</h2>
 *
 * <ul>
 *   <li><b>Text</b> is every text part of every message (tool results included), each tool call's
 *       name and argument JSON, each function tool's name, description and parameter schema, and
 *       the response format's name and schema. Call ids are not counted, nor is the built-in web
 *       search tool. Within that text, each CJK code point counts 1 token (Han, Hiragana, Katakana
 *       and Hangul scripts, the Hiragana and Katakana blocks, CJK Symbols and Punctuation, and
 *       Halfwidth and Fullwidth Forms); every other code point, spaces included, counts ¼ token,
 *       the sum rounded up. Code points, not UTF-16 units: an emoji outside the Basic
 *       Multilingual Plane is one code point.
 *   <li><b>The range</b> comes from that text only: with {@code t} its count, expected adds
 *       {@code t}, low adds floor(0.75 × t) and high adds ceil(1.25 × t), so low ≤ expected ≤
 *       high always holds.
 *   <li><b>Per message</b>, 3 tokens for the role and turn markers, the same in low, expected and
 *       high: they do not depend on a tokenizer's guesses.
 *   <li><b>Images</b>: 258 tokens when both sides are at most 384 px; otherwise 258 tokens per
 *       768 × 768 tile, ceil(width / 768) × ceil(height / 768) tiles (so 385 × 100 is one tile,
 *       258 tokens; 1000 × 1000 is 4 tiles, 1032; 1920 × 1080 is 6 tiles, 1548). The size comes
 *       from the PNG, JPEG, GIF or WEBP header. An image whose size cannot be learnt (a URL, an
 *       unreadable file, another format, a corrupt header) counts 258 tokens, the least an image
 *       costs, and gets an unknowns line.
 *   <li><b>Video</b>: 263 tokens per second; <b>audio</b>: 32 tokens per second, also reported as
 *       {@link TokenEstimate#audioTokens()}. Either is ceil(seconds × rate), with the length read
 *       from an MP4 or MOV ({@code moov/mvhd}), WAV ({@code fmt } byte rate and {@code data}
 *       size) or FLAC (STREAMINFO) header. A clip whose length cannot be learnt (a URL, MP3, OGG,
 *       WEBM, an unreadable file) counts 0 tokens and gets an unknowns line.
 *   <li><b>PDF</b>: 258 tokens per page, the pages counted as the {@code /Type /Page} objects
 *       found in the first 64 MiB. None found (a URL, pages inside compressed object streams)
 *       counts 0 tokens and gets an unknowns line.
 *   <li><b>Media of another type</b> (neither image, video, audio nor PDF, or a type that cannot be
 *       told) counts 0 tokens and gets an unknowns line.
 *   <li><b>Media counts are exact under their rules</b>: the same in low, expected and high. A
 *       request of media alone (with its per-message tokens) has low = expected = high.
 * </ul>
 *
 * <p>The media type of a part is its declared one, else for a file the one its first bytes
 * announce, else the one its file name or URL suggests; the header readers then go by the bytes
 * themselves. Only headers are read: a file through positional reads, a data URI by decoding just
 * the base64 around each header, so a 20 MiB inline image or a 1 GB video file costs a few small
 * reads. Bad media never throws: each problem is one line in {@link TokenEstimate#unknowns()}
 * naming the message and part, such as {@code "message 0, part 1: could not read /x.png
 * (NoSuchFileException); counted as one tile (258 tokens)"}.
 *
 * <p>Reading files blocks; estimate off an event loop when the request holds files. Thread-safe.
 */
public final class HeuristicTokenEstimator implements TokenEstimator {
    /** Role and turn markers per message. */
    static final int TOKENS_PER_MESSAGE = 3;
    /** Non-CJK code points per token. */
    static final int CHARACTERS_PER_TOKEN = 4;

    /** Creates the estimator; it holds no state. */
    public HeuristicTokenEstimator() {
    }

    @Override
    public TokenEstimate estimate(ChatRequest request) {
        Objects.requireNonNull(request, "request");
        TextCount text = new TextCount();
        MediaTokens media = new MediaTokens();
        List<Message> messages = request.messages();
        for (int m = 0; m < messages.size(); m++) {
            Message message = messages.get(m);
            List<Part> parts = message.parts();
            for (int p = 0; p < parts.size(); p++) {
                Part part = parts.get(p);
                if (part instanceof Part.Text t) {
                    text.add(t.text());
                } else if (part instanceof Part.Media mediaPart) {
                    media.add("message " + m + ", part " + p, mediaPart.source());
                }
            }
            for (ToolCall call : message.toolCalls()) {
                text.add(call.name());
                text.add(call.argumentsJson());
            }
        }
        for (Tool tool : request.tools()) {
            if (tool instanceof Tool.Function f) {
                text.add(f.name());
                text.add(f.description());
                text.add(f.parametersJson());
            }
        }
        if (request.responseFormat() instanceof ResponseFormat.JsonSchema schema) {
            text.add(schema.name());
            text.add(schema.schemaJson());
        }
        long expectedText = text.tokens();
        long lowText = expectedText * 3 / 4;
        long highText = (expectedText * 5 + 3) / 4;
        long fixed = TOKENS_PER_MESSAGE * (long) messages.size() + media.tokens();
        return new TokenEstimate(lowText + fixed, expectedText + fixed, highText + fixed, media.audioTokens(),
                media.unknowns());
    }

    /**
     * Whether a code point counts as a whole token: a CJK ideograph, kana or Hangul syllable, or
     * the punctuation and full-width forms written with them.
     */
    static boolean isCjk(int codePoint) {
        if (codePoint < 0x1100) {
            return false; // Below Hangul Jamo nothing is CJK; keeps Latin text off the script tables.
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL) {
            return true;
        }
        // Marks such as the long vowel ー and the middle dot ・ are script Common but live in these blocks.
        Character.UnicodeBlock block = Character.UnicodeBlock.of(codePoint);
        return block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
                || block == Character.UnicodeBlock.HIRAGANA
                || block == Character.UnicodeBlock.KATAKANA;
    }

    /** Running text count: CJK code points and other code points. */
    private static final class TextCount {
        long cjk;
        long other;

        void add(String text) {
            if (text == null) {
                return;
            }
            text.codePoints().forEach(cp -> {
                if (isCjk(cp)) {
                    cjk++;
                } else {
                    other++;
                }
            });
        }

        /** The expected text tokens: rounded up once over all the text, not per piece. */
        long tokens() {
            return cjk + (other + CHARACTERS_PER_TOKEN - 1) / CHARACTERS_PER_TOKEN;
        }
    }
}

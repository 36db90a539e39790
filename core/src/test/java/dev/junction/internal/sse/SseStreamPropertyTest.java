package dev.junction.internal.sse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Feeds realistic streams split at random byte positions and checks that chunking never changes
 * the events. The payloads are acedata's documented Gemini stream, byte for byte.
 */
class SseStreamPropertyTest {
    /** The {@code data:} payloads of the streaming example in acedata's Gemini Chat Completion docs. */
    private static final List<String> ACEDATA_PAYLOADS = List.of(
            "{\"id\": \"chatcmpl-20251122214038810722821kNjUTjtr\", \"object\": \"chat.completion.chunk\", \"created\": 1763818842, \"model\": \"gemini-2.5-pro\", \"system_fingerprint\": null, \"choices\": [{\"delta\": {\"content\": \"\", \"role\": \"assistant\"}, \"logprobs\": null, \"finish_reason\": null, \"index\": 0}], \"usage\": null}",
            "{\"id\": \"chatcmpl-20251122214038810722821kNjUTjtr\", \"object\": \"chat.completion.chunk\", \"created\": 1763818842, \"model\": \"gemini-2.5-pro\", \"system_fingerprint\": null, \"choices\": [{\"delta\": {\"reasoning_content\": \"**定義我的本質**\\n\\n我的思考已經開始。用戶想知道我的本質,直接問「你是什麼?」最初的步驟很簡單:識別問題。現在,我回想起我的基本身份:我是一個大型語言模型。這是我想要傳達的核心真相。\\n\\n\\n\"}, \"logprobs\": null, \"finish_reason\": null, \"index\": 0}], \"usage\": null}",
            "{\"id\": \"chatcmpl-20251122214038810722821kNjUTjtr\", \"object\": \"chat.completion.chunk\", \"created\": 1763818842, \"model\": \"gemini-2.5-pro\", \"system_fingerprint\": null, \"choices\": [{\"delta\": {\"reasoning_content\": \"**精煉我的回應**\\n\\n我已經將我由 Google 訓練的關鍵信息添加到基本的「大型語言模型」身份中。我的下一步是考慮作為「大型語言模型」實際上意味著什麼,以便我可以解釋我的核心能力。我專注於提供上下文,而不深入具體的技術細節或模型名稱。我想以用戶能夠輕鬆理解的方式傳達我的功能。\\n\\n\\n\"}, \"logprobs\": null, \"finish_reason\": null, \"index\": 0}], \"usage\": null}",
            "{\"id\": \"chatcmpl-20251122214038810722821kNjUTjtr\", \"object\": \"chat.completion.chunk\", \"created\": 1763818842, \"model\": \"gemini-2.5-pro\", \"system_fingerprint\": null, \"choices\": [{\"delta\": {\"reasoning_content\": \"**確認核心身份**\\n\\n我現在正在鞏固我的回應。用戶對我的模型隸屬的查詢需要一個集中的回答。我已經確定「由 Google 訓練」是必不可少的,提供了關鍵的上下文。我抵制提及任何具體模型名稱的衝動,因為這並不相關。目標是提供一個直接、準確的陳述。我的目標仍然是清晰而簡潔的回覆,避免技術術語,直接切入相關要點。\\n\\n\\n\"}, \"logprobs\": null, \"finish_reason\": null, \"index\": 0}], \"usage\": null}",
            "{\"id\": \"chatcmpl-20251122214038810722821kNjUTjtr\", \"object\": \"chat.completion.chunk\", \"created\": 1763818842, \"model\": \"gemini-2.5-pro\", \"system_fingerprint\": null, \"choices\": [{\"delta\": {\"content\": \"我是一個大型語言模型,由 Google 訓練。\"}, \"logprobs\": null, \"finish_reason\": null, \"index\": 0}], \"usage\": null}",
            "{\"id\": \"chatcmpl-20251122214038810722821kNjUTjtr\", \"object\": \"chat.completion.chunk\", \"created\": 1763818842, \"model\": \"gemini-2.5-pro\", \"system_fingerprint\": null, \"choices\": [{\"delta\": {}, \"logprobs\": null, \"finish_reason\": \"stop\", \"index\": 0}], \"usage\": null}",
            "{\"id\": \"chatcmpl-20251122214038810722821kNjUTjtr\", \"object\": \"chat.completion.chunk\", \"created\": 1763818842, \"model\": \"gemini-2.5-pro\", \"system_fingerprint\": \"\", \"choices\": [], \"usage\": {\"prompt_tokens\": 8, \"completion_tokens\": 527, \"total_tokens\": 535, \"prompt_tokens_details\": {\"cached_tokens\": 0, \"text_tokens\": 8, \"audio_tokens\": 0, \"image_tokens\": 0}, \"completion_tokens_details\": {\"text_tokens\": 0, \"audio_tokens\": 0, \"reasoning_tokens\": 519}, \"input_tokens\": 0, \"output_tokens\": 0, \"input_tokens_details\": null, \"claude_cache_creation_5_m_tokens\": 0, \"claude_cache_creation_1_h_tokens\": 0}}",
            "[DONE]"
    );

    private static final String[] COMMENTS = {":", ": keep-alive", ": 心跳 ping"};

    private record Sample(byte[] bytes, List<SseEvent> expected) {
    }

    @Test
    void chunkingNeverChangesTheEvents() {
        Random random = new Random(20251122L);
        int utf8Splits = 0;
        int crLfSplits = 0;
        for (int iteration = 0; iteration < 500; iteration++) {
            Sample sample = sample(random);
            String context = "iteration " + iteration;

            Result whole = parse(sample.bytes(), new int[] {sample.bytes().length}, false);
            assertEquals(sample.expected(), whole.events(), context);
            assertFalse(whole.endedMidEvent(), context);

            int[] sizes = chunkSizes(random, sample.bytes().length, iteration % 7 == 0);
            Result chunked = parse(sample.bytes(), sizes, iteration % 2 == 1);
            assertEquals(sample.expected(), chunked.events(), context);
            assertFalse(chunked.endedMidEvent(), context);

            // A stream cut anywhere must also parse the same whole or chunked, truncation flag included.
            byte[] cut = Arrays.copyOf(sample.bytes(), random.nextInt(sample.bytes().length + 1));
            Result cutWhole = parse(cut, new int[] {cut.length}, false);
            Result cutChunked = parse(cut, chunkSizes(random, cut.length, false), false);
            assertEquals(cutWhole, cutChunked, context + ", cut at " + cut.length);

            int at = 0;
            for (int size : sizes) {
                at += size;
                if (at > 0 && at < sample.bytes().length) {
                    utf8Splits += (sample.bytes()[at] & 0xC0) == 0x80 ? 1 : 0;
                    crLfSplits += sample.bytes()[at - 1] == '\r' && sample.bytes()[at] == '\n' ? 1 : 0;
                }
            }
        }
        // Guards the generator: the interesting boundaries must actually have been exercised.
        assertTrue(utf8Splits > 100, "UTF-8 splits: " + utf8Splits);
        assertTrue(crLfSplits > 20, "CR LF splits: " + crLfSplits);
    }

    @Test
    void parsesTheDocumentedStreamAsPublished() {
        StringBuilder doc = new StringBuilder();
        for (String payload : ACEDATA_PAYLOADS) {
            doc.append("data: ").append(payload).append("\n\n");
        }
        byte[] bytes = doc.toString().getBytes(StandardCharsets.UTF_8);
        Result result = parse(bytes, new int[] {bytes.length}, false);
        assertEquals(8, result.events().size());
        assertEquals("[DONE]", result.events().get(7).data());
        assertTrue(result.events().get(4).data().contains("\"content\": \"我是一個大型語言模型,由 Google 訓練。\""));
        assertTrue(result.events().get(1).data().contains("**定義我的本質**\\n\\n我的思考已經開始。"));
    }

    private record Result(List<SseEvent> events, boolean endedMidEvent) {
    }

    private static Result parse(byte[] bytes, int[] sizes, boolean viaBuffer) {
        List<SseEvent> events = new ArrayList<>();
        SseParser parser = new SseParser(SseParser.DEFAULT_MAX_EVENT_BYTES, events::add);
        int at = 0;
        for (int size : sizes) {
            if (viaBuffer) {
                parser.feed(Buffer.buffer(Arrays.copyOfRange(bytes, at, at + size)));
            } else {
                parser.feed(bytes, at, size);
            }
            at += size;
        }
        assertEquals(bytes.length, at);
        parser.end();
        return new Result(events, parser.endedMidEvent());
    }

    private static int[] chunkSizes(Random random, int length, boolean oneByteAtATime) {
        int[] sizes = new int[length];
        int count = 0;
        for (int left = length; left > 0; ) {
            int size = oneByteAtATime ? 1 : Math.min(left, 1 + random.nextInt(64));
            sizes[count++] = size;
            left -= size;
        }
        return Arrays.copyOf(sizes, count);
    }

    /** Builds a stream from the documented payloads, with random framing, and the events it must yield. */
    private static Sample sample(Random random) {
        int style = random.nextInt(4); // 0 LF, 1 CRLF, 2 CR, 3 mixed per line
        Lines out = new Lines(random, style);
        List<SseEvent> expected = new ArrayList<>();
        if (random.nextInt(4) == 0) {
            out.text.append('\uFEFF');
        }
        String id = null;
        for (int i = 0; i < ACEDATA_PAYLOADS.size(); i++) {
            String payload = ACEDATA_PAYLOADS.get(i);
            for (int c = random.nextInt(3); c > 0; c--) {
                out.line(COMMENTS[random.nextInt(COMMENTS.length)]);
            }
            if (random.nextInt(4) == 0) {
                out.line("retry: 3000");
            }
            if (random.nextInt(3) == 0) {
                id = "chatcmpl-" + i;
                out.line("id: " + id);
            }
            String type = "message";
            if (random.nextInt(4) == 0) {
                type = "chunk";
                out.line("event:" + type);
            }
            if (random.nextInt(5) == 0) {
                out.line("x-vendor: 忽略");
            }
            String data = payload;
            int split = random.nextInt(3) == 0 ? random.nextInt(payload.length() + 1) : -1;
            if (split >= 0 && !(split > 0 && Character.isHighSurrogate(payload.charAt(split - 1)))) {
                out.data(random, payload.substring(0, split));
                out.data(random, payload.substring(split));
                data = payload.substring(0, split) + "\n" + payload.substring(split);
            } else {
                out.data(random, payload);
            }
            boolean last = i == ACEDATA_PAYLOADS.size() - 1;
            if (!last || random.nextInt(5) != 0) {
                out.line(""); // else leave the final blank line out: end() must still dispatch
            }
            expected.add(new SseEvent(type, data, id));
        }
        return new Sample(out.text.toString().getBytes(StandardCharsets.UTF_8), expected);
    }

    /** Writes lines with the chosen endings, never letting a CR and the next LF merge into one. */
    private static final class Lines {
        private static final String[] ENDINGS = {"\n", "\r\n", "\r"};
        final StringBuilder text = new StringBuilder();
        private final Random random;
        private final int style;
        private String previous = "";

        Lines(Random random, int style) {
            this.random = random;
            this.style = style;
        }

        void line(String line) {
            String ending = ENDINGS[style == 3 ? random.nextInt(3) : style];
            if (previous.equals("\r") && ending.equals("\n")) {
                ending = "\r\n";
            }
            text.append(line).append(ending);
            previous = ending;
        }

        void data(Random random, String value) {
            boolean noSpace = !value.startsWith(" ") && random.nextBoolean();
            line((noSpace ? "data:" : "data: ") + value);
        }
    }
}

package dev.junction.internal.openai.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.junction.chat.StreamPart;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.internal.openai.errors.ErrorReplies;
import dev.junction.internal.openai.plan.CallPlan;
import dev.junction.spi.ProviderSettings;
import dev.junction.spi.openai.Dialect;
import dev.junction.spi.openai.VendorProfile;
import dev.junction.testing.TestVendorFactory;
import io.vertx.core.MultiMap;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The mapper gives the same parts from an event's UTF-8 bytes as from its decoded data. */
class ChunkMapperBytesTest {
    private static final VendorProfile PROFILE = TestVendorFactory.profile(TestVendorFactory.ID);

    private static ChunkMapper mapper() {
        CallPlan plan = new CallPlan(PROFILE.id(), "gemini-2.5-pro", "gemini-2.5-pro", List.of(), "no price");
        return new ChunkMapper(Dialect.OPENAI, plan, PROFILE.prices().get(0),
                new ErrorReplies(PROFILE, Dialect.OPENAI, ProviderSettings.defaults(PROFILE.id())), MultiMap.caseInsensitiveMultiMap());
    }

    /** Maps the events one way and the other, [DONE] and finish included, and returns both part lists. */
    private static List<List<StreamPart>> both(List<byte[]> events) {
        List<List<StreamPart>> out = new ArrayList<>();
        for (boolean bytes : new boolean[] {false, true}) {
            ChunkMapper mapper = mapper();
            List<StreamPart> parts = new ArrayList<>();
            boolean done = false;
            for (byte[] e : events) {
                // Padded, so that the mapper must honour the offset and length.
                byte[] padded = new byte[e.length + 4];
                System.arraycopy(e, 0, padded, 2, e.length);
                done = bytes ? mapper.onData(padded, 2, e.length, parts::add)
                        : mapper.onData(new String(e, StandardCharsets.UTF_8), parts::add);
                if (done) {
                    break;
                }
            }
            if (done) {
                mapper.finish(parts::add);
            }
            out.add(parts);
        }
        return out;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void mapsAStreamAlike() {
        List<List<StreamPart>> r = both(List.of(
                utf8("{\"id\":\"c1\",\"model\":\"gemini-2.5-pro\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"量子\"}}]}"),
                utf8("{\"choices\":[{\"index\":0,\"delta\":{\"reasoning_content\":\"想一想\"}}]}"),
                utf8("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"计算 😀\\n\"},\"finish_reason\":\"stop\"}]}"),
                utf8("{\"choices\":[],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":5,\"total_tokens\":8}}"),
                utf8("[DONE]")));
        assertEquals(r.get(0), r.get(1));
        assertEquals(List.of(new StreamPart.TextDelta("量子"), new StreamPart.TextDelta("计算 😀\n")),
                r.get(1).stream().filter(p -> p instanceof StreamPart.TextDelta).toList());
        assertEquals(StreamPart.Finish.class, r.get(1).get(r.get(1).size() - 1).getClass());
    }

    @Test
    void decodesIllFormedUtf8WithReplacementCharacters() {
        byte[] prefix = utf8("{\"choices\":[{\"delta\":{\"content\":\"a");
        byte[] suffix = utf8("b\"}}]}");
        byte[] e = new byte[prefix.length + 2 + suffix.length];
        System.arraycopy(prefix, 0, e, 0, prefix.length);
        e[prefix.length] = (byte) 0xC0;
        e[prefix.length + 1] = (byte) 0x80;
        System.arraycopy(suffix, 0, e, prefix.length + 2, suffix.length);
        List<List<StreamPart>> r = both(List.of(e, utf8("[DONE]")));
        assertEquals(r.get(0), r.get(1));
        assertEquals(new StreamPart.TextDelta("a\uFFFD\uFFFDb"), r.get(1).get(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[DONE]", " [DONE]\t", "\u2003[DONE]\u2003", "\n[DONE]\n"})
    void knowsTheDoneSentinelAmidWhitespace(String done) {
        byte[] b = utf8(done);
        assertEquals(true, mapper().onData(b, 0, b.length, part -> { }));
    }

    @Test
    void takesNoControlCharacterForWhitespace() {
        byte[] b = utf8("\u0001[DONE]");
        JunctionException e = assertThrows(JunctionException.class, () -> mapper().onData(b, 0, b.length, part -> { }));
        assertEquals(ErrorKind.PROTOCOL, e.kind());
        assertThrows(JunctionException.class, () -> mapper().onData("\u0001[DONE]", part -> { }));
    }
}

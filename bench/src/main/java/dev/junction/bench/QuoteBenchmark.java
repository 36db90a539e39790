package dev.junction.bench;

import dev.junction.Junction;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.Part;
import dev.junction.quote.Quotes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long {@code Junction.quote} takes for gemini-2.5-pro across the installed vendors: a short Chinese prompt, a 100k-character prompt, and a prompt with a 20 MiB
 * inline PNG as a data URI (the estimator must read its header only, not decode it).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class QuoteBenchmark {
    private Junction junction;
    private ChatRequest shortPrompt;
    private ChatRequest longPrompt;
    private ChatRequest hugeImage;

    /** Builds Junction with no keys (quotes need none) and the three requests. */
    @Setup(Level.Trial)
    public void setUp() {
        junction = Junction.builder().environment(name -> null).build();
        shortPrompt = ChatRequest.builder().model("gemini-2.5-pro").user("用简单的语言解释量子计算").build();
        char[] text = new char[100_000];
        Arrays.fill(text, 'a');
        for (int i = 0; i < text.length; i += 5) {
            text[i] = i % 2 == 0 ? ' ' : '量';
        }
        longPrompt = ChatRequest.builder().model("gemini-2.5-pro").user(new String(text)).build();
        String dataUri = "data:image/png;base64," + Base64.getEncoder().encodeToString(png(1920, 1080, 20 * 1024 * 1024));
        hugeImage = ChatRequest.builder().model("gemini-2.5-pro")
                .user(Part.text("描述这张图片"), Part.dataUri(dataUri)).build();
    }

    /** Closes Junction. */
    @TearDown(Level.Trial)
    public void tearDown() {
        junction.close();
    }

    /** A short prompt. */
    @Benchmark
    public Quotes shortPrompt() {
        return junction.quote(shortPrompt);
    }

    /** 100,000 characters of mixed text. */
    @Benchmark
    public Quotes longPrompt() {
        return junction.quote(longPrompt);
    }

    /** A 20 MiB inline image. */
    @Benchmark
    public Quotes hugeInlineImage() {
        return junction.quote(hugeImage);
    }

    /** A PNG signature and IHDR of the given size, padded with zeros to {@code bytes}: only the header is read. */
    private static byte[] png(int width, int height, int bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes);
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        byte[] ihdr = {'I', 'H', 'D', 'R', 0, 0, 0, 0, 0, 0, 0, 0, 8, 6, 0, 0, 0};
        putInt(ihdr, 4, width);
        putInt(ihdr, 8, height);
        byte[] length = new byte[4];
        putInt(length, 0, 13);
        out.writeBytes(length);
        out.writeBytes(ihdr);
        CRC32 crc = new CRC32();
        crc.update(ihdr);
        byte[] crcBytes = new byte[4];
        putInt(crcBytes, 0, (int) crc.getValue());
        out.writeBytes(crcBytes);
        try {
            out.write(new byte[bytes - out.size()]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void putInt(byte[] into, int at, int value) {
        into[at] = (byte) (value >>> 24);
        into[at + 1] = (byte) (value >>> 16);
        into[at + 2] = (byte) (value >>> 8);
        into[at + 3] = (byte) value;
    }
}

package dev.junction.gateway.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MediaSnifferTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "89504e470d0a1a0a0000000d49484452, image/png",
        "ffd8ffe000104a464946, image/jpeg",
        "474946383961010001, image/gif",
        "474946383761010001, image/gif",
        "52494646240000005745425056503820, image/webp",
        "524946462400000057415645666d7420, audio/wav",
        "255044462d312e370a, application/pdf",
        "4944330400000000, audio/mpeg",
        "fffb9064000000, audio/mpeg",
        "fff3, audio/mpeg",
        "000000206674797069736f6d00000200, video/mp4",
    })
    void knowsTheSignatures(String hex, String type) {
        byte[] head = HexFormat.of().parseHex(hex);
        assertEquals(type, MediaSniffer.fromBytes(head, head.length));
    }

    @ParameterizedTest(name = "{0} is not media")
    @ValueSource(strings = {"<html><body>", "{\"error\":1}", "RIFF....AVI LIST", "GIF8", "%PD", ""})
    void refusesWhatItDoesNotKnow(String text) {
        byte[] head = text.getBytes(StandardCharsets.ISO_8859_1);
        assertNull(MediaSniffer.fromBytes(head, head.length));
    }

    @ParameterizedTest(name = "Content-Type {0} gives {1}")
    @CsvSource(delimiter = '|', value = {
        "image/png                  | image/png",
        "IMAGE/JPEG; charset=binary | image/jpeg",
        "audio/mpeg                 | audio/mpeg",
        "video/mp4                  | video/mp4",
        "application/pdf            | application/pdf",
        "application/octet-stream   | ",
        "text/html; charset=utf-8   | ",
        "image                      | ",
        "image/png<script>          | ",
    })
    void trustsOnlyMediaContentTypes(String header, String type) {
        assertEquals(type, MediaSniffer.fromHeader(header));
    }
}

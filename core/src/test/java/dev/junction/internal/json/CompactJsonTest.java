package dev.junction.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link CompactJson} writes exactly what {@link JsonNode#toString()} writes. */
class CompactJsonTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"prompt_tokens\":12,\"completion_tokens\":86,\"total_tokens\":98}",
        "{\"prompt_tokens\":12,\"completion_tokens_details\":{\"reasoning_tokens\":921,\"image_tokens\":0},"
                + "\"prompt_tokens_details\":{\"cached_tokens\":null,\"audio_tokens\":3}}",
        "{\"cost\":0.00042,\"big\":1.0E300,\"tiny\":-4.9E-324,\"long\":9223372036854775807,"
                + "\"huge\":123456789012345678901234567890,\"neg\":-1}",
        "{\"note\":\"量子 \\\"quoted\\\" \\\\ back\\nline\\ttab\\u0001 ctl \\u2028 😀 /slash\",\"ok\":true,\"no\":false}",
        "{\"list\":[1,[2,{}],[],\"x\",null],\"empty\":{}}",
        "[]",
        "\"just text\"",
        "42"
    })
    void matchesJacksonsOwnText(String json) throws Exception {
        JsonNode node = JsonMappers.LENIENT.readTree(json);
        assertEquals(node.toString(), CompactJson.write(node));
    }

    @Test
    void matchesJacksonForNodesBuiltInCode() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("decimal", new BigDecimal("1E+3"));
        node.put("plainDecimal", new BigDecimal("0.000100"));
        node.put("bigInteger", new BigInteger("18446744073709551616"));
        node.put("float", 1.5f);
        node.put("short", (short) 7);
        node.putPOJO("pojo", new int[] {1, 2});
        node.put("binary", new byte[] {1, 2, 3});
        assertEquals(node.toString(), CompactJson.write(node));
    }
}

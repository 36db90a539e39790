package dev.junction.internal.openai.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.junction.catalog.CreditBalance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Finding the balance in balance replies of undocumented shape. */
class CreditReaderTest {

    private static CreditBalance read(String json) {
        try {
            return CreditReader.read("v", AccountEndpoints.EXACT.readTree(json), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "{\"credits\": 1234.5}                                    | 1234.5 | credits           | credits",
        "{\"data\":{\"balance\":\"98.20\",\"unit\":\"USD\"}}      | 98.20  | data.balance      | USD",
        "{\"data\":{\"credits\":0}}                               | 0      | data.credits      | credits",
        "{\"data\":{\"attributes\":{\"remaining_credits\":\"7\"}}} | 7      | data.attributes.remaining_credits | credits",
        "{\"result\":{\"available\":3,\"currency\":\"CNY\"}}      | 3      | result.available  | CNY",
        "{\"balance\":12.5}                                       | 12.5   | balance           | NULL",
        "{\"remaining\":\" 5 \"}                                   | 5      | remaining         | NULL",
        "{\"credit_balance\":1,\"unit\":\"  \"}                   | 1      | credit_balance    | credits",
        "{\"total_credits\":100,\"available_credits\":40}          | 40     | available_credits | credits",
        "{\"credits\":\"lots\",\"balance\":2}                      | 2      | balance           | NULL",
        "{\"credits\":{\"left\":9},\"data\":{\"credits\":8}}      | 8      | data.credits      | credits",
        "{\"credits\":true,\"data\":[{\"credits\":1}],\"result\":{\"credits\":6}} | 6 | result.credits | credits",
        "{\"balance\":1,\"data\":{\"credits\":2}}                 | 1      | balance           | NULL",
        "1234.5                                                   | 1234.5 | (whole reply)     | NULL",
        "\"77.70\"                                                | 77.70  | (whole reply)     | NULL"
    })
    void findsTheBalanceInTheDocumentedOrder(String json, String balance, String field, String unit) {
        CreditBalance credit = read(json);
        assertEquals(new BigDecimal(balance), credit.balance(), "balance, scale included");
        assertEquals(field, credit.field());
        assertEquals(unit, credit.unit());
        assertEquals(json, credit.rawJson());
        assertEquals("v", credit.provider());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"foo\":\"bar\"}", "{}", "[1,2]", "null", "true", "\"plenty\"", "{\"credits\":null}",
        "{\"credits\":\"1e999999999\"}", "{\"credits\":1e999999999}", "{\"data\":\"1\"}"})
    void succeedsWithNoBalanceWhenNothingLooksLikeOne(String json) {
        CreditBalance credit = read(json);
        assertNull(credit.balance());
        assertNull(credit.field());
        assertNull(credit.unit());
        assertEquals(json, credit.rawJson());
    }

    @Test
    void keepsDecimalsExactTrailingZerosIncluded() {
        assertEquals(new BigDecimal("0.10000000000000000555111512312578270211815834045"),
                read("{\"credits\":0.10000000000000000555111512312578270211815834045}").balance());
        assertEquals(new BigDecimal("1234.50"), read("{\"credits\":1234.50}").balance());
        assertEquals(new BigDecimal("123456789012345678901234567890"),
                read("{\"credits\":123456789012345678901234567890}").balance());
    }
}

package dev.junction.internal.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class OutputAssumptionTest {

    @Test
    void groupedWritesWhatTheFormatterWrites() {
        long[] values = {0, 7, -7, 999, 1000, -1000, 12_345, 999_999, 1_000_000, 65_536, 123_456_789, -123_456_789,
                Integer.MAX_VALUE, Long.MAX_VALUE, Long.MIN_VALUE};
        for (long n : values) {
            assertEquals(String.format(Locale.ROOT, "%,d", n), OutputAssumption.grouped(n), "for " + n);
        }
    }
}

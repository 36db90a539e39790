package dev.junction.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Price rows: later rows win, and figures are never negative. */
class PriceBookTest {
    private static Price row(String provider, String model, String in, String source) {
        return new Price(provider, model, model, "USD", new BigDecimal(in), BigDecimal.ONE, null, source, null);
    }

    @Test
    void letsLaterRowsOverrideEarlierOnes() {
        PriceBook book = PriceBook.of(List.of(row("acedata", "m", "1", "first"), row("acedata", "m", "2", "second")));
        assertEquals("second", book.find("acedata", "m").orElseThrow().source());
        assertEquals(1, book.rows().size());
    }

    @Test
    void laysOverridesOverTheBook() {
        PriceBook builtIn = PriceBook.of(List.of(row("acedata", "m", "1", "built-in"), row("yisu", "m", "1", "yisu")));
        PriceBook book = builtIn.with(List.of(row("acedata", "m", "3", "mine")));
        assertEquals("mine", book.find("acedata", "m").orElseThrow().source());
        assertEquals("yisu", book.find("yisu", "m").orElseThrow().source());
        assertEquals("built-in", builtIn.find("acedata", "m").orElseThrow().source(), "the original book is unchanged");
    }

    @Test
    void keysByProviderAndModel() {
        PriceBook book = PriceBook.of(List.of(row("acedata", "m", "1", "a")));
        assertTrue(book.find("yisu", "m").isEmpty());
        assertTrue(book.find("acedata", "other").isEmpty());
    }

    @Test
    void rejectsNegativePrices() {
        IllegalArgumentException in = assertThrows(IllegalArgumentException.class, () -> row("acedata", "m", "-0.01", "x"));
        assertTrue(in.getMessage().contains("inputPerMillion"), in.getMessage());
        IllegalArgumentException out = assertThrows(IllegalArgumentException.class, () -> new Price("acedata", "m", "m", "USD",
                BigDecimal.ONE, new BigDecimal("-1"), null, null, null));
        assertTrue(out.getMessage().contains("outputPerMillion"), out.getMessage());
    }

    @Test
    void rejectsACurrencyOtherThanUsd() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Price("yisu", "m", "m", "CNY",
                BigDecimal.ONE, BigDecimal.ONE, null, "contract", null));
        assertTrue(e.getMessage().contains("USD"), e.getMessage());
    }

    @Test
    void acceptsFreeModels() {
        assertEquals(0, row("acedata", "m", "0", "free").inputPerMillion().signum());
    }

    @Test
    void rejectsANonPositiveCreditRate() {
        assertThrows(IllegalArgumentException.class, () -> new Price("acedata", "m", "m", "USD",
                BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO, null, null));
    }

    @Test
    void requiresTheFigures() {
        assertThrows(NullPointerException.class, () -> new Price("acedata", "m", "m", "USD", null, BigDecimal.ONE, null, null, null));
    }
}

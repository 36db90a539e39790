package dev.junction.testkit;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.junction.cost.Price;
import dev.junction.quote.Quote;
import dev.junction.spi.ProviderFactory;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Conformance: a vendor that publishes prices ({@link VendorDeclaration#publishesPrices()}) has a
 * callable price row for every declared model, with its source and date, and quotes with a cost;
 * a vendor that publishes none has no row, says why (its factory's {@code pricesNote}), and its
 * quotes say the price is unknown rather than guess. Failures say {@code prices: …}.
 */
public abstract class PriceConformance extends ConformanceBase {

    @TestFactory
    Stream<DynamicTest> everyModelHasAPriceWithProvenanceOrANote() {
        return vendor().models().stream().map(model -> dynamicTest(model.id(), () -> {
            Optional<Price> price = junction().prices().find(vendor().id(), model.id());
            if (vendor().publishesPrices()) {
                assertTrue(price.isPresent(), () -> "prices: " + vendor().id() + " publishes prices, but " + model.id() + " has no row");
                Price row = price.get();
                assertAll("prices: the row of " + model.id(),
                        () -> assertEquals(model.vendorModel(), row.vendorModel(), "vendor model"),
                        () -> assertTrue(row.source() != null && !row.source().isBlank(), "a price needs its source"),
                        () -> assertNotNull(row.asOf(), "a price needs the date it was read"));
            } else {
                assertEquals(Optional.empty(), price, () -> "prices: " + vendor().id() + " publishes no prices, yet " + model.id() + " has a row");
                Optional<String> note = factory().map(ProviderFactory::pricesNote);
                note.ifPresent(n -> assertFalse(n.isBlank(), () -> "prices: " + vendor().id() + " needs a pricesNote saying why it has no prices"));
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> quotesEveryModelWithACostOnlyWhenPriced() {
        return vendor().models().stream().map(model -> dynamicTest(model.id(), () -> {
            Optional<Quote> quote = junction().quote(prompt(model.id(), "用简单的语言解释量子计算")).quotes().stream()
                    .filter(q -> q.provider().equals(vendor().id())).findFirst();
            assertTrue(quote.isPresent(), () -> "prices: no quote from " + vendor().id() + " for " + model.id());
            Quote q = quote.get();
            if (vendor().publishesPrices()) {
                assertAll("prices: the quote for " + model.id(),
                        () -> assertTrue(q.priceKnown(), () -> "the price should be known: " + q.unknownPriceReason()),
                        () -> assertTrue(q.usd().expected().signum() > 0, "a priced quote has a cost"),
                        () -> assertFalse(q.price().source().isBlank(), "the quote names the price's source"));
            } else {
                assertFalse(q.priceKnown(), () -> "prices: " + vendor().id() + " publishes no prices; its quote must not guess one: " + q);
                assertTrue(q.unknownPriceReason() != null && !q.unknownPriceReason().isBlank(), "prices: the quote says why the price is unknown");
            }
        }));
    }
}

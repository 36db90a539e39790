package dev.junction.internal.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.catalog.Catalog;
import dev.junction.catalog.Listing;
import dev.junction.catalog.Offer;
import dev.junction.catalog.ProviderModels;
import dev.junction.catalog.RemoteModel;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.ChatResponse;
import dev.junction.chat.ChatStream;
import dev.junction.cost.Price;
import dev.junction.cost.PriceBook;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.spi.Provider;
import dev.junction.spi.ProviderFactory;
import dev.junction.testing.TestVendorFactory;
import io.vertx.core.Future;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The catalog: declared models, price-only rows, and vendors' live lists merged in. */
class CatalogMakerTest {
    private static final ProviderFactory VENDOR = new TestVendorFactory();
    /** A row of a provider that declares nothing: a price-only offer. */
    private static final Price PRICE_ONLY = new Price("pricevendor", "gemini-2.5-pro", "gemini-2.5-pro", "USD", BigDecimal.ONE,
            BigDecimal.TEN, null, "ref", null);
    private static final PriceBook BOOK = PriceBook.of(List.of(PRICE_ONLY)).with(VENDOR.builtInPrices());

    /** A provider whose live list is the given answer. */
    private static Provider listing(Future<List<RemoteModel>> answer) {
        return new Provider() {
            @Override public String id() {
                return VENDOR.id();
            }
            @Override public String displayName() {
                return "t";
            }
            @Override public URI baseUrl() {
                return URI.create("https://t.invalid");
            }
            @Override public ProviderModels models() {
                return VENDOR.models();
            }
            @Override public Future<ChatResponse> chat(ChatRequest request) {
                throw new AssertionError("a catalog never chats");
            }
            @Override public ChatStream stream(ChatRequest request) {
                throw new AssertionError("a catalog never chats");
            }
            @Override public Future<List<RemoteModel>> remoteModels() {
                return answer;
            }
        };
    }

    private static Catalog await(Future<Catalog> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void offlineListsDeclaredModelsWithPricesAndPriceOnlyRowsByProvider() {
        Catalog catalog = CatalogMaker.offline(List.of(VENDOR), BOOK);
        assertEquals(List.of("gemini-2.5-pro", "gemini-3-pro-image"), catalog.ids());
        List<Offer> offers = catalog.find("gemini-2.5-pro").orElseThrow().offers();
        assertEquals(List.of("pricevendor", "testvendor"), offers.stream().map(Offer::provider).toList());
        assertEquals(Listing.PRICED_ONLY, offers.get(0).listing());
        assertEquals(PRICE_ONLY, offers.get(0).price());
        assertEquals(Listing.DECLARED, offers.get(1).listing());
        assertEquals(new BigDecimal("0.80"), offers.get(1).price().inputPerMillion());
        Offer image = catalog.find("google/gemini-3-pro-image-preview").orElseThrow().offers().get(0);
        assertEquals("gemini-3-pro-image", image.model(), "found by the vendor's name");
        assertNull(image.price());
    }

    @Test
    void mergesALiveListMatchingNamesWithOrWithoutTheVendorPrefix() throws Exception {
        Future<List<RemoteModel>> live = Future.succeededFuture(List.of(
                new RemoteModel("gemini-3-pro-image-preview", "google", 1779778659L),
                new RemoteModel("gemini-2.5-flash", "google", null)));
        Catalog catalog = await(CatalogMaker.remote(List.of(VENDOR), BOOK, Set.of(), id -> listing(live)));
        assertEquals(Listing.DECLARED_AND_LISTED, catalog.find("gemini-3-pro-image").orElseThrow().offers().get(0).listing());
        assertEquals(Listing.DECLARED_NOT_LISTED, catalog.offers("testvendor").stream()
                .filter(o -> o.model().equals("gemini-2.5-pro")).findFirst().orElseThrow().listing());
        Offer extra = catalog.find("gemini-2.5-flash").orElseThrow().offers().get(0);
        assertEquals(Listing.LISTED_ONLY, extra.listing());
        assertTrue(extra.capabilities().isEmpty(), "capabilities of a listed-only model are unknown");
        assertTrue(catalog.problems().isEmpty());
    }

    @Test
    void aListThatCannotBeFetchedIsAProblemNotAFailure() throws Exception {
        JunctionException noKey = JunctionException.configuration("testvendor", "no API key for testvendor", "set TESTVENDOR_API_KEY");
        Catalog catalog = await(CatalogMaker.remote(List.of(VENDOR), BOOK, Set.of(), id -> listing(Future.failedFuture(noKey))));
        assertEquals(List.of("testvendor: no API key for testvendor (set TESTVENDOR_API_KEY)"), catalog.problems());
        assertEquals(Listing.DECLARED, catalog.offers("testvendor").get(0).listing(), "falls back to the declared catalog");
    }

    @Test
    void aProviderWithoutAListIsOnlyAProblemWhenAskedForByName() throws Exception {
        JunctionException unsupported = JunctionException.builder(ErrorKind.UNSUPPORTED_FEATURE, "testvendor documents no a model-list endpoint").build();
        assertTrue(await(CatalogMaker.remote(List.of(VENDOR), BOOK, Set.of(), id -> listing(Future.failedFuture(unsupported))))
                .problems().isEmpty());
        assertEquals(1, await(CatalogMaker.remote(List.of(VENDOR), BOOK, Set.of("testvendor"),
                id -> listing(Future.failedFuture(unsupported)))).problems().size());
    }

    @Test
    void anUnknownProviderIdFailsWithTheKnownOnes() {
        Future<Catalog> result = CatalogMaker.remote(List.of(VENDOR), BOOK, Set.of("nobody"), id -> {
            throw new AssertionError("not asked");
        });
        JunctionException e = (JunctionException) result.cause();
        assertEquals(ErrorKind.CONFIGURATION, e.kind());
        assertTrue(e.hint().orElseThrow().contains("testvendor"));
    }

    @Test
    void aPriceRowForAnUndeclaredModelShowsAsPricedOnly() {
        Price extra = new Price("testvendor", null, "gemini-2.5-flash", "USD", BigDecimal.ONE, BigDecimal.ONE, null, "file", null);
        Catalog catalog = CatalogMaker.offline(List.of(VENDOR), BOOK.with(List.of(extra)));
        Offer offer = catalog.find("gemini-2.5-flash").orElseThrow().offers().get(0);
        assertEquals(Listing.PRICED_ONLY, offer.listing());
    }
}

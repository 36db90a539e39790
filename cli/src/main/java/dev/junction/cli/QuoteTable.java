package dev.junction.cli;

import dev.junction.cost.CostRange;
import dev.junction.cost.TokenRates;
import dev.junction.quote.Quote;
import dev.junction.quote.Quotes;
import dev.junction.quote.TokenEstimate;
import dev.junction.quote.Unservable;
import java.io.PrintStream;

/**
 * The {@code compare} table for people: one line on the estimate, the quotes in rank order, then
 * the providers that cannot serve the request and what the estimate could not count.
 */
final class QuoteTable {
    private QuoteTable() {
    }

    /** Prints the whole report. */
    static void print(Quotes quotes, PrintStream out) {
        out.println(headline(quotes));
        TokenEstimate input = quotes.input();
        String tokens = input.expected() + " + " + quotes.outputTokens();
        TextTable table = new TextTable("PROVIDER", "VENDOR MODEL", "IN $/1M", "OUT $/1M", "TOKENS IN+OUT",
                "LOW $", "EXPECTED $", "HIGH $", "CREDITS", "NOTES").rightAligned(2, 3, 4, 5, 6, 7, 8);
        for (Quote quote : quotes.quotes()) {
            TokenRates rates = QuoteJson.rates(quote, input.expected());
            CostRange usd = quote.usd();
            String note = QuoteJson.note(quote);
            table.add(quote.provider(),
                    quote.vendorModel(),
                    rates == null ? null : Amounts.plain(rates.inputPerMillion()),
                    rates == null ? null : Amounts.plain(rates.outputPerMillion()),
                    tokens,
                    usd == null ? null : Amounts.plain(usd.low()),
                    usd == null ? "price unknown" : Amounts.plain(usd.expected()),
                    usd == null ? null : Amounts.plain(usd.high()),
                    quote.credits() == null ? null : Amounts.plain(quote.credits().expected()),
                    note == null ? "" : note);
        }
        if (table.isEmpty()) {
            out.println("no provider can be quoted for this request");
        } else {
            table.print(out);
        }
        for (Quote quote : quotes.quotes()) {
            if (quote.price() != null) {
                out.println("price: " + quote.provider() + " " + quote.vendorModel() + " from " + quote.price().source()
                        + (quote.price().asOf() == null ? "" : " (as of " + quote.price().asOf() + ")"));
            }
        }
        for (Unservable u : quotes.unservable()) {
            out.println("not servable: " + u.provider() + " (" + u.vendorModel() + "): " + u.reason());
        }
        for (String unknown : input.unknowns()) {
            out.println("estimate: " + unknown);
        }
    }

    /**
     * Such as {@code gemini-2.5-pro · input ≈ 15 tokens (12–18) · output tokens 1,000 (assumed; …)}; the
     * output part is core's own wording of the assumption, which already holds the count.
     */
    static String headline(Quotes quotes) {
        TokenEstimate input = quotes.input();
        return quotes.model() + " · input ≈ " + input.expected() + " tokens (" + input.low() + "–" + input.high() + ")"
                + " · output tokens " + quotes.outputAssumption();
    }
}

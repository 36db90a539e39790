package dev.junction.examples;

import dev.junction.Junction;
import dev.junction.chat.ChatRequest;
import dev.junction.quote.Quote;
import dev.junction.quote.Quotes;
import dev.junction.quote.Unservable;
import java.math.BigDecimal;

/**
 * Prices one request at every reseller of a model before sending it, cheapest first. Needs no API
 * key and no network. Arguments: the model (default {@code gemini-2.5-pro}) and the prompt.
 */
public final class CompareResellers {
    private CompareResellers() {
    }

    /** Entry point. */
    public static void main(String[] args) {
        String model = args.length > 0 ? args[0] : "gemini-2.5-pro";
        String prompt = args.length > 1 ? String.join(" ", java.util.Arrays.copyOfRange(args, 1, args.length)) : "用简单的语言解释量子计算";
        try (Junction junction = Junction.create()) {
            Quotes quotes = junction.quote(ChatRequest.builder().model(model).user(prompt).build());
            System.out.println(quotes.model() + ": ~" + quotes.input().expected() + " input tokens, "
                    + quotes.outputAssumption() + " output tokens");
            for (Quote quote : quotes.quotes()) {
                String amount = quote.priceKnown()
                        ? "$" + plain(quote.usd().expected()) + " (" + plain(quote.usd().low()) + " – "
                                + plain(quote.usd().high()) + "), price from " + quote.price().source()
                        : "price unknown: " + quote.unknownPriceReason();
                // The canonical id, not the name typed: a vendor's own name (gemini-3.0-pro) may mean nothing elsewhere.
                String name = quote.provider() + ":" + quotes.model();
                System.out.println("  " + name + ": " + amount);
            }
            for (Unservable u : quotes.unservable()) {
                System.out.println("  " + u.provider() + " cannot serve it: " + u.reason());
            }
            quotes.cheapestCallable().ifPresent(q -> System.out.println("cheapest you can call: " + q.provider() + ":" + quotes.model()));
        }
    }

    /** The exact amount without trailing zeros, never in scientific notation ({@code 0.00675}, not {@code 6.75E-3}). */
    private static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }
}

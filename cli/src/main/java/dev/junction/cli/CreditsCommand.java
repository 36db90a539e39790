package dev.junction.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.junction.catalog.CreditBalance;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code junction credits}: the account balance a provider's balance endpoint reports. */
@Command(name = "credits",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"Prints the account balance from the provider's balance endpoint.",
                "Asks the endpoint (such as aivideoapi's GET /v1/credits) and prints the balance, its unit and the reply"
                        + " field it was read from. Vendors do not document that reply, so it is read leniently: when no"
                        + " field looks like a balance, the raw reply is printed instead, as received."},
        footer = {"",
                "A provider without a documented balance endpoint fails with UNSUPPORTED_FEATURE (exit 2); no API key"
                        + " is CONFIGURATION (exit 2); the vendor's errors exit 1. The key is never printed.",
                "", "Example:",
                "  junction credits -p aivideoapi",
                "  junction credits --json -p aivideoapi | jq .balance"})
public final class CreditsCommand extends JunctionSubcommand {
    /** The transport's timeouts bound the call; this bounds the whole wait in case it never ends. */
    static final Duration WAIT = Duration.ofMinutes(2);

    @Mixin
    private ProviderOption provider;

    @Mixin
    private JsonOption json;

    @Mixin
    private VerboseOption verbose;

    @Override
    int run(CliContext context) {
        return withJunction(context, junction -> {
            CreditBalance balance = Await.result(junction.provider(provider.spec).credits(), WAIT, "the balance");
            if (json.enabled) {
                CliJson.print(context.out(), toJson(balance));
            } else {
                print(balance, context);
            }
            return 0;
        });
    }

    @Override
    boolean json() {
        return json.enabled;
    }

    @Override
    boolean verbose() {
        return verbose.enabled;
    }

    private static void print(CreditBalance balance, CliContext context) {
        if (balance.balance() == null) {
            context.out().println(balance.provider() + ": balance not found in the reply");
            // As received: re-writing the parsed reply could fail on, or reshape, an odd number.
            context.out().println("raw reply: " + balance.rawJson());
            return;
        }
        String amount = Amounts.plain(balance.balance());
        String unit = balance.unit() == null ? " (unit not stated)" : " " + balance.unit();
        String field = balance.field() == null ? "" : " (from " + balance.field() + ")";
        context.out().println(balance.provider() + ": " + amount + unit + field);
    }

    /**
     * {@code {"provider","balance","unit","field","raw"}}; {@code raw} is the parsed reply, or its
     * text as a JSON string when it is no JSON or cannot be written back exactly (such as a number
     * of {@code 1e10000}, whose plain notation would be ten thousand digits).
     */
    static ObjectNode toJson(CreditBalance balance) {
        ObjectNode json = CliJson.object();
        json.put("provider", balance.provider());
        json.set("balance", CliJson.number(balance.balance()));
        json.put("unit", balance.unit());
        json.put("field", balance.field());
        Optional<JsonNode> raw = CliJson.parse(balance.rawJson()).filter(CliJson::writable);
        if (raw.isPresent()) {
            json.set("raw", raw.get());
        } else {
            json.put("raw", balance.rawJson());
        }
        return json;
    }
}

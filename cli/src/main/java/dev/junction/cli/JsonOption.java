package dev.junction.cli;

import java.util.ListResourceBundle;
import picocli.CommandLine.Option;

/**
 * {@code --json}, shared by the commands that can print one JSON document on stdout instead of
 * text. Each command's document differs, so its help line comes from {@link Descriptions}.
 */
final class JsonOption {

    /** Shown only by a command that {@link Descriptions} has no line for yet. */
    static final String FALLBACK_DESCRIPTION = "Print one JSON document (or {\"error\":…}) on stdout instead of the text.";

    @Option(names = "--json", description = FALLBACK_DESCRIPTION)
    boolean enabled;

    /**
     * Each command's {@code --json} help line, saying what its document holds. picocli reads a
     * mixin option's description first under the key qualified by its command's full name, so one
     * option gets one line per command; {@link Main} installs this bundle.
     */
    static final class Descriptions extends ListResourceBundle {
        @Override
        protected Object[][] getContents() {
            return new Object[][] {
                {"junction.providers.json", "Print a JSON array instead of the table."},
                {"junction.chat.json", "Print one JSON object (the answer, or {\"error\":…}) on stdout instead of the text."},
                {"junction.compare.json",
                    "Print one JSON object (the ranked quotes, or {\"error\":…}) on stdout instead of the table."},
                {"junction.prices.json", "Print {\"prices\":[…]} on stdout instead of the table."},
                {"junction.models.json", "Print {\"models\":[…],\"problems\":[…]} on stdout instead of the table."},
                {"junction.credits.json", "Print {\"provider\",\"balance\",\"unit\",\"field\",\"raw\"} (or {\"error\":…}) on stdout."},
                {"junction.keys.new.json", "Print {\"name\",\"key\",\"hash\",\"yaml\"} on stdout; the reminder goes to stderr."},
            };
        }
    }
}

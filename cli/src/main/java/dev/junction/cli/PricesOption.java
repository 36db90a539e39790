package dev.junction.cli;

import dev.junction.Junction;
import dev.junction.error.JunctionException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --prices FILE}, shared by the commands that show or use prices. The file is read and
 * checked by core when Junction is built, so an invalid one fails before anything else happens.
 */
final class PricesOption {

    @Option(names = "--prices", paramLabel = "FILE",
            description = "A price file {\"prices\":[…]} laid over the built-in prices (see \"Prices\" in the README);"
                    + " replaces JUNCTION_PRICES for this run.")
    String file;

    /**
     * A new Junction reading the run's environment and, when given, this price file; the caller closes it.
     *
     * @throws JunctionException CONFIGURATION for a path that is not usable or a file that is
     *     missing or invalid (the message names the entry and field)
     */
    Junction junction(CliContext context) {
        if (file == null) {
            return context.junction();
        }
        try {
            return context.junction(Path.of(file));
        } catch (InvalidPathException e) {
            throw JunctionException.configuration(null, "--prices " + file + ": not a valid file path: " + e.getReason(),
                    "give the path of a price file, {\"prices\":[…]}");
        }
    }
}

package dev.junction.cli;

import picocli.CommandLine.Option;

/** {@code --verbose}, shared by the commands that call a vendor: Junction's debug log on stderr for this run. */
final class VerboseOption {

    @Option(names = "--verbose", description = {
        "Log each attempt on stderr: provider, URL, HTTP status or error kind, duration, and what follows (retry after N ms,"
                + " stop and why, fallback to the next provider); headers with the key masked, bodies cut to 2 KiB."
                + " The same as JUNCTION_LOG=debug."})
    boolean enabled;
}

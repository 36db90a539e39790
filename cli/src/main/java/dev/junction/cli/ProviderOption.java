package dev.junction.cli;

import picocli.CommandLine.Option;

/**
 * The one required {@code -p SPEC} of {@code chat}, {@code image} and {@code credits}. It lives
 * apart from {@link PromptOptions} because {@code compare} takes a prompt without it, and there
 * {@code -p} is optional and repeatable.
 */
final class ProviderOption {

    @Option(names = {"-p", "--provider"}, required = true, paramLabel = "SPEC",
            description = "Config string: id[:model][?apiKey=…&baseUrl=…&timeout=30s&maxRetries=2],"
                    + " such as acedata:gemini-2.5-pro. The key may also come from <ID>_API_KEY.")
    String spec;
}

package dev.junction.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.junction.gateway.config.KeyConfig;
import dev.junction.gateway.config.KeyHashes;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code junction keys new}: a new virtual key, printed once, with its hash and the entry to paste
 * under {@code keys:} in the gateway's config. Nothing is stored: the key exists only in this output.
 */
@Command(name = "new",
        mixinStandardHelpOptions = true,
        description = {"Prints a new gateway key (shown once: give it to its user), its sha256 hash,",
                "and the YAML entry for the keys: list of the gateway's config, which holds only the hash."})
public final class KeysNewCommand implements Callable<Integer> {
    static final String SHOWN_ONCE = "The key is shown once: give it to its user now. Only the hash belongs in the"
            + " gateway's config.";

    @ParentCommand
    private KeysCommand parent;

    @Spec
    private CommandSpec spec;

    @Mixin
    private JsonOption json;

    @Option(names = "--name", paramLabel = "NAME",
            description = "The key's name in the config (letters, digits, '.', '_', '-'); default key-<first 8 hex digits of its hash>.")
    private String name;

    @Override
    public Integer call() {
        if (name != null && !KeyConfig.NAME.matcher(name).matches()) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--name': '" + name
                    + "' is not a key name: use letters, digits, '.', '_' and '-', starting with a letter or digit,"
                    + " at most 64, such as team-a");
        }
        String key = KeyHashes.newKey();
        String hash = KeyHashes.hash(key);
        String keyName = name != null ? name : "key-" + hash.substring("sha256:".length(), "sha256:".length() + 8);
        String entry = "- name: " + keyName + "\n  hash: " + hash;
        CliContext context = parent.context();
        PrintStream out = context.out();
        if (json.enabled) {
            ObjectNode document = CliJson.object();
            document.put("name", keyName);
            document.put("key", key);
            document.put("hash", hash);
            document.put("yaml", entry);
            CliJson.print(out, document);
            context.err().println(SHOWN_ONCE);
        } else {
            out.println("key:  " + key);
            out.println("hash: " + hash);
            out.println();
            out.println(SHOWN_ONCE);
            out.println("Add this entry under keys: (budget, limits and models are optional):");
            out.println();
            out.println(entry);
        }
        return 0;
    }
}

package dev.junction.cli;

import dev.junction.gateway.Gateway;
import dev.junction.gateway.StandInVendors;
import dev.junction.gateway.config.ConfigException;
import dev.junction.gateway.config.ConfigLoader;
import dev.junction.gateway.config.GatewayConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code junction serve}: the OpenAI-compatible gateway, or {@code --check FILE} to validate a config. */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        description = {"Serves every configured reseller behind one OpenAI-compatible endpoint:",
                "POST /v1/chat/completions, GET /v1/models, POST /v1/junction/quote, /healthz, /readyz, /metrics.",
                "Without --config: binds 127.0.0.1, serves each installed provider whose <ID>_API_KEY is set,",
                "one ordered route per model, no client keys. Ctrl-C stops it gracefully."})
public final class ServeCommand extends JunctionSubcommand {

    @Option(names = "--config", paramLabel = "FILE", description = "The gateway config, JSON or YAML (schema: config.schema.json).")
    private Path config;

    @Option(names = "--check", paramLabel = "FILE", description = "Validates FILE and exits: 0 when it is valid, 2 with every problem when not.")
    private Path check;

    @Option(names = "--port", description = "The port (overrides server.port; default 8080; 0 picks a free one).")
    private Integer port;

    @Option(names = "--host", description = "The address to bind (overrides server.host; default 127.0.0.1).")
    private String host;

    @Option(names = "--redis", paramLabel = "URL", description = "Shares budgets, rate limits and health in Redis (overrides redis.url).")
    private String redis;

    @Option(names = "--stand-ins", description = {"Puts local stand-ins in front of every installed provider,",
            "so the gateway can be tried with no vendor key (canned answers, no network)."})
    private boolean standIns;

    @Override
    int run(CliContext context) {
        if (check != null) {
            return check(context);
        }
        GatewayConfig settings;
        try {
            settings = config == null ? ConfigLoader.defaults() : ConfigLoader.load(config);
            if (port != null) {
                settings = settings.withPort(port);
            }
            if (host != null) {
                settings = settings.withHost(host);
            }
            if (redis != null) {
                settings = settings.withRedisUrl(redis);
            }
        } catch (ConfigException e) {
            context.err().println("error: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        StandInVendors stands = standIns ? StandInVendors.start() : null;
        Function<String, String> env = stands == null ? context.env() : stands.environment(context.env());
        Gateway gateway;
        try {
            gateway = Gateway.builder().config(settings).environment(env).start().toCompletionStage().toCompletableFuture().get();
        } catch (ExecutionException e) {
            if (stands != null) {
                stands.close();
            }
            Throwable cause = e.getCause();
            context.err().println("error: " + cause.getMessage());
            return cause instanceof ConfigException ? Main.EXIT_USAGE : Main.EXIT_FAILURE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Main.EXIT_FAILURE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            gateway.close();
            if (stands != null) {
                stands.close();
            }
            stopped.countDown();
        }, "junction-gateway-shutdown"));
        String base = "http://" + gateway.host() + ":" + gateway.port();
        context.out().println("Junction gateway on " + base + "/v1 (providers: "
                + String.join(", ", gateway.junction().providerIds().stream().filter(id -> gateway.junction().provider(id).hasApiKey()).toList())
                + (stands != null ? "; local stand-ins, canned answers" : "") + ")");
        context.out().println("Try: curl " + base + "/v1/chat/completions -H 'Content-Type: application/json'"
                + " -d '{\"model\":\"gemini-2.5-pro\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}'");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private int check(CliContext context) {
        List<String> problems = ConfigLoader.check(check);
        if (problems.isEmpty()) {
            context.out().println(check + ": valid");
            return 0;
        }
        problems.forEach(problem -> context.err().println("error: " + problem));
        return Main.EXIT_USAGE;
    }
}

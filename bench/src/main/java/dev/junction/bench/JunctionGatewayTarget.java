package dev.junction.bench;

import dev.junction.gateway.Gateway;
import dev.junction.gateway.config.ConfigLoader;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The junction arm of {@link GatewayOverheadBenchmark}: Junction's gateway in this JVM, on a free
 * port of 127.0.0.1, with its defaults (no virtual keys, every canonical model an {@code ordered}
 * route) and an environment that holds only acedata's key and a base URL at the stub, so that
 * {@code acedata/gemini-2.5-pro} is served and reaches the stub at acedata's chat path.
 *
 * <p>The only file of the bench that names {@code dev.junction.gateway}; the benchmark loads it by
 * name.
 */
public final class JunctionGatewayTarget implements HttpTarget.Factory {
    /** The gateway's name for the stub's model: provider, slash, canonical model. */
    static final String MODEL = "acedata/" + LoopbackStub.MODEL;

    /** Called by the benchmark, by reflection. */
    public JunctionGatewayTarget() {
    }

    @Override
    public HttpTarget start(LoopbackStub stub) {
        Map<String, String> environment = Map.of("ACEDATA_API_KEY", "bench-key", "ACEDATA_BASE_URL", stub.rootUrl());
        Gateway gateway = Gateway.builder()
                .config(ConfigLoader.defaults().withPort(0))
                .environment(environment::get)
                .start()
                .toCompletionStage().toCompletableFuture().join();
        System.out.println("junction gateway: port " + gateway.port() + ", model " + MODEL);
        return new HttpTarget("junction", gateway.port(), "/v1/chat/completions", HttpTarget.baseHeaders(),
                HttpTarget.chatBody(MODEL),
                () -> gateway.shutdown().toCompletionStage().toCompletableFuture().get(40, TimeUnit.SECONDS));
    }
}

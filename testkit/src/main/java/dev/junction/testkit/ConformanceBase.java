package dev.junction.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import dev.junction.Junction;
import dev.junction.chat.ChatModel;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.ChatResponse;
import dev.junction.error.JunctionException;
import io.vertx.core.Future;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import dev.junction.spi.ProviderFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * The base of every conformance test: one {@link VendorStub} and one {@link Junction} per test
 * class, the Junction blind to the real environment so that no real key or base URL leaks in.
 * Subclasses say which vendor they test through {@link #vendor()}. Every Junction a test builds
 * comes from {@link #junctionBuilder()}, so a subclass may inject factories (a broken variant, a
 * vendor defined in JSON) or an environment ({@link #environment()}) and every check sees them.
 * Inside a {@link VendorConformance}, an area uses the suite's hooks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ConformanceBase {
    /** The key every conformance call sends, unless a test says otherwise. */
    public static final String TEST_KEY = "sk-test-conformance-0001";
    /** The call timeout the config strings set, well below {@link #CALL_WAIT}. */
    public static final String CALL_TIMEOUT = "20s";
    /** The longest a test waits for one call. */
    public static final Duration CALL_WAIT = Duration.ofSeconds(30);

    private VendorStub stub;
    private Junction junction;

    /** The vendor under test. */
    protected abstract VendorDeclaration vendor();

    /** The suite this area runs in; {@code null} when the area is subclassed on its own. */
    VendorConformance suite() {
        return null;
    }

    /**
     * The environment every Junction of the test sees, before a test adds its own variables (such
     * as {@code <ID>_API_KEY}). Default: empty, so that no real key or base URL leaks in. Override
     * to add, say, {@code JUNCTION_VENDORS} for a vendor defined in JSON.
     */
    protected Function<String, String> environment() {
        return suite() != null ? suite().environment() : name -> null;
    }

    /**
     * Starts every Junction the tests build: the class's own and the ones built with extra
     * environment variables. Default: discovery, with {@link #environment()}. Override to inject
     * factories ({@code Junction.builder().factories(…)}, which turns discovery off); set the
     * environment through {@link #environment()}, which the tests layer their variables over.
     */
    protected Junction.Builder junctionBuilder() {
        return suite() != null ? suite().junctionBuilder() : Junction.builder().environment(environment());
    }

    /**
     * The factory Junction uses for {@link #vendor()}, for checks that read its profile (error codes,
     * rules, prices note). Default: the one {@link ServiceLoader} finds with the vendor's id; empty
     * when there is none (a vendor defined in JSON), and those checks are then skipped.
     */
    protected Optional<ProviderFactory> factory() {
        if (suite() != null) {
            return suite().factory();
        }
        String id = vendor().id();
        return ServiceLoader.load(ProviderFactory.class, getClass().getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).filter(f -> f.id().equals(id)).findFirst();
    }

    /**
     * A new Junction from {@link #junctionBuilder()} whose environment is {@link #environment()}
     * with these variables laid over it. The caller closes it.
     */
    protected Junction newJunction(Map<String, String> variables) {
        Function<String, String> base = environment();
        Map<String, String> own = Map.copyOf(variables);
        return junctionBuilder().environment(name -> own.containsKey(name) ? own.get(name) : base.apply(name)).build();
    }

    @BeforeAll
    final void startStubAndJunction() {
        stub = VendorStub.start();
        junction = junctionBuilder().build();
    }

    @AfterAll
    final void stopStubAndJunction() {
        try {
            if (junction != null) {
                junction.close();
            }
        } finally {
            if (stub != null) {
                stub.close();
            }
        }
    }

    @BeforeEach
    final void resetStub() {
        stub.reset();
    }

    /** The vendor stand-in. */
    protected VendorStub stub() {
        return stub;
    }

    /** The Junction under test (environment: empty). */
    protected Junction junction() {
        return junction;
    }

    /** The stub's URL standing in for the documented base URL (same path, local host). */
    protected String stubBaseUrl() {
        return stub.url(vendor().basePath());
    }

    /** {@code id:model?apiKey=KEY&baseUrl=STUB&maxRetries=0&timeout=20s}, values percent-encoded. */
    protected String configString(String model, String apiKey) {
        return configString(model, apiKey, Map.of());
    }

    /**
     * {@link #configString(String, String)} with some settings replaced or added, such as
     * {@code maxRetries=1} or another {@code baseUrl}; values percent-encoded here.
     */
    protected String configString(String model, String apiKey, Map<String, String> settings) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("apiKey", apiKey);
        all.put("baseUrl", stubBaseUrl());
        // One request per call, so that request counts stay exact; the retry checks ask for more.
        all.put("maxRetries", "0");
        all.put("timeout", CALL_TIMEOUT);
        all.putAll(settings);
        StringBuilder out = new StringBuilder(vendor().id()).append(model == null ? "" : ":" + model);
        char separator = '?';
        for (Map.Entry<String, String> e : all.entrySet()) {
            out.append(separator).append(e.getKey()).append('=').append(encode(e.getValue()));
            separator = '&';
        }
        return out.toString();
    }

    /** A chat model on the stub with {@link #TEST_KEY}. */
    protected ChatModel chatModel(String model) {
        return junction.chatModel(configString(model, TEST_KEY));
    }

    /** Makes the stub answer the documented chat path. */
    protected void replyWith(int status, String body, Map<String, String> headers) {
        stub.reply(vendor().chatPath(), status, body, headers);
        vendor().imagesPath().ifPresent(path -> stub.reply(path, status, body, headers));
    }

    /** Makes the stub answer with a fixture's exact bytes as JSON with HTTP 200. */
    protected void replyWithFixture(String fixture) {
        stub.reply(vendor().chatPath(), 200, Fixtures.bytes(getClass(), fixture), VendorStub.JSON);
        vendor().imagesPath().ifPresent(path -> stub.reply(path, 200, Fixtures.bytes(getClass(), fixture), VendorStub.JSON));
    }

    /** A fixture of the concrete test's module as text. */
    protected String fixture(String name) {
        return Fixtures.text(getClass(), name);
    }

    /** Calls and expects a {@link JunctionException}. */
    protected JunctionException failure(ChatModel model, ChatRequest request) {
        return assertThrows(JunctionException.class, () -> call(model, request));
    }

    /** {@link #call(Junction, ChatModel, ChatRequest)} on this class's Junction. */
    protected ChatResponse call(ChatModel model, ChatRequest request) {
        return call(junction, model, request);
    }

    /** {@link #call(Junction, ChatModel, ChatRequest)} with a one-line prompt. */
    protected ChatResponse call(ChatModel model, String prompt) {
        return call(junction, model, ChatRequest.of(prompt));
    }

    /** {@link #call(Junction, ChatModel, ChatRequest)} with a one-line prompt. */
    protected static ChatResponse call(Junction owner, ChatModel model, String prompt) {
        return call(owner, model, ChatRequest.of(prompt));
    }

    /**
     * Calls the model the way user code does, from the test's own thread, and waits at most
     * {@link #CALL_WAIT}, rethrowing the call's {@link JunctionException}. {@code owner} is the
     * Junction the model came from; it must still be open.
     */
    protected static ChatResponse call(Junction owner, ChatModel model, ChatRequest request) {
        return await(model.chat(request));
    }

    /**
     * Waits at most {@link #CALL_WAIT} for a Junction future, from the test's own thread, and
     * rethrows its {@link JunctionException}.
     */
    protected static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(CALL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new AssertionError("the call failed with a checked exception", e.getCause());
        } catch (TimeoutException e) {
            return fail("no answer within " + CALL_WAIT + " (the call's own timeout is " + CALL_TIMEOUT + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while waiting for the call");
        }
    }

    /** A one-line request for a model. */
    protected static ChatRequest prompt(String model, String text) {
        return ChatRequest.builder().model(model).user(text).build();
    }

    /** Percent-encodes a config-string value. */
    protected static String encode(String value) {
        // URLEncoder writes a space as '+', which config strings keep as a literal plus.
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

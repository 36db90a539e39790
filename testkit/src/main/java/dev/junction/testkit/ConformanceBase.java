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
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * The base of every conformance test: one {@link VendorStub} and one {@link Junction} per test
 * class, the Junction blind to the real environment so that no real key or base URL leaks in.
 * Subclasses say which vendor they test through {@link #vendor()}.
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

    @BeforeAll
    final void startStubAndJunction() {
        stub = VendorStub.start();
        junction = Junction.builder().environment(name -> null).build();
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

    /** {@code id:model?apiKey=KEY&baseUrl=STUB&maxRetries=0}, values percent-encoded. */
    protected String configString(String model, String apiKey) {
        return vendor().id() + (model == null ? "" : ":" + model)
                + "?apiKey=" + encode(apiKey)
                + "&baseUrl=" + encode(stubBaseUrl())
                // One request per call, so that request counts stay exact once retries arrive.
                + "&maxRetries=0"
                + "&timeout=" + CALL_TIMEOUT;
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

package dev.junction.bench;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where one arm of {@link GatewayOverheadBenchmark} posts its chat request: a port on 127.0.0.1, a
 * path, the headers and the JSON body, and whatever the arm started to serve it (a Portkey process,
 * a Junction gateway), which {@link #stop()} stops. The client and the stub are the same for every
 * arm; only the target differs.
 *
 * @param arm the arm's name, for messages
 * @param port the port on 127.0.0.1
 * @param path the request path
 * @param headers the request headers, Content-Type included
 * @param body the request body, prebuilt and sent as is on every call
 * @param owned what stopping the target closes; {@code null} for none
 */
record HttpTarget(String arm, int port, String path, Map<String, String> headers, Buffer body, AutoCloseable owned) {

    /** Builds the target of an arm that runs outside this code base's control, given its endpoint. */
    interface Factory {
        /** Starts whatever serves the arm, pointed at {@code stub}, and returns its target. */
        HttpTarget start(LoopbackStub stub) throws Exception;
    }

    /**
     * The chat request every arm sends: one user message with {@link LoopbackStub#PROMPT}, not
     * streamed, naming {@code model} (the vendor's model on the wire, or the gateway's
     * {@code provider/model}).
     */
    static Buffer chatBody(String model) {
        return Buffer.buffer("{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\""
                + LoopbackStub.PROMPT + "\"}],\"stream\":false}");
    }

    /** The headers every arm sends: JSON, and a bearer token (which the stub ignores). */
    static Map<String, String> baseHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Authorization", "Bearer sk-bench");
        return headers;
    }

    /** The stub itself, at acedata's chat path: the floor every other arm is measured against. */
    static HttpTarget direct(LoopbackStub stub) {
        return new HttpTarget("direct", stub.port(), LoopbackStub.ACEDATA_CHAT_PATH, baseHeaders(),
                chatBody(LoopbackStub.MODEL), null);
    }

    /** The Vert.x request options for this target, built once and only read afterwards. */
    RequestOptions requestOptions() {
        MultiMap map = MultiMap.caseInsensitiveMultiMap();
        headers.forEach(map::add);
        return new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(port).setURI(path)
                .setHeaders(map);
    }

    /** Closes what the arm started, if anything. */
    void stop() throws Exception {
        if (owned != null) {
            owned.close();
        }
    }
}

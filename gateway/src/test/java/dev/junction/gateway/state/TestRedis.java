package dev.junction.gateway.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import redis.embedded.RedisServer;

/**
 * A real redis-server (embedded-redis's binary) on a free port, which tests can stop and start
 * again on the same port. Nothing is saved to disk.
 */
public final class TestRedis {
    private final int port;
    private RedisServer server;

    private TestRedis(int port) {
        this.port = port;
    }

    public static TestRedis start() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        TestRedis r = new TestRedis(port);
        r.up();
        return r;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Starts redis-server again on the same port, empty. */
    public void up() throws IOException {
        server = RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"").setting("appendonly no").build();
        server.start();
    }

    public void down() throws IOException {
        server.stop();
    }

    /** Empties Redis between tests, over a plain socket so that no client state is involved. */
    public void flush() throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write("FLUSHALL\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] reply = in.readNBytes(5);
            assertEquals("+OK\r\n", new String(reply, StandardCharsets.US_ASCII));
        }
    }
}

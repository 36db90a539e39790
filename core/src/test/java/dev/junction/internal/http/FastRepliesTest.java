package dev.junction.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.junction.chat.ChatModel;
import dev.junction.testing.VendorServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Regression: calls started from a plain thread used to lose a fast reply now and then (the body
 * handlers were attached after the reply had been delivered) and hang until their timeout.
 * Thousands of back-to-back blocking calls against a local stub make that race show.
 */
class FastRepliesTest {
    private VendorServer vendor;

    @BeforeEach
    void start() {
        vendor = new VendorServer();
        vendor.reply(okJson(VendorServer.okBody("好的")));
    }

    @AfterEach
    void stop() {
        vendor.close();
    }

    @Test
    void everyBlockingCallGetsItsReply() {
        ChatModel model = vendor.model(VendorServer.MODEL, "&timeout=5s");
        int answered = 0;
        for (int i = 0; i < 3000; i++) {
            if (model.chatBlocking("你好").text().equals("好的")) {
                answered++;
            }
        }
        assertEquals(3000, answered);
    }
}

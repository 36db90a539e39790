package dev.junction.gateway.openai;

import static dev.junction.gateway.openai.Fixtures.q;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ErrorJsonTest {

    @Test
    void mapsEveryKindToItsStatus() {
        Map<ErrorKind, Integer> expected = new EnumMap<>(ErrorKind.class);
        expected.put(ErrorKind.INVALID_REQUEST, 400);
        expected.put(ErrorKind.UNSUPPORTED_FEATURE, 400);
        expected.put(ErrorKind.MODEL_NOT_FOUND, 404);
        expected.put(ErrorKind.RATE_LIMITED, 429);
        expected.put(ErrorKind.TIMEOUT, 504);
        expected.put(ErrorKind.CANCELLED, 499);
        for (ErrorKind k : new ErrorKind[] {ErrorKind.AUTHENTICATION, ErrorKind.PERMISSION_DENIED, ErrorKind.INSUFFICIENT_CREDITS,
                ErrorKind.SPEND_LIMIT_EXCEEDED, ErrorKind.CONFIGURATION, ErrorKind.UPSTREAM_ERROR, ErrorKind.SERVER_ERROR,
                ErrorKind.NETWORK, ErrorKind.PROTOCOL}) {
            expected.put(k, 502);
        }
        assertEquals(ErrorKind.values().length, expected.size(), "a kind core added needs a row in this test and the table");
        for (ErrorKind kind : ErrorKind.values()) {
            assertEquals(expected.get(kind), ErrorJson.status(kind), kind.name());
        }
    }

    @Test
    void writesTheEnvelopeWithNullCodeAndParam() {
        assertEquals(q("{'error':{'message':'Bad \\'thing\\'','type':'invalid_request','code':null,'param':null}}"),
                ErrorJson.envelope("Bad \"thing\"", "invalid_request", null, null).toString());
        assertEquals(q("{'error':{'message':'m','type':'t','code':'c','param':'messages[0].role'}}"),
                ErrorJson.envelope("m", "t", "c", "messages[0].role").toString());
    }

    @Test
    void writesAFailedCallWithVendorCodeHintProviderAndTraceButNoRawReply() {
        JunctionException e = JunctionException.builder(ErrorKind.RATE_LIMITED, "aivideoapi: rate limit exceeded")
                .provider("aivideoapi").httpStatus(429).vendorCode("rate_limit_exceeded").traceId("req-7f3a")
                .retryAfter(Duration.ofMillis(1500)).hint("slow down or raise the key's limit").rawReply("SECRET MODEL TEXT")
                .build();
        assertEquals(q("{'error':{'message':'aivideoapi: rate limit exceeded (slow down or raise the key\\u0027s limit)',"
                        + "'type':'rate_limited','code':'rate_limit_exceeded','param':null,'provider':'aivideoapi',"
                        + "'trace_id':'req-7f3a'}}").replace("\\u0027", "'"),
                ErrorJson.of(e).toString());
        assertEquals(Optional.of("2"), ErrorJson.retryAfterSeconds(e));
    }

    @Test
    void usesTheKindAsCodeWhenTheVendorGaveNone() {
        JunctionException e = JunctionException.builder(ErrorKind.MODEL_NOT_FOUND, "no provider serves gemini-9").build();
        assertEquals(q("{'error':{'message':'no provider serves gemini-9','type':'model_not_found','code':'model_not_found',"
                + "'param':null}}"), ErrorJson.of(e).toString());
        assertEquals(Optional.empty(), ErrorJson.retryAfterSeconds(e));
    }

    @Test
    void roundsRetryAfterUp() {
        assertEquals(Optional.of("3"), ErrorJson.retryAfterSeconds(retryAfter(Duration.ofSeconds(3))));
        assertEquals(Optional.of("1"), ErrorJson.retryAfterSeconds(retryAfter(Duration.ofNanos(1))));
        assertEquals(Optional.of("0"), ErrorJson.retryAfterSeconds(retryAfter(Duration.ZERO)));
        assertEquals(Optional.empty(), ErrorJson.retryAfterSeconds(retryAfter(Duration.ofSeconds(-1))));
    }

    private static JunctionException retryAfter(Duration d) {
        return JunctionException.builder(ErrorKind.RATE_LIMITED, "slow").retryAfter(d).build();
    }

    @Test
    void writesARefusedRequest() {
        GatewayRequestException e = GatewayRequestException.invalid(GatewayRequestException.UNRECOGNIZED_ARGUMENT, "foo",
                "unrecognized request argument supplied: foo");
        assertEquals(q("{'error':{'message':'unrecognized request argument supplied: foo','type':'invalid_request',"
                + "'code':'unrecognized_argument','param':'foo'}}"), ErrorJson.of(e).toString());
        assertEquals(400, e.status());
    }
}

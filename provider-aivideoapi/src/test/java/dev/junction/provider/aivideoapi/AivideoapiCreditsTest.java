package dev.junction.provider.aivideoapi;

import static dev.junction.testkit.ApiKeyCanaryConformance.CANARY;
import static dev.junction.testkit.ApiKeyCanaryConformance.assertNoCanary;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.junction.catalog.CreditBalance;
import dev.junction.catalog.ProviderView;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.testkit.ConformanceBase;
import dev.junction.testkit.Fixtures;
import dev.junction.testkit.MalformedReplyConformance;
import dev.junction.testkit.VendorDeclaration;
import dev.junction.testkit.VendorStub;
import java.math.BigDecimal;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * aivideoapi's balance, {@code GET /v1/credits}, which its docs name (积分不足。可通过 GET /v1/credits
 * 查询余额) without showing the reply: so several plausible shapes, each read leniently and kept raw.
 */
class AivideoapiCreditsTest extends ConformanceBase {
    /** The documented base URL's path, {@code /v1}, then the profile's {@code /credits}. */
    private static final String CREDITS_PATH = "/v1/credits";

    @Override
    protected VendorDeclaration vendor() {
        return AivideoapiVendor.DECLARATION;
    }

    private ProviderView provider() {
        return junction().provider(configString(null, TEST_KEY));
    }

    private void serve(int status, String body, Map<String, String> headers) {
        stub().reply(CREDITS_PATH, status, body, headers);
    }

    private JunctionException failure() {
        JunctionException e = assertThrows(JunctionException.class, () -> await(provider().credits()));
        assertEquals("aivideoapi", e.provider());
        assertEquals(1, stub().requests().size(), "exactly one request per call");
        return e;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "{\"credits\": 1234.5}                             | 1234.5 | credits       | credits",
        "{\"data\":{\"balance\":\"98.20\",\"unit\":\"USD\"}} | 98.20  | data.balance  | USD",
        "{\"data\":{\"credits\":0}}                        | 0      | data.credits  | credits",
        "1234.5                                            | 1234.5 | (whole reply) | NULL",
        "{\"foo\":\"bar\"}                                 | NULL   | NULL          | NULL"
    })
    void readsPlausibleBalanceShapesAndKeepsTheReply(String body, BigDecimal balance, String field, String unit) {
        serve(200, body, VendorStub.JSON);

        CreditBalance credit = await(provider().credits());

        assertAll(
                () -> assertEquals("aivideoapi", credit.provider()),
                () -> assertEquals(balance, credit.balance(), "balance, scale included"),
                () -> assertEquals(field, credit.field()),
                () -> assertEquals(unit, credit.unit()),
                () -> assertEquals(body, credit.rawJson(), "the reply, verbatim"));
    }

    @Test
    void sendsAnAuthenticatedGetToTheCreditsPath() {
        serve(200, "{\"credits\": 1234.5}", VendorStub.JSON);

        await(provider().credits());

        LoggedRequest request = stub().onlyRequest();
        assertAll(
                () -> assertEquals("GET", request.getMethod().getName(), "method"),
                () -> assertEquals(CREDITS_PATH, request.getUrl(), "path"),
                () -> assertEquals("Bearer " + TEST_KEY, request.getHeader("Authorization"), "Authorization header"),
                () -> assertEquals("application/json", request.getHeader("Accept"), "Accept header"),
                () -> assertEquals(0, request.getBody().length, "a GET carries no body"));
    }

    @ParameterizedTest(name = "base URL ending in \"{0}\"")
    @ValueSource(strings = {"/", "//"})
    void hitsTheCreditsPathWhenTheBaseUrlEndsInSlashes(String ending) {
        serve(200, "{\"credits\": 7}", VendorStub.JSON);
        String config = "aivideoapi?apiKey=" + TEST_KEY + "&baseUrl=" + encode(stubBaseUrl() + ending);

        assertEquals(new BigDecimal("7"), await(junction().provider(config).credits()).balance());

        assertEquals(CREDITS_PATH, stub().onlyRequest().getUrl());
    }

    @Test
    void defaultsToTheDocumentedBaseUrl() {
        assertEquals(URI.create("https://api.aivideoapi.ai/v1"), junction().provider("aivideoapi").baseUrl());
    }

    @Test
    void mapsAnInvalidKeyToAuthenticationWithTheDocsHint() {
        // The docs' envelope, with the code, type and 说明 of the 错误码一览 row for 401.
        serve(401, AivideoapiVendor.errorBody("invalid_api_key", "API Key 无效、已禁用或已删除"), VendorStub.JSON);

        JunctionException e = failure();

        assertAll(
                () -> assertEquals(ErrorKind.AUTHENTICATION, e.kind()),
                () -> assertEquals(Optional.of("invalid_api_key"), e.vendorCode()),
                () -> assertEquals(OptionalInt.of(401), e.httpStatus()),
                () -> assertFalse(e.retryable()),
                () -> assertTrue(e.getMessage().contains("API Key 无效、已禁用或已删除"), e::getMessage),
                () -> assertTrue(e.hint().orElse("").contains("keys start with sk-"), () -> "the docs' hint: " + e.hint()));
    }

    @Test
    void mapsTheDocumentedInsufficientCreditsReplyWithAHintAtThisEndpoint() {
        serve(402, Fixtures.text(getClass(), "fixtures/error-insufficient-credits.json"), VendorStub.JSON);

        JunctionException e = failure();

        assertEquals(ErrorKind.INSUFFICIENT_CREDITS, e.kind());
        assertTrue(e.getMessage().contains("Your credit balance is too low. Please top up."), e::getMessage);
        assertTrue(e.hint().orElse("").contains("GET /v1/credits"), () -> "hint: " + e.hint());
    }

    @Test
    void mapsAnErrorEnvelopeSentWithHttp200ByItsCode() {
        serve(200, AivideoapiVendor.errorBody("invalid_api_key", "API Key 无效、已禁用或已删除"), VendorStub.JSON);

        assertEquals(ErrorKind.AUTHENTICATION, failure().kind());
    }

    @Test
    void mapsAnNginxHtml502ToARetryableServerError() {
        serve(502, MalformedReplyConformance.NGINX_502, VendorStub.HTML);

        JunctionException e = failure();

        assertEquals(ErrorKind.SERVER_ERROR, e.kind());
        assertTrue(e.retryable());
        assertFalse(e.getMessage().contains("<"), e::getMessage);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{\"credits\": 12", "<html>ok</html>"})
    void failsWithProtocolForAnEmptyOrBrokenBodyWithHttp200(String body) {
        serve(200, body, VendorStub.JSON);

        JunctionException e = failure();

        assertEquals(ErrorKind.PROTOCOL, e.kind());
        assertEquals(OptionalInt.of(200), e.httpStatus());
    }

    // The key canary at the balance endpoint, which the kit's canary (chat only) does not reach.

    @Test
    void scrubsTheKeyWhenTheBalanceEndpointEchoesItInAnError() {
        stub().reply(CREDITS_PATH, 401, AivideoapiVendor.errorBody("invalid_api_key", "Incorrect API key provided: " + CANARY + "."),
                VendorStub.JSON);

        JunctionException e = assertThrows(JunctionException.class,
                () -> await(junction().provider(configString(null, CANARY)).credits()));

        assertEquals("Bearer " + CANARY, stub().onlyRequest().getHeader("Authorization"), "the canary must reach the vendor");
        assertEquals(ErrorKind.AUTHENTICATION, e.kind());
        assertTrue(e.getMessage().contains("Incorrect API key provided: ****"), () -> "the echo should be masked, not dropped: " + e.getMessage());
        assertNoCanary(e);
    }

    @Test
    void masksTheKeyInABalanceReplyThatEchoesIt() {
        stub().reply(CREDITS_PATH, 200, "{\"credits\":12,\"key\":\"" + CANARY + "\"}", VendorStub.JSON);

        CreditBalance credit = await(junction().provider(configString(null, CANARY)).credits());

        assertEquals(new BigDecimal("12"), credit.balance());
        assertEquals("{\"credits\":12,\"key\":\"****\"}", credit.rawJson());
        assertNoCanary(credit.toString(), "CreditBalance");
    }

    @Test
    void scrubsTheKeyFromAnHtmlErrorPageOfTheBalanceEndpoint() {
        stub().reply(CREDITS_PATH, 502, "<html><body><h1>502 Bad Gateway</h1><p>upstream rejected key " + CANARY + "</p></body></html>",
                VendorStub.HTML);

        JunctionException e = assertThrows(JunctionException.class,
                () -> await(junction().provider(configString(null, CANARY)).credits()));

        assertEquals(ErrorKind.SERVER_ERROR, e.kind());
        assertTrue(e.getMessage().contains("upstream rejected key ****"), e::getMessage);
        assertNoCanary(e);
    }
}

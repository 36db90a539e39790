package dev.junction.provider.aivideoapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.catalog.CreditBalance;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.testkit.ApiKeyCanaryConformance;
import dev.junction.testkit.VendorDeclaration;
import dev.junction.testkit.VendorStub;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** An aivideoapi key never leaks into strings or errors, from chat or from the balance. */
class AivideoapiApiKeyCanaryTest extends ApiKeyCanaryConformance {
    private static final String CREDITS_PATH = "/v1/credits";

    @Override
    protected VendorDeclaration vendor() {
        return AivideoapiVendor.DECLARATION;
    }

    @Override
    protected String invalidKeyCode() {
        return "invalid_api_key";
    }

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

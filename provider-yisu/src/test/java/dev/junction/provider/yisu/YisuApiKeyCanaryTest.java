package dev.junction.provider.yisu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.testkit.ApiKeyCanaryConformance;
import dev.junction.testkit.VendorDeclaration;
import dev.junction.testkit.VendorStub;
import org.junit.jupiter.api.Test;

/** A yisu key never leaks into strings or errors, from chat or from the model list. */
class YisuApiKeyCanaryTest extends ApiKeyCanaryConformance {
    @Override
    protected VendorDeclaration vendor() {
        return YisuVendor.DECLARATION;
    }

    @Override
    protected String invalidKeyCode() {
        return "invalid_api_key";
    }

    @Test
    void scrubsTheKeyWhenTheModelListEchoesItInAnError() {
        stub().reply("/v1/models", 401, YisuVendor.errorBody("invalid_api_key", "Incorrect API key provided: " + CANARY + "."),
                VendorStub.JSON);

        JunctionException e = assertThrows(JunctionException.class,
                () -> await(junction().provider(configString(null, CANARY)).remoteModels()));

        assertEquals("Bearer " + CANARY, stub().onlyRequest().getHeader("Authorization"), "the canary must reach the vendor");
        assertEquals(ErrorKind.AUTHENTICATION, e.kind());
        assertTrue(e.getMessage().contains("Incorrect API key provided: ****"), () -> "the echo should be masked, not dropped: " + e.getMessage());
        assertNoCanary(e);
    }

    @Test
    void scrubsTheKeyFromAModelListWithoutData() {
        stub().reply("/v1/models", 200, "{\"object\":\"list\",\"debug\":\"Authorization: Bearer " + CANARY + "\"}", VendorStub.JSON);

        JunctionException e = assertThrows(JunctionException.class,
                () -> await(junction().provider(configString(null, CANARY)).remoteModels()));

        assertEquals(ErrorKind.PROTOCOL, e.kind());
        assertTrue(e.getMessage().contains("Bearer ****"), e::getMessage);
        assertNoCanary(e);
    }
}

package dev.junction.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.matching.EqualToJsonPattern;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/** Assertions on what the vendor stub received. */
public final class WireAssertions {
    private WireAssertions() {
    }

    /**
     * The two JSON texts are equal: same fields, same values, same array order, nothing extra
     * (WireMock's {@code equalToJson} with no leniency).
     */
    public static void assertSameJson(String expected, String actual, String what) {
        boolean same = new EqualToJsonPattern(expected, false, false).match(actual).isExactMatch();
        assertTrue(same, () -> what + ": expected\n" + expected + "\nbut was\n" + actual);
    }

    /** A POST of JSON to {@code path} carrying the key the way the vendor's docs say ({@code Authorization: Bearer KEY} by default). */
    public static void assertChatCall(VendorDeclaration vendor, LoggedRequest request, String path, String apiKey) {
        assertEquals("POST", request.getMethod().getName(), "method");
        assertEquals(path, request.getUrl(), "path");
        assertEquals(vendor.authValue(apiKey), request.getHeader(vendor.authHeader()), vendor.authHeader() + " header");
        String contentType = request.getHeader("Content-Type");
        assertNotNull(contentType, "Content-Type header");
        assertTrue(contentType.startsWith("application/json"), () -> "Content-Type should be JSON: " + contentType);
    }
}

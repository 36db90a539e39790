package dev.junction.spi.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.catalog.Capability;
import dev.junction.catalog.ModelInfo;
import dev.junction.chat.Role;
import dev.junction.error.ErrorKind;
import dev.junction.testing.TestVendorFactory;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading a vendor's JSON profile, and the catalog lookups built on it. */
class VendorProfileTest {
    private static final String MINIMAL = """
            {"id":"v","baseUrl":"https://v.example","chatPath":"/chat","models":[{"id":"m"}]%s}
            """;

    private static VendorProfile read(String json) {
        return VendorProfile.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "v.json");
    }

    @Test
    void readsTheTestProfile() {
        VendorProfile profile = TestVendorFactory.profile(TestVendorFactory.ID);
        assertEquals("Test Vendor", profile.displayName());
        assertEquals(URI.create("https://api.testvendor.invalid"), profile.baseUrl());
        assertTrue(profile.streamsByDefault());
        assertEquals(List.of("gemini-2.5-pro", "gemini-3-pro-image"), profile.models().ids());
        assertEquals(ErrorKind.RATE_LIMITED, profile.errorCodes().get("rate_limit_exceeded"));
        assertEquals(0, new BigDecimal("4.80").compareTo(profile.prices().get(0).outputPerMillion()));
        assertEquals("testvendor", profile.prices().get(0).provider());
    }

    @Test
    void fillsDefaultsForAMinimalProfile() {
        VendorProfile profile = read(MINIMAL.formatted(""));
        assertEquals("v", profile.displayName());
        assertFalse(profile.streamsByDefault());
        assertEquals("m", profile.models().find("m").orElseThrow().vendorModel());
        assertTrue(profile.prices().isEmpty());
        assertNull(profile.pricesNote());
    }

    @Test
    void findsModelsByCanonicalIdThenVendorName() {
        VendorProfile profile = TestVendorFactory.profile(TestVendorFactory.ID);
        ModelInfo byId = profile.models().find("gemini-3-pro-image").orElseThrow();
        assertEquals(byId, profile.models().find("google/gemini-3-pro-image-preview").orElseThrow());
        assertTrue(byId.can(Capability.IMAGE_OUTPUT));
        assertFalse(byId.can(Capability.REASONING_CONTROL));
        assertTrue(profile.models().find("gemini-1.0").isEmpty());
        assertTrue(profile.models().find(null).isEmpty());
    }

    @Test
    void failsForAMissingResource() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> VendorProfile.read(null, "gone.json"));
        assertTrue(e.getMessage().contains("gone.json"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{not json | not valid JSON",
        "{\"baseUrl\":\"https://v\",\"chatPath\":\"/c\",\"models\":[{\"id\":\"m\"}]} | id is required",
        "{\"id\":\"v\",\"baseUrl\":\"https://v\",\"chatPath\":\"c\",\"models\":[{\"id\":\"m\"}]} | chatPath must start with /",
        "{\"id\":\"v\",\"baseUrl\":\"https://v\",\"chatPath\":\"/c hat\",\"models\":[{\"id\":\"m\"}]} | chatPath is not a valid URL path",
        "{\"id\":\"v\",\"baseUrl\":\"https://v\",\"chatPath\":\"/c\",\"models\":[]} | models needs at least one model",
        "{\"id\":\"v\",\"baseUrl\":\"https://v\",\"chatPath\":\"/c\",\"models\":[{\"id\":\"m\",\"capabilities\":[\"TELEPATHY\"]}]} | unknown capability TELEPATHY",
        "{\"id\":\"v\",\"chatPath\":\"/c\",\"models\":[{\"id\":\"m\"}]} | baseUrl is required"
    })
    void namesTheResourceAndFieldOfABadProfile(String json, String expected) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> read(json));
        assertTrue(e.getMessage().contains("v.json"), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void rejectsAPriceForAModelNotInTheCatalog() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> read(MINIMAL.formatted(
                ",\"prices\":[{\"model\":\"other\",\"currency\":\"USD\",\"inputPerMillion\":\"1\",\"outputPerMillion\":\"2\"}]")));
        assertTrue(e.getMessage().contains("prices[0] (v other): model other is not in models"), e.getMessage());
    }

    @Test
    void rejectsAPriceThatIsNotADecimal() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> read(MINIMAL.formatted(
                ",\"prices\":[{\"model\":\"m\",\"currency\":\"USD\",\"inputPerMillion\":\"cheap\",\"outputPerMillion\":\"2\"}]")));
        assertTrue(e.getMessage().contains("inputPerMillion must be a decimal number"), e.getMessage());
    }

    @Test
    void readsTheEndpointsBesidesChat() {
        VendorProfile profile = read(MINIMAL.formatted(",\"endpoints\":{\"credits\":\"/credits\",\"models\":\"/v1/models\"}"));
        assertEquals(new VendorProfile.Endpoints("/credits", "/v1/models"), profile.endpoints());
    }

    @Test
    void hasNoEndpointsWhenTheProfileNamesNone() {
        assertEquals(VendorProfile.Endpoints.NONE, read(MINIMAL.formatted("")).endpoints());
        assertEquals(VendorProfile.Endpoints.NONE, read(MINIMAL.formatted(",\"endpoints\":{}")).endpoints());
        assertEquals(VendorProfile.Endpoints.NONE, read(MINIMAL.formatted(",\"endpoints\":null")).endpoints());
        VendorProfile only = read(MINIMAL.formatted(",\"endpoints\":{\"models\":\"/models\"}"));
        assertNull(only.endpoints().credits());
        assertEquals("/models", only.endpoints().models());
    }

    @Test
    void defaultsTheWireNamesToOpenAis() {
        VendorProfile plain = read(MINIMAL.formatted(""));
        assertEquals("developer", plain.roleName(Role.DEVELOPER));
        assertEquals("max_tokens", plain.maxOutputTokensField());
        assertTrue(plain.acceptsMediaUrls());
        assertEquals(List.of(), plain.rules());
        assertEquals(VendorProfile.Endpoints.NONE, plain.endpoints());
    }

    @Test
    void readsRoleNamesOutputCapAndMediaUrlsAsData() {
        VendorProfile p = read(MINIMAL.formatted(",\"roles\":{\"developer\":\"system\"},\"maxOutputTokensField\":\"max_completion_tokens\","
                + "\"acceptsMediaUrls\":false,\"rules\":[\"NO_TOOLS_WITH_RESPONSE_FORMAT\"]"));
        assertEquals("system", p.roleName(Role.DEVELOPER));
        assertEquals("user", p.roleName(Role.USER), "roles not named keep the OpenAI name");
        assertEquals("max_completion_tokens", p.maxOutputTokensField());
        assertFalse(p.acceptsMediaUrls());
        assertEquals(List.of(VendorRule.NO_TOOLS_WITH_RESPONSE_FORMAT), p.rules());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"roles\":{\"boss\":\"system\"} | roles.boss is not a role (known: system, developer, user, assistant, tool)",
        "\"roles\":{\"developer\":\"\"} | roles.developer must be the role name the vendor expects",
        "\"roles\":[\"system\"] | roles must be an object",
        "\"maxOutputTokensField\":7 | maxOutputTokensField must be a non-empty string",
        "\"acceptsMediaUrls\":\"no\" | acceptsMediaUrls must be true or false"
    })
    void namesTheFieldOfBadWireData(String field, String expected) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> read(MINIMAL.formatted("," + field)));
        assertTrue(e.getMessage().startsWith("vendor profile v.json: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void rejectsAnEndpointPathWithoutALeadingSlashWhenBuiltInCode() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new VendorProfile.Endpoints("credits", null));
        assertTrue(e.getMessage().contains("must start with /"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"endpoints\":{\"balance\":\"/credits\"} | endpoints.balance is not a known endpoint (known: credits, models, images)",
        "\"endpoints\":{\"credits\":\"credits\"} | endpoints.credits must start with /",
        "\"endpoints\":{\"models\":\"/v1/mod els\"} | endpoints.models is not a valid URL path",
        "\"endpoints\":{\"models\":42} | endpoints.models must be a path",
        "\"endpoints\":{\"credits\":\"\"} | endpoints.credits must be a path",
        "\"endpoints\":[\"/credits\"] | endpoints must be an object",
        "\"endpoints\":\"/credits\" | endpoints must be an object"
    })
    void namesTheResourceAndKeyOfABadEndpoint(String endpoints, String expected) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> read(MINIMAL.formatted("," + endpoints)));
        assertTrue(e.getMessage().startsWith("vendor profile v.json: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void rejectsAnUnknownErrorKind() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> read(MINIMAL.formatted(
                ",\"errorCodes\":{\"oops\":\"CATASTROPHE\"}")));
        assertTrue(e.getMessage().contains("errorCodes.oops"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"basUrl\":\"https://v\" | basUrl is not a known field; did you mean \"baseUrl\"? Known fields: $schema, $comment, id,",
        "\"auth\":{\"headr\":\"x-api-key\"} | auth.headr is not a known field; did you mean \"header\"? Known fields of auth: scheme, header",
        "\"auth\":{\"scheme\":\"basic\"} | auth.scheme must be \"bearer\" (Bearer KEY) or \"raw\" (the key alone), got \"basic\"",
        "\"auth\":{\"header\":\"x api key\"} | auth.header \"x api key\" is not a valid HTTP header name",
        "\"mediaPart\":\"images\" | mediaPart must be \"image_url\"",
        "\"reply\":{\"reasoningFields\":[]} | reply.reasoningFields must be a non-empty array of field names",
        "\"reply\":{\"imagesField\":\"\"} | reply.imagesField must be a non-empty string",
        "\"errorEnvelope\":{\"traceId\":\"trace_id\"} | errorEnvelope.traceId must be a JSON Pointer starting with /",
        "\"errorEnvelope\":{\"when\":[{\"pointer\":\"/success\"}]} | errorEnvelope.when[0] needs exactly one of \"equals\" (a value) or \"present\": true",
        "\"errorEnvelope\":{\"when\":[{\"pointer\":\"/s\",\"equals\":{}}]} | errorEnvelope.when[0].equals must be a string, number, true, false or null",
        "\"streamsByDefault\":\"yes\" | streamsByDefault must be true or false",
        "\"errorCodes\":{\"x\":\"NOPE\"} | errorCodes.x unknown error kind NOPE; known: INVALID_REQUEST,",
        "\"rules\":[\"NO_TOOLS\"] | rules unknown rule NO_TOOLS; known: NO_TOOLS_WITH_RESPONSE_FORMAT"
    })
    void namesTheFieldAndFixOfABadDialectFieldOrTypo(String field, String expected) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> read(MINIMAL.formatted("," + field)));
        assertTrue(e.getMessage().startsWith("vendor profile v.json: " + expected), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"id\":\"My Vendor\",\"baseUrl\":\"https://v\",\"chatPath\":\"/c\",\"models\":[{\"id\":\"m\"}]} | id \"My Vendor\" is not a valid provider id",
        "{\"id\":\"v\",\"baseUrl\":\"ftp://v\",\"chatPath\":\"/c\",\"models\":[{\"id\":\"m\"}]} | baseUrl \"ftp://v\" is not an http(s) URL",
        "{\"id\":\"v\",\"baseUrl\":\"https://v\",\"chatPath\":\"/c\",\"models\":[{\"id\":\"m\",\"vendorModle\":\"x\"}]} | models[m].vendorModle is not a known field; did you mean \"vendorModel\"?"
    })
    void checksTheIdBaseUrlAndModelKeys(String json, String expected) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> read(json));
        assertTrue(e.getMessage().startsWith("vendor profile v.json: " + expected), e.getMessage());
    }
}

package dev.junction.provider.acedata;

import dev.junction.testkit.ApiKeyCanaryConformance;
import dev.junction.testkit.VendorDeclaration;

/** An acedata token never leaks into strings or errors. */
class AcedataApiKeyCanaryTest extends ApiKeyCanaryConformance {
    @Override
    protected VendorDeclaration vendor() {
        return AcedataVendor.DECLARATION;
    }

    @Override
    protected String invalidKeyCode() {
        return "invalid_token";
    }
}

package dev.junction.provider.aivideoapi;

import dev.junction.testkit.ApiKeyCanaryConformance;
import dev.junction.testkit.VendorDeclaration;

/** An aivideoapi key never leaks into strings or errors. */
class AivideoapiApiKeyCanaryTest extends ApiKeyCanaryConformance {
    @Override
    protected VendorDeclaration vendor() {
        return AivideoapiVendor.DECLARATION;
    }

    @Override
    protected String invalidKeyCode() {
        return "invalid_api_key";
    }
}

package dev.junction.provider.google;

import dev.junction.testkit.ApiKeyCanaryConformance;
import dev.junction.testkit.VendorDeclaration;

class GoogleApiKeyCanaryTest extends ApiKeyCanaryConformance {
    @Override
    protected VendorDeclaration vendor() {
        return GoogleVendor.DECLARATION;
    }

    @Override
    protected String invalidKeyCode() {
        return "UNAUTHENTICATED";
    }
}

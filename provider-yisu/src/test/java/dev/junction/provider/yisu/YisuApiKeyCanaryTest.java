package dev.junction.provider.yisu;

import dev.junction.testkit.ApiKeyCanaryConformance;
import dev.junction.testkit.VendorDeclaration;

/** A yisu key never leaks into strings or errors. */
class YisuApiKeyCanaryTest extends ApiKeyCanaryConformance {
    @Override
    protected VendorDeclaration vendor() {
        return YisuVendor.DECLARATION;
    }

    @Override
    protected String invalidKeyCode() {
        return "invalid_api_key";
    }
}

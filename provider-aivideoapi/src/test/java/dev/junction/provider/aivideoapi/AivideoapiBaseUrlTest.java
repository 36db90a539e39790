package dev.junction.provider.aivideoapi;

import dev.junction.testkit.BaseUrlConformance;
import dev.junction.testkit.VendorDeclaration;

/** aivideoapi's base URL (with its /v1) defaults, overrides and trailing slashes. */
class AivideoapiBaseUrlTest extends BaseUrlConformance {
    @Override
    protected VendorDeclaration vendor() {
        return AivideoapiVendor.DECLARATION;
    }
}

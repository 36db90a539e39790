package dev.junction.provider.acedata;

import dev.junction.testkit.BaseUrlConformance;
import dev.junction.testkit.VendorDeclaration;

/** acedata's base URL defaults, overrides and trailing slashes. */
class AcedataBaseUrlTest extends BaseUrlConformance {
    @Override
    protected VendorDeclaration vendor() {
        return AcedataVendor.DECLARATION;
    }
}

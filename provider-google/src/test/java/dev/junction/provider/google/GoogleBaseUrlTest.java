package dev.junction.provider.google;

import dev.junction.testkit.BaseUrlConformance;
import dev.junction.testkit.VendorDeclaration;

class GoogleBaseUrlTest extends BaseUrlConformance {
    @Override
    protected VendorDeclaration vendor() {
        return GoogleVendor.DECLARATION;
    }
}

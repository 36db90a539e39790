package dev.junction.provider.yisu;

import dev.junction.testkit.BaseUrlConformance;
import dev.junction.testkit.VendorDeclaration;

/** yisu's base URL defaults, overrides and trailing slashes. */
class YisuBaseUrlTest extends BaseUrlConformance {
    @Override
    protected VendorDeclaration vendor() {
        return YisuVendor.DECLARATION;
    }
}

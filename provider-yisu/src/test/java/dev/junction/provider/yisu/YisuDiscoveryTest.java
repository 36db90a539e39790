package dev.junction.provider.yisu;

import dev.junction.testkit.DiscoveryConformance;
import dev.junction.testkit.VendorDeclaration;

/** yisu is discovered by id and serves its documented catalog. */
class YisuDiscoveryTest extends DiscoveryConformance {
    @Override
    protected VendorDeclaration vendor() {
        return YisuVendor.DECLARATION;
    }
}

package dev.junction.provider.acedata;

import dev.junction.testkit.DiscoveryConformance;
import dev.junction.testkit.VendorDeclaration;

/** acedata is discovered by id and serves its documented catalog. */
class AcedataDiscoveryTest extends DiscoveryConformance {
    @Override
    protected VendorDeclaration vendor() {
        return AcedataVendor.DECLARATION;
    }
}

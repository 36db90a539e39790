package dev.junction.provider.aivideoapi;

import dev.junction.testkit.DiscoveryConformance;
import dev.junction.testkit.VendorDeclaration;

/** aivideoapi is discovered by id and serves its documented catalog. */
class AivideoapiDiscoveryTest extends DiscoveryConformance {
    @Override
    protected VendorDeclaration vendor() {
        return AivideoapiVendor.DECLARATION;
    }
}

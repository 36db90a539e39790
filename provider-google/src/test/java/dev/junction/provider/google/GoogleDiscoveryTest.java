package dev.junction.provider.google;

import dev.junction.testkit.DiscoveryConformance;
import dev.junction.testkit.VendorDeclaration;

class GoogleDiscoveryTest extends DiscoveryConformance {
    @Override
    protected VendorDeclaration vendor() {
        return GoogleVendor.DECLARATION;
    }
}

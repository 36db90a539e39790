package dev.junction.provider.acedata;

import dev.junction.testkit.AccountEndpointConformance;
import dev.junction.testkit.VendorDeclaration;

/** The kit's account-endpoint checks against acedata's documented endpoints. */
class AcedataAccountEndpointConformanceTest extends AccountEndpointConformance {
    @Override
    protected VendorDeclaration vendor() {
        return AcedataVendor.DECLARATION;
    }
}

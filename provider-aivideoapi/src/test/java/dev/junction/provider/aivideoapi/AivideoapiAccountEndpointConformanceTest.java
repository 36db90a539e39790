package dev.junction.provider.aivideoapi;

import dev.junction.testkit.AccountEndpointConformance;
import dev.junction.testkit.VendorDeclaration;

/** The kit's account-endpoint checks against aivideoapi's documented endpoints. */
class AivideoapiAccountEndpointConformanceTest extends AccountEndpointConformance {
    @Override
    protected VendorDeclaration vendor() {
        return AivideoapiVendor.DECLARATION;
    }
}

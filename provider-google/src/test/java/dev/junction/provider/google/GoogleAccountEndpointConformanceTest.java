package dev.junction.provider.google;

import dev.junction.testkit.AccountEndpointConformance;
import dev.junction.testkit.VendorDeclaration;

class GoogleAccountEndpointConformanceTest extends AccountEndpointConformance {
    @Override
    protected VendorDeclaration vendor() {
        return GoogleVendor.DECLARATION;
    }
}

package dev.junction.provider.yisu;

import dev.junction.testkit.AccountEndpointConformance;
import dev.junction.testkit.VendorDeclaration;

/** The kit's account-endpoint checks against yisu's documented endpoints. */
class YisuAccountEndpointConformanceTest extends AccountEndpointConformance {
    @Override
    protected VendorDeclaration vendor() {
        return YisuVendor.DECLARATION;
    }
}

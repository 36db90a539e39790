package dev.junction.provider.google;

import dev.junction.testkit.MalformedReplyConformance;
import dev.junction.testkit.VendorDeclaration;

class GoogleMalformedReplyTest extends MalformedReplyConformance {
    @Override
    protected VendorDeclaration vendor() {
        return GoogleVendor.DECLARATION;
    }
}

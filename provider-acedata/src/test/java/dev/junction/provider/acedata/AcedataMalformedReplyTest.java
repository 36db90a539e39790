package dev.junction.provider.acedata;

import dev.junction.testkit.MalformedReplyConformance;
import dev.junction.testkit.VendorDeclaration;

/** acedata behind a proxy that answers with HTML, empty bodies or broken JSON. */
class AcedataMalformedReplyTest extends MalformedReplyConformance {
    @Override
    protected VendorDeclaration vendor() {
        return AcedataVendor.DECLARATION;
    }
}

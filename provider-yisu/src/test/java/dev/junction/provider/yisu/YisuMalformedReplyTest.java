package dev.junction.provider.yisu;

import dev.junction.testkit.MalformedReplyConformance;
import dev.junction.testkit.VendorDeclaration;

/** yisu behind a proxy that answers with HTML, empty bodies or broken JSON. */
class YisuMalformedReplyTest extends MalformedReplyConformance {
    @Override
    protected VendorDeclaration vendor() {
        return YisuVendor.DECLARATION;
    }
}

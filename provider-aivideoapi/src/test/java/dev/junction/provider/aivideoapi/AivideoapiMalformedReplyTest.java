package dev.junction.provider.aivideoapi;

import dev.junction.testkit.MalformedReplyConformance;
import dev.junction.testkit.VendorDeclaration;

/** aivideoapi behind a proxy that answers with HTML, empty bodies or broken JSON. */
class AivideoapiMalformedReplyTest extends MalformedReplyConformance {
    @Override
    protected VendorDeclaration vendor() {
        return AivideoapiVendor.DECLARATION;
    }
}

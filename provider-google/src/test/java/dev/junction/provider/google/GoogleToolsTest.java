package dev.junction.provider.google;

import dev.junction.testkit.ToolSupportConformance;
import dev.junction.testkit.VendorDeclaration;

class GoogleToolsTest extends ToolSupportConformance {
    @Override
    protected VendorDeclaration vendor() {
        return GoogleVendor.DECLARATION;
    }
}

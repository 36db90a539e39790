package dev.junction.provider.acedata;

import dev.junction.testkit.ToolSupportConformance;
import dev.junction.testkit.VendorDeclaration;

/** acedata documents no function calling, web search or structured output: each fails before anything is sent. */
class AcedataToolsTest extends ToolSupportConformance {
    @Override
    protected VendorDeclaration vendor() {
        return AcedataVendor.DECLARATION;
    }
}

package dev.junction.provider.yisu;

import dev.junction.testkit.ToolSupportConformance;
import dev.junction.testkit.VendorDeclaration;

/** yisu documents no function calling, web search or structured output: each fails before anything is sent. */
class YisuToolsTest extends ToolSupportConformance {
    @Override
    protected VendorDeclaration vendor() {
        return YisuVendor.DECLARATION;
    }
}

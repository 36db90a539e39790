package dev.junction.spi.openai;

import dev.junction.chat.ChatRequest;
import dev.junction.chat.Tool;

/**
 * A documented vendor rule that Junction checks before sending, so that the call fails at once
 * instead of at the vendor. A vendor profile lists the rules that apply in its {@code rules} array.
 */
public enum VendorRule {
    /** {@code tools} and {@code response_format} may not be sent together. */
    NO_TOOLS_WITH_RESPONSE_FORMAT("tools and a response format cannot be used together",
            "drop the tools or the response format; to get JSON from a tool loop, ask for the schema in the last turn only"),
    /** Web search and function tools may not be sent together. */
    NO_WEB_SEARCH_WITH_FUNCTION_TOOLS("web search and function tools cannot be used together",
            "send web search and function tools in separate calls");

    private final String rule;
    private final String hint;

    VendorRule(String rule, String hint) {
        this.rule = rule;
        this.hint = hint;
    }

    /** The rule in words, for the error message. */
    public String rule() {
        return rule;
    }

    /** What to do instead. */
    public String hint() {
        return hint;
    }

    /** Whether the request breaks this rule. */
    public boolean isBrokenBy(ChatRequest request) {
        return switch (this) {
            case NO_TOOLS_WITH_RESPONSE_FORMAT -> !request.tools().isEmpty() && request.responseFormat() != null;
            case NO_WEB_SEARCH_WITH_FUNCTION_TOOLS -> has(request, Tool.Function.class) && has(request, Tool.WebSearch.class);
        };
    }

    private static boolean has(ChatRequest request, Class<? extends Tool> kind) {
        for (Tool tool : request.tools()) {
            if (kind.isInstance(tool)) {
                return true;
            }
        }
        return false;
    }
}

package dev.junction.chat;

import java.util.List;
import java.util.Objects;

/**
 * One turn of a conversation.
 *
 * @param role who speaks
 * @param parts the content, in order; empty only for an assistant turn that just called tools
 * @param toolCallId for {@link Role#TOOL} messages, the id of the call being answered; otherwise {@code null}
 * @param toolCalls for {@link Role#ASSISTANT} messages, the tool calls the model made in that turn; otherwise empty
 */
public record Message(Role role, List<Part> parts, String toolCallId, List<ToolCall> toolCalls) {

    /** Checks the message is well formed and copies the lists. */
    public Message {
        Objects.requireNonNull(role, "role");
        parts = List.copyOf(Objects.requireNonNull(parts, "parts"));
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        if (!toolCalls.isEmpty() && role != Role.ASSISTANT) {
            throw new IllegalArgumentException("only assistant messages carry tool calls");
        }
        if (parts.isEmpty() && toolCalls.isEmpty()) {
            throw new IllegalArgumentException("a " + role.wireName() + " message needs at least one part");
        }
        if (role == Role.TOOL && (toolCallId == null || toolCallId.isBlank())) {
            throw new IllegalArgumentException("a tool message needs the id of the tool call it answers");
        }
    }

    /** A message of the given role made of parts. */
    public static Message of(Role role, Part... parts) {
        return new Message(role, List.of(parts), null, null);
    }

    /** An earlier assistant turn that called tools, for tool loops; {@code text} may be empty. */
    public static Message assistant(String text, List<ToolCall> toolCalls) {
        boolean noText = text == null || text.isEmpty();
        boolean noCalls = toolCalls == null || toolCalls.isEmpty();
        return new Message(Role.ASSISTANT, noText && !noCalls ? List.of() : List.of(Part.text(noText ? "" : text)), null, toolCalls);
    }

    /** A system instruction. */
    public static Message system(String text) {
        return of(Role.SYSTEM, Part.text(text));
    }

    /** A developer instruction. */
    public static Message developer(String text) {
        return of(Role.DEVELOPER, Part.text(text));
    }

    /** A user turn in plain text. */
    public static Message user(String text) {
        return of(Role.USER, Part.text(text));
    }

    /** A user turn with text and media. */
    public static Message user(Part... parts) {
        return of(Role.USER, parts);
    }

    /** An earlier assistant reply, for multi-turn conversations. */
    public static Message assistant(String text) {
        return of(Role.ASSISTANT, Part.text(text));
    }

    /** The result of a tool call. */
    public static Message tool(String toolCallId, String result) {
        return new Message(Role.TOOL, List.of(Part.text(result)), toolCallId, null);
    }

    /** The concatenated text parts, ignoring media. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Part.Text t) {
                sb.append(t.text());
            }
        }
        return sb.toString();
    }
}

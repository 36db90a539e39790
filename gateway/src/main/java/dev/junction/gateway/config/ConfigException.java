package dev.junction.gateway.config;

import java.util.List;
import java.util.Objects;

/**
 * A gateway configuration that cannot be used: every problem found, one per line, each naming the
 * field (as a path such as {@code keys[1].budget.daily_usd}), the problem and the fix. No message
 * holds a key, a secret's value or a Redis password.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** One problem: the field's path ({@code ""} for the whole file) and what is wrong with it. */
    public record Problem(String field, String message) {

        /** Checks the fields are present. */
        public Problem {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(message, "message");
        }

        /** {@code field: message}, or the message alone for the whole file. */
        @Override
        public String toString() {
            return field.isEmpty() ? message : field + ": " + message;
        }
    }

    private final transient List<Problem> problems;

    /** One problem with one field. */
    public ConfigException(String field, String message) {
        this(null, List.of(new Problem(field, message)));
    }

    /**
     * Problems found in a file.
     *
     * @param source the file, named at the start of the message, or {@code null}
     * @param problems at least one
     */
    public ConfigException(String source, List<Problem> problems) {
        super(message(source, problems));
        this.problems = List.copyOf(problems);
    }

    private static String message(String source, List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("no problems");
        }
        String prefix = source == null ? "" : source + ": ";
        if (problems.size() == 1) {
            return prefix + problems.get(0);
        }
        StringBuilder out = new StringBuilder(prefix).append(problems.size()).append(" problems:");
        problems.forEach(p -> out.append('\n').append(p));
        return out.toString();
    }

    /** The first problem's field, such as {@code keys[1].budget.daily_usd}; {@code ""} for the whole file. */
    public String field() {
        return problems.get(0).field();
    }

    /** Every problem, in the order found. */
    public List<Problem> problems() {
        return problems;
    }
}

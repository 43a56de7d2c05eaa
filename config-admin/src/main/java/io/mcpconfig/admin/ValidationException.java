package io.mcpconfig.admin;

import java.util.List;

/** The input is wrong: every problem found (not only the first), each naming the item, field and line. */
public final class ValidationException extends AdminException {
    private final List<Problem> problems;

    public ValidationException(List<Problem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    static ValidationException of(Scope scope, Kind kind, String key, String field, String reason) {
        return new ValidationException(List.of(new Problem(scope, kind, key, field, 0, reason)));
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String summary(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a validation failure needs at least one problem");
        }
        String first = problems.get(0).toString();
        return problems.size() == 1 ? first : first + " (and " + (problems.size() - 1) + " more)";
    }
}

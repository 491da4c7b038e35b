package io.skylift.model;

import java.io.Serial;
import java.util.List;
import java.util.stream.Collectors;

/** Thrown when resources refer to others that are not in the inventory; lists every such reference. */
public final class MissingDependencyException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient List<MissingDependency> missing;

    public MissingDependencyException(List<MissingDependency> missing) {
        super(message(missing));
        this.missing = List.copyOf(missing);
    }

    /** Every missing reference, sorted. */
    public List<MissingDependency> missing() {
        return missing;
    }

    private static String message(List<MissingDependency> missing) {
        if (missing.isEmpty()) {
            throw new IllegalArgumentException("missing is empty");
        }
        String heading = missing.size() == 1
                ? "1 dependency is not in the inventory:"
                : missing.size() + " dependencies are not in the inventory:";
        return missing.stream().map(m -> "  " + m).collect(Collectors.joining("\n", heading + "\n", ""));
    }
}

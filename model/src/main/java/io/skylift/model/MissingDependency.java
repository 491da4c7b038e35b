package io.skylift.model;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;

/**
 * A reference that points at nothing in the inventory: {@code from} needs {@code to} as
 * {@code role}.
 */
public record MissingDependency(ResourceRef from, String role, ResourceRef to) implements Comparable<MissingDependency> {

    private static final Comparator<MissingDependency> ORDER = Comparator.comparing(MissingDependency::from)
            .thenComparing(MissingDependency::role)
            .thenComparing(MissingDependency::to);

    public MissingDependency {
        requireNonNull(from, "from is null");
        requireNonNull(role, "role is null");
        requireNonNull(to, "to is null");
    }

    @Override
    public int compareTo(MissingDependency other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return from + " needs " + to + " as '" + role + "'";
    }
}

package io.skylift.model;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a {@link ResourceFile}: a resource picked by type and name, with options for how
 * to carry it ({@code save_state: true}, or a Downpour-style override such as
 * {@code key_name: other-key}).
 *
 * @param owner the project (or, for keypairs, the user) the resource belongs to; {@code null}
 *              means the one the source endpoint works in, and is the only value a global type
 *              takes
 */
public record Selection(ResourceType type, String owner, String name, Map<String, Object> options) {

    public Selection {
        requireNonNull(type, "type is null");
        requireNonNull(name, "name is null");
        if (name.isBlank()) {
            throw new IllegalArgumentException(type + " name is blank");
        }
        if (owner != null && type.scope() == Scope.GLOBAL) {
            throw new IllegalArgumentException(type + " '" + name + "' is global and takes no owner, but has '" + owner + "'");
        }
        options = ImmutableTree.copyOf("options", options);
    }

    public static Selection of(ResourceType type, String owner, String name) {
        return new Selection(type, owner, name, Map.of());
    }

    public Optional<String> ownerIfGiven() {
        return Optional.ofNullable(owner);
    }

    /** Whether this entry names the same resource as {@code other}, whatever their options. */
    public boolean sameResource(Selection other) {
        return type == other.type && name.equals(other.name) && Objects.equals(owner, other.owner);
    }

    public Selection withOptions(Map<String, ?> more) {
        Map<String, Object> merged = new LinkedHashMap<>(options);
        merged.putAll(more);
        return new Selection(type, owner, name, merged);
    }
}

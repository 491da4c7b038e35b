package io.skylift.model;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Comparator;

/**
 * Names one resource by type, owner and name, as a source and a destination cloud both can; ids
 * differ between clouds, so they live in {@link Resource#info()}, never here.
 *
 * <p>The owner is the project name for {@link Scope#PROJECT project-scoped} types, the user name
 * for {@link Scope#USER user-scoped} ones ({@code keypair}) and {@code null} for
 * {@link Scope#GLOBAL global} ones. The string form is {@code type:owner/name}, or
 * {@code type:name} for global types: {@code network:demo/private}, {@code keypair:alice/laptop},
 * {@code flavor:m1.tiny}. An owner cannot contain {@code /}; a name can, so
 * {@code image:demo/ubuntu/24.04} is the image {@code ubuntu/24.04}.
 *
 * <p>References order by type (in {@link ResourceType} declaration order), then owner (global
 * first), then name.
 */
public record ResourceRef(ResourceType type, String owner, String name) implements Comparable<ResourceRef> {

    private static final Comparator<ResourceRef> ORDER = Comparator.comparing(ResourceRef::type)
            .thenComparing(ResourceRef::owner, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(ResourceRef::name);

    public ResourceRef {
        requireNonNull(type, "type is null");
        requireNonNull(name, "name is null");
        if (type.scope() == Scope.GLOBAL) {
            if (owner != null) {
                throw new IllegalArgumentException(
                        type + " is global and takes no owner, but owner is '" + owner + "'; expected " + type.scope().form(type));
            }
        }
        else {
            if (owner == null) {
                throw new IllegalArgumentException(type + " needs an owner; expected " + type.scope().form(type));
            }
            checkText("owner", owner);
            if (owner.indexOf('/') >= 0) {
                throw new IllegalArgumentException("owner '" + owner + "' contains '/'; expected " + type.scope().form(type));
            }
        }
        checkText("name", name);
    }

    /** A reference to a resource of a project- or user-scoped type. */
    public static ResourceRef of(ResourceType type, String owner, String name) {
        return new ResourceRef(type, owner, name);
    }

    /** A reference to a resource of a global type. */
    public static ResourceRef global(ResourceType type, String name) {
        return new ResourceRef(type, null, name);
    }

    /**
     * Reads the {@link #toString() string form}.
     *
     * @throws IllegalArgumentException quoting {@code text} and the form its type expects
     */
    @JsonCreator
    public static ResourceRef parse(String text) {
        requireNonNull(text, "text is null");
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw invalid(text, "expected type:<project>/<name> such as network:demo/private, or type:<name> for a global type such as flavor:m1.tiny");
        }
        ResourceType type;
        try {
            type = ResourceType.fromId(text.substring(0, colon));
        }
        catch (IllegalArgumentException e) {
            throw invalid(text, e.getMessage());
        }
        String rest = text.substring(colon + 1);
        try {
            if (type.scope() == Scope.GLOBAL) {
                return new ResourceRef(type, null, rest);
            }
            int slash = rest.indexOf('/');
            if (slash < 0) {
                throw new IllegalArgumentException(type + " has an owner; expected " + type.scope().form(type));
            }
            return new ResourceRef(type, rest.substring(0, slash), rest.substring(slash + 1));
        }
        catch (IllegalArgumentException e) {
            throw invalid(text, e.getMessage());
        }
    }

    @Override
    public int compareTo(ResourceRef other) {
        return ORDER.compare(this, other);
    }

    /** The string form that {@link #parse(String)} reads back. */
    @JsonValue
    @Override
    public String toString() {
        return owner == null ? type.id() + ":" + name : type.id() + ":" + owner + "/" + name;
    }

    private static void checkText(String what, String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " is blank");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            // A newline or tab would break the one-line string form and every table we print.
            throw new IllegalArgumentException(what + " '" + value.replaceAll("\\p{Cntrl}", "?") + "' contains a control character");
        }
    }

    private static IllegalArgumentException invalid(String text, String reason) {
        return new IllegalArgumentException("invalid resource reference '" + text + "': " + reason);
    }
}

package io.skylift.model;

/**
 * The namespace a resource's name is unique in, which decides the owner part of a
 * {@link ResourceRef}.
 */
public enum Scope {
    /** One namespace for the whole cloud; a reference has no owner ({@code flavor:m1.tiny}). */
    GLOBAL("<name>"),
    /** Owned by a project; the owner is the project name ({@code network:demo/private}). */
    PROJECT("<project>/<name>"),
    /**
     * Owned by a user, whatever project they work in (Nova keypairs); the owner is the user name
     * ({@code keypair:alice/laptop}).
     */
    USER("<user>/<name>");

    private final String form;

    Scope(String form) {
        this.form = form;
    }

    /** The string form of a reference to {@code type}, such as {@code network:<project>/<name>}. */
    public String form(ResourceType type) {
        return type.id() + ":" + form;
    }
}

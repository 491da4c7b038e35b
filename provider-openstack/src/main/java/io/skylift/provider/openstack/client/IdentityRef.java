package io.skylift.provider.openstack.client;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** A Keystone user, project or domain, named either by id or by name (within a domain, for users and projects). */
public sealed interface IdentityRef {

    static IdentityRef id(String id) {
        return new Id(id);
    }

    /** A domain, or anything Keystone looks up by name alone. */
    static IdentityRef name(String name) {
        return new Name(name, Optional.empty());
    }

    static IdentityRef name(String name, IdentityRef domain) {
        return new Name(name, Optional.of(domain));
    }

    /** The object Keystone's auth request takes: {@code {"id": ...}} or {@code {"name": ..., "domain": {...}}}. */
    ObjectNode toJson();

    /** How messages name it: {@code demo} or {@code id 8a7c...}. */
    String describe();

    record Id(String id) implements IdentityRef {
        public Id {
            requireNonBlank(id, "id");
        }

        @Override
        public ObjectNode toJson() {
            return JsonNodeFactory.instance.objectNode().put("id", id);
        }

        @Override
        public String describe() {
            return "id " + id;
        }
    }

    record Name(String name, Optional<IdentityRef> domain) implements IdentityRef {
        public Name {
            requireNonBlank(name, "name");
            requireNonNull(domain, "domain is null");
        }

        @Override
        public ObjectNode toJson() {
            ObjectNode node = JsonNodeFactory.instance.objectNode().put("name", name);
            domain.ifPresent(d -> node.set("domain", d.toJson()));
            return node;
        }

        @Override
        public String describe() {
            return name;
        }
    }

    private static void requireNonBlank(String value, String what) {
        requireNonNull(value, what + " is null");
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " is blank");
        }
    }
}

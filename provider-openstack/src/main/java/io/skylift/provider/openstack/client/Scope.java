package io.skylift.provider.openstack.client;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** What a password token is scoped to. Application credentials bring their own project scope. */
public sealed interface Scope {

    static Scope project(IdentityRef project) {
        return new Project(project);
    }

    static Scope domain(IdentityRef domain) {
        return new Domain(domain);
    }

    /** The {@code scope} object of a Keystone v3 auth request. */
    ObjectNode toJson();

    record Project(IdentityRef project) implements Scope {
        public Project {
            requireNonNull(project, "project is null");
        }

        @Override
        public ObjectNode toJson() {
            ObjectNode scope = JsonNodeFactory.instance.objectNode();
            scope.set("project", project.toJson());
            return scope;
        }
    }

    record Domain(IdentityRef domain) implements Scope {
        public Domain {
            requireNonNull(domain, "domain is null");
        }

        @Override
        public ObjectNode toJson() {
            ObjectNode scope = JsonNodeFactory.instance.objectNode();
            scope.set("domain", domain.toJson());
            return scope;
        }
    }
}

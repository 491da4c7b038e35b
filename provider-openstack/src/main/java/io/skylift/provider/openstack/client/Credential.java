package io.skylift.provider.openstack.client;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** What proves who we are to Keystone. {@code toString} never shows the secret. */
public sealed interface Credential {

    /** The {@code identity} object of a Keystone v3 auth request. */
    ObjectNode identity();

    /** How messages name the one that authenticates: {@code user demo}. */
    String describe();

    /** What to check when Keystone says no. */
    String fix();

    record Password(IdentityRef user, String password) implements Credential {
        public Password {
            requireNonNull(user, "user is null");
            requireNonNull(password, "password is null");
        }

        @Override
        public ObjectNode identity() {
            ObjectNode identity = JsonNodeFactory.instance.objectNode();
            identity.putArray("methods").add("password");
            ObjectNode userNode = user.toJson().put("password", password);
            identity.putObject("password").set("user", userNode);
            return identity;
        }

        @Override
        public String describe() {
            return "user " + user.describe();
        }

        @Override
        public String fix() {
            return "check the user name, its domain and the password";
        }

        @Override
        public String toString() {
            return "Password[user=" + user + ", password=******]";
        }
    }

    /**
     * A Keystone application credential, by id, or by name together with the user that owns it.
     * It carries its own project scope, so no scope is sent with it.
     */
    record ApplicationCredential(IdentityRef credential, Optional<IdentityRef> user, String secret) implements Credential {
        public ApplicationCredential {
            requireNonNull(credential, "credential is null");
            requireNonNull(user, "user is null");
            requireNonNull(secret, "secret is null");
            if (credential instanceof IdentityRef.Name && user.isEmpty()) {
                throw new IllegalArgumentException("an application credential named by name needs its user: " + credential.describe());
            }
        }

        @Override
        public ObjectNode identity() {
            ObjectNode identity = JsonNodeFactory.instance.objectNode();
            identity.putArray("methods").add("application_credential");
            ObjectNode body = switch (credential) {
                case IdentityRef.Id id -> JsonNodeFactory.instance.objectNode().put("id", id.id());
                // An application credential's name is unique per user, not per domain.
                case IdentityRef.Name name -> JsonNodeFactory.instance.objectNode().put("name", name.name());
            };
            user.ifPresent(u -> body.set("user", u.toJson()));
            body.put("secret", secret);
            identity.set("application_credential", body);
            return identity;
        }

        @Override
        public String describe() {
            return "application credential " + credential.describe();
        }

        @Override
        public String fix() {
            return "check the application credential's id or name and its secret, and that it has not expired or been deleted";
        }

        @Override
        public String toString() {
            return "ApplicationCredential[credential=" + credential + ", user=" + user + ", secret=******]";
        }
    }
}

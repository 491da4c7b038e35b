package io.skylift.provider.openstack;

import io.skylift.provider.openstack.client.Credential;
import io.skylift.provider.openstack.client.EndpointInterface;
import io.skylift.provider.openstack.client.IdentityRef;
import io.skylift.provider.openstack.client.OpenStackClient;
import io.skylift.provider.openstack.client.Scope;
import io.skylift.provider.openstack.client.TlsTrust;
import io.skylift.spi.ConnectionInfo;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Turns connection values (the connection schema's keys) into a client's settings. The schema
 * has checked their shape; this checks what it cannot say, with the fix in the message.
 */
final class ConnectionToClient {

    private ConnectionToClient() {}

    static OpenStackClient.Builder convert(ConnectionInfo connection) {
        String origin = connection.string("cloud").map(cloud -> "clouds.yaml entry " + cloud).orElse("OS_* variables or the endpoint's connection settings");
        String authUrl = connection.string("auth_url").orElseThrow(() -> invalid("auth_url is missing: set it to Keystone's URL, such as http://keystone:5000/v3", origin));
        URI uri;
        try {
            uri = new URI(authUrl);
        } catch (URISyntaxException e) {
            throw invalid("auth_url '" + authUrl + "' is not a URL: " + e.getReason(), origin);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw invalid("auth_url '" + authUrl + "' is not an http or https URL", origin);
        }
        OpenStackClient.Builder builder = OpenStackClient.builder(uri, credential(connection, origin)).origin(origin);
        if (connection.string("password").isPresent()) {
            scope(connection, origin).ifPresent(builder::scope);
        }
        connection.string("region_name").ifPresent(builder::region);
        connection.string("interface").map(EndpointInterface::fromId).ifPresent(builder::endpointInterface);
        if (connection.flag("insecure")) {
            builder.tlsTrust(TlsTrust.insecure());
        } else {
            connection.string("cacert").map(Path::of).map(TlsTrust::caBundle).ifPresent(builder::tlsTrust);
        }
        return builder;
    }

    private static Credential credential(ConnectionInfo connection, String origin) {
        Optional<IdentityRef> user = user(connection, origin);
        Optional<String> password = connection.string("password");
        Optional<String> secret = connection.string("application_credential_secret");
        if (password.isPresent() == secret.isPresent()) {
            throw invalid("set either password or application_credential_secret, " + (password.isPresent() ? "not both" : "one is needed"), origin);
        }
        if (password.isPresent()) {
            return new Credential.Password(user.orElseThrow(() -> invalid("password needs username (with user_domain_name) or user_id", origin)), password.get());
        }
        Optional<String> id = connection.string("application_credential_id");
        Optional<String> name = connection.string("application_credential_name");
        if (id.isPresent()) {
            return new Credential.ApplicationCredential(IdentityRef.id(id.get()), Optional.empty(), secret.get());
        }
        if (name.isEmpty() || user.isEmpty()) {
            throw invalid("an application credential needs application_credential_id, or application_credential_name with username or user_id", origin);
        }
        return new Credential.ApplicationCredential(IdentityRef.name(name.get()), user, secret.get());
    }

    private static Optional<IdentityRef> user(ConnectionInfo connection, String origin) {
        if (connection.string("user_id").isPresent()) {
            return connection.string("user_id").map(IdentityRef::id);
        }
        return connection.string("username").map(name -> IdentityRef.name(name, domain(connection, "user", origin)));
    }

    private static Optional<Scope> scope(ConnectionInfo connection, String origin) {
        if (connection.string("project_id").isPresent()) {
            return connection.string("project_id").map(IdentityRef::id).map(Scope::project);
        }
        if (connection.string("project_name").isPresent()) {
            return connection.string("project_name").map(name -> Scope.project(IdentityRef.name(name, domain(connection, "project", origin))));
        }
        if (connection.string("domain_id").isPresent()) {
            return connection.string("domain_id").map(IdentityRef::id).map(Scope::domain);
        }
        return connection.string("domain_name").map(IdentityRef::name).map(Scope::domain);
    }

    /** The domain of a user or project named by name; Keystone cannot find a name without one. */
    private static IdentityRef domain(ConnectionInfo connection, String of, String origin) {
        return connection.string(of + "_domain_id").map(IdentityRef::id)
                .or(() -> connection.string(of + "_domain_name").map(IdentityRef::name))
                .orElseThrow(() -> invalid(of + (of.equals("user") ? "name" : "_name") + " needs " + of + "_domain_name or " + of + "_domain_id (often Default)", origin));
    }

    private static SkyliftException invalid(String message, String origin) {
        return new SkyliftException(ErrorCode.INVALID_INPUT, message + " (" + origin + ")");
    }
}

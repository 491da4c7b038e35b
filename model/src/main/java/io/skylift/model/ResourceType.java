package io.skylift.model;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The kinds of resource Skylift knows, each with the {@link Scope} its names are unique in.
 *
 * <p>Declaration order is a plausible creation order (identity, then catalog, then network, then
 * compute); {@link ResourceGraph} uses it only to break ties between resources that do not depend
 * on each other, so output is stable from run to run.
 *
 * <p>Scoping follows where OpenStack makes names unique and where a migration recreates them:
 * <ul>
 *   <li>global: {@code project}, {@code user}, {@code flavor} and {@code volume_type} (admin-made;
 *       private ones have access lists, but their names share one namespace);
 *   <li>per user: {@code keypair}, because Nova keys belong to a user and follow them into every
 *       project, so they are recreated as that user;
 *   <li>per project: everything else, including public images and shared or external networks,
 *       which are owned by the project that created them (usually {@code admin}), and a private
 *       flavor's access list, one {@code flavor_access:<project>/<flavor>} for each project on it.
 * </ul>
 * Types that have no name in the cloud ({@code router_interface}, {@code security_group_rule},
 * {@code role_assignment}, {@code quota}, {@code flavor_access}, often {@code port} and
 * {@code floating_ip}) get a stable name from the provider that inventories them, for example
 * {@code router_interface:demo/r1/sub1}.
 */
public enum ResourceType {
    PROJECT("project", Scope.GLOBAL),
    USER("user", Scope.GLOBAL),
    ROLE_ASSIGNMENT("role_assignment", Scope.PROJECT, "project"),
    QUOTA("quota", Scope.PROJECT, "project"),
    FLAVOR("flavor", Scope.GLOBAL),
    FLAVOR_ACCESS("flavor_access", Scope.PROJECT, "project"),
    VOLUME_TYPE("volume_type", Scope.GLOBAL),
    KEYPAIR("keypair", Scope.USER),
    IMAGE("image", Scope.PROJECT),
    NETWORK("network", Scope.PROJECT),
    SUBNET("subnet", Scope.PROJECT),
    ROUTER("router", Scope.PROJECT),
    ROUTER_INTERFACE("router_interface", Scope.PROJECT, "subnet"),
    SECURITY_GROUP("security_group", Scope.PROJECT),
    SECURITY_GROUP_RULE("security_group_rule", Scope.PROJECT, "security_group"),
    PORT("port", Scope.PROJECT),
    FLOATING_IP("floating_ip", Scope.PROJECT, "port"),
    SERVER_GROUP("server_group", Scope.PROJECT),
    VOLUME("volume", Scope.PROJECT),
    VOLUME_SNAPSHOT("volume_snapshot", Scope.PROJECT),
    SERVER("server", Scope.PROJECT);

    private final String id;
    private final Scope scope;
    private final String partOf;

    ResourceType(String id, Scope scope) {
        this(id, scope, null);
    }

    ResourceType(String id, Scope scope, String partOf) {
        this.id = id;
        this.scope = scope;
        this.partOf = partOf;
    }

    /** The name used in resource files, references and the CLI, such as {@code volume_type}. */
    @JsonValue
    public String id() {
        return id;
    }

    public Scope scope() {
        return scope;
    }

    /**
     * The role through which a resource of this type belongs to another, so that
     * {@link ResourceGraph#closure} brings it along with that other one although nothing depends
     * on it: a security group's rules ({@code security_group}), a subnet's router interfaces
     * ({@code subnet}, and through them the router), a port's floating IPs ({@code port}), a
     * project's role assignments, quotas and flavor accesses ({@code project}, and through the
     * accesses the private flavors the project may use). A flavor access is a part of its project,
     * not of its flavor, so that a server brings its flavor without every project on its list.
     */
    public Optional<String> partOf() {
        return Optional.ofNullable(partOf);
    }

    /**
     * The type whose {@link #id()} is {@code id}.
     *
     * @throws IllegalArgumentException naming the bad id and every valid one
     */
    @JsonCreator
    public static ResourceType fromId(String id) {
        requireNonNull(id, "id is null");
        for (ResourceType type : values()) {
            if (type.id.equals(id)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown resource type '" + id + "'; expected one of: "
                + Arrays.stream(values()).map(ResourceType::id).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return id;
    }
}

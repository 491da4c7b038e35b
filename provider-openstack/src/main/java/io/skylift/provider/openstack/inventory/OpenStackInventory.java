package io.skylift.provider.openstack.inventory;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.skylift.model.Resource;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import io.skylift.model.Scope;
import io.skylift.provider.openstack.ApiReader;
import io.skylift.provider.openstack.ServiceType;
import io.skylift.spi.Inventory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Reads one OpenStack project into the portable model: what the connection's token is scoped to,
 * plus the shared and external networks and public images it uses, even as admin (an admin sees
 * every project's networks and images; migrating one project should not drag in the others).
 *
 * <p>A read lists each collection it needs once, then works in two passes. The first gives every
 * resource its {@link ResourceRef}, in an order where a port's name can use its server's and
 * network's; two resources of one type and owner with the same name are both renamed
 * {@code <name>~<first 8 characters of the id>}, because a name shared by two is no name. The
 * second pass converts each document, resolving the ids it holds through those refs.
 */
public final class OpenStackInventory implements Inventory {

    /** The order refs are given in: each type after those whose names its own unnamed resources borrow. */
    private static final List<ResourceType> NAMING_ORDER = List.of(ResourceType.PROJECT, ResourceType.NETWORK,
            ResourceType.SUBNET, ResourceType.ROUTER, ResourceType.SECURITY_GROUP, ResourceType.SERVER,
            ResourceType.IMAGE, ResourceType.VOLUME, ResourceType.VOLUME_SNAPSHOT, ResourceType.SERVER_GROUP,
            ResourceType.PORT, ResourceType.ROUTER_INTERFACE, ResourceType.SECURITY_GROUP_RULE,
            ResourceType.FLOATING_IP);

    /** The types whose refs a type's resources need, to be named or to refer to others. */
    private static final Map<ResourceType, Set<ResourceType>> NEEDS = Map.ofEntries(
            Map.entry(ResourceType.USER, Set.of(ResourceType.PROJECT)),
            Map.entry(ResourceType.SUBNET, Set.of(ResourceType.NETWORK)),
            Map.entry(ResourceType.ROUTER, Set.of(ResourceType.NETWORK)),
            Map.entry(ResourceType.ROUTER_INTERFACE, Set.of(ResourceType.ROUTER, ResourceType.SUBNET)),
            Map.entry(ResourceType.SECURITY_GROUP_RULE, Set.of(ResourceType.SECURITY_GROUP)),
            Map.entry(ResourceType.PORT, Set.of(ResourceType.NETWORK, ResourceType.SUBNET,
                    ResourceType.SECURITY_GROUP, ResourceType.SERVER)),
            Map.entry(ResourceType.FLOATING_IP, Set.of(ResourceType.NETWORK, ResourceType.PORT)),
            Map.entry(ResourceType.VOLUME, Set.of(ResourceType.SERVER)),
            Map.entry(ResourceType.VOLUME_SNAPSHOT, Set.of(ResourceType.VOLUME)),
            Map.entry(ResourceType.SERVER, Set.of(ResourceType.IMAGE, ResourceType.PORT, ResourceType.VOLUME,
                    ResourceType.SECURITY_GROUP, ResourceType.SERVER_GROUP)));

    private final ApiReader reader;
    private final ConnectionScope scope;

    public OpenStackInventory(ApiReader reader, ConnectionScope scope) {
        this.reader = requireNonNull(reader, "reader is null");
        this.scope = requireNonNull(scope, "scope is null");
    }

    @Override
    public List<Resource> read(Set<ResourceType> types) {
        requireNonNull(types, "types is null");
        Reading reading = new Reading(new ApiDocuments(reader, scope.projectId()), types);
        ConversionContext context = reading.name(needed(types));
        List<Resource> resources = new ArrayList<>();
        for (ResourceType type : ResourceType.values()) {
            if (types.contains(type)) {
                resources.addAll(reading.convert(type, context));
            }
        }
        return List.copyOf(resources);
    }

    private static Set<ResourceType> needed(Set<ResourceType> types) {
        Set<ResourceType> needed = EnumSet.noneOf(ResourceType.class);
        List<ResourceType> pending = new ArrayList<>(types);
        while (!pending.isEmpty()) {
            ResourceType type = pending.removeLast();
            if (needed.add(type)) {
                pending.addAll(NEEDS.getOrDefault(type, Set.of()));
            }
        }
        return needed;
    }

    /** The state of one {@link #read}: the documents fetched so far. */
    private final class Reading {

        private final ApiDocuments documents;
        private final Set<ResourceType> requested;

        Reading(ApiDocuments documents, Set<ResourceType> requested) {
            this.documents = documents;
            this.requested = requested;
        }

        ConversionContext name(Set<ResourceType> types) {
            ConversionContext.Builder builder = ConversionContext.builder(scope.projectId());
            builder.project(scope.projectId(), scope.projectName());
            scope.knownProjects().forEach(builder::project);
            boolean projectScoped = types.stream().anyMatch(type -> type.scope() == Scope.PROJECT);
            if (projectScoped || types.contains(ResourceType.PROJECT) || types.contains(ResourceType.USER)) {
                // Only an admin may list every project; anyone may list their own.
                List<JsonNode> projects = documents.readable(ApiListing.PROJECTS)
                        .orElseGet(() -> documents.list(ApiListing.AUTH_PROJECTS));
                projects.forEach(project -> builder.project(project.path("id").asText(), project.path("name").asText()));
            }
            builder.user(scope.userId(), scope.userName());
            if (types.contains(ResourceType.USER) || types.contains(ResourceType.SERVER)) {
                documents.list(ApiListing.USERS).forEach(user -> builder.user(user.path("id").asText(), user.path("name").asText()));
            }

            ConversionContext context = builder.build();
            for (ResourceType type : NAMING_ORDER) {
                if (types.contains(type)) {
                    assignRefs(documents(type), builder, context, namer(type));
                    context = builder.build();
                }
            }
            return context;
        }

        List<Resource> convert(ResourceType type, ConversionContext context) {
            List<JsonNode> items = documents(type);
            return switch (type) {
                case PROJECT -> items.stream().map(KeystoneProjectToResource::convert).toList();
                case USER -> items.stream().map(user -> KeystoneUserToResource.convert(user, context)).toList();
                case ROLE_ASSIGNMENT -> items.stream().map(KeystoneRoleAssignmentToResource::convert).toList();
                case QUOTA -> quotas();
                case FLAVOR -> items.stream().map(NovaFlavorToResource::convert).toList();
                case FLAVOR_ACCESS -> flavorAccesses();
                case VOLUME_TYPE -> items.stream().map(CinderVolumeTypeToResource::convert).toList();
                case KEYPAIR -> keypairs(items, context);
                case IMAGE -> items.stream().map(image -> GlanceImageToResource.convert(image, context)).toList();
                case NETWORK -> items.stream().map(network -> NeutronNetworkToResource.convert(network, context)).toList();
                case SUBNET -> items.stream().map(subnet -> NeutronSubnetToResource.convert(subnet, context)).toList();
                case ROUTER -> items.stream().map(router -> NeutronRouterToResource.convert(router, context)).toList();
                case ROUTER_INTERFACE -> items.stream()
                        .map(port -> NeutronRouterInterfaceToResource.convert(port, context)).toList();
                case SECURITY_GROUP -> items.stream()
                        .map(group -> NeutronSecurityGroupToResource.convert(group, context)).toList();
                case SECURITY_GROUP_RULE -> items.stream()
                        .map(rule -> NeutronSecurityGroupRuleToResource.convert(rule, context)).toList();
                case PORT -> items.stream().map(port -> NeutronPortToResource.convert(port, context)).toList();
                case FLOATING_IP -> items.stream()
                        .map(floatingIp -> NeutronFloatingIpToResource.convert(floatingIp, context)).toList();
                case SERVER_GROUP -> items.stream().map(group -> NovaServerGroupToResource.convert(group, context)).toList();
                case VOLUME -> items.stream().map(volume -> CinderVolumeToResource.convert(volume, context)).toList();
                case VOLUME_SNAPSHOT -> items.stream()
                        .map(snapshot -> CinderSnapshotToResource.convert(snapshot, context)).toList();
                case SERVER -> {
                    List<JsonNode> ports = documents.list(ApiListing.PORTS);
                    List<JsonNode> volumes = documents.list(ApiListing.VOLUMES);
                    List<JsonNode> groups = documents.list(ApiListing.SERVER_GROUPS);
                    yield items.stream()
                            .map(server -> NovaServerToResource.convert(server, ports, volumes, groups, context))
                            .toList();
                }
            };
        }

        /** The documents of one type that belong to this inventory. */
        private List<JsonNode> documents(ResourceType type) {
            return switch (type) {
                case PROJECT -> documents.list(ApiListing.PROJECTS);
                case USER -> documents.list(ApiListing.USERS);
                // An admin carries every project's, a member their own project's.
                case ROLE_ASSIGNMENT -> documents.readable(ApiListing.ALL_ROLE_ASSIGNMENTS)
                        .orElseGet(() -> documents.list(ApiListing.ROLE_ASSIGNMENTS)).stream()
                        .filter(KeystoneRoleAssignmentToResource::isUserOnProject)
                        .toList();
                case QUOTA -> List.of();
                case FLAVOR -> documents.list(ApiListing.FLAVORS);
                case FLAVOR_ACCESS -> List.of();
                case VOLUME_TYPE -> documents.list(ApiListing.VOLUME_TYPES);
                case KEYPAIR -> documents.list(ApiListing.KEYPAIRS);
                case IMAGE -> images();
                case NETWORK -> networks();
                case SUBNET -> {
                    Set<String> networks = new HashSet<>();
                    networks().forEach(network -> networks.add(network.path("id").asText()));
                    yield documents.list(ApiListing.SUBNETS).stream()
                            .filter(subnet -> networks.contains(subnet.path("network_id").asText()))
                            .toList();
                }
                case ROUTER -> documents.list(ApiListing.ROUTERS);
                case ROUTER_INTERFACE -> documents.list(ApiListing.PORTS).stream()
                        .filter(NeutronRouterInterfaceToResource::isRouterInterface)
                        .toList();
                case SECURITY_GROUP -> documents.list(ApiListing.SECURITY_GROUPS);
                // The group listing embeds its rules, which saves listing them again.
                case SECURITY_GROUP_RULE -> documents.list(ApiListing.SECURITY_GROUPS).stream()
                        .flatMap(group -> group.path("security_group_rules").valueStream())
                        .toList();
                case PORT -> documents.list(ApiListing.PORTS).stream().filter(NeutronPortToResource::isResource).toList();
                case FLOATING_IP -> documents.list(ApiListing.FLOATING_IPS);
                case SERVER_GROUP -> documents.list(ApiListing.SERVER_GROUPS);
                case VOLUME -> documents.list(ApiListing.VOLUMES);
                case VOLUME_SNAPSHOT -> documents.list(ApiListing.SNAPSHOTS);
                case SERVER -> documents.list(ApiListing.SERVERS);
            };
        }

        /** The project's networks, and the shared and external ones it may attach to. */
        private List<JsonNode> networks() {
            return documents.list(ApiListing.NETWORKS).stream()
                    .filter(network -> scope.projectId().equals(network.path("project_id").asText())
                            || network.path("shared").asBoolean()
                            || network.path("router:external").asBoolean())
                    .toList();
        }

        /** The project's images, public and community ones, and any image its servers run. */
        private List<JsonNode> images() {
            Set<String> used = new HashSet<>();
            if (requested.contains(ResourceType.SERVER)) {
                documents.list(ApiListing.SERVERS).forEach(server -> used.add(server.path("image").path("id").asText()));
            }
            return documents.list(ApiListing.IMAGES).stream()
                    .filter(image -> scope.projectId().equals(image.path("owner").asText())
                            || Set.of("public", "community").contains(image.path("visibility").asText())
                            || used.contains(image.path("id").asText()))
                    .toList();
        }

        /**
         * The connection's user's keypairs, and those of the other users who made the project's
         * servers: Nova lists only the caller's own, but lets an admin ask for another user's
         * ({@code ?user_id=}, 2.10), which a member is denied.
         */
        private List<Resource> keypairs(List<JsonNode> own, ConversionContext context) {
            List<Resource> keypairs = new ArrayList<>();
            own.forEach(keypair -> keypairs.add(NovaKeypairToResource.convert(keypair, scope.userName())));
            if (requested.contains(ResourceType.SERVER)) {
                documents.list(ApiListing.SERVERS).stream()
                        .map(server -> server.path("user_id").asText())
                        .filter(user -> !user.isBlank() && !user.equals(scope.userId()))
                        .distinct()
                        .forEach(user -> documents.readable(ServiceType.COMPUTE, "/os-keypairs?user_id=" + user, "keypairs")
                                .orElse(List.of())
                                .forEach(keypair -> keypairs.add(NovaKeypairToResource.convert(keypair, context.userName(user)))));
            }
            return keypairs;
        }

        /**
         * Every project's quotas for an admin, each with a ref to its project (so that they come
         * with it and land on its namesake); a member's own project's, which it may read but not
         * name as a resource.
         */
        private List<Resource> quotas() {
            Optional<List<JsonNode>> projects = documents.readable(ApiListing.PROJECTS);
            if (projects.isEmpty()) {
                return quotas(scope.projectId(), scope.projectName(), false);
            }
            return projects.get().stream()
                    .flatMap(project -> quotas(project.path("id").asText(), project.path("name").asText(), true).stream())
                    .toList();
        }

        /**
         * For an admin (who alone may list projects, and read access lists), each private flavor's
         * access for each project Keystone names; an access of a deleted project is left out.
         */
        private List<Resource> flavorAccesses() {
            Map<String, String> projectNames = new HashMap<>();
            documents.readable(ApiListing.PROJECTS).orElse(List.of())
                    .forEach(project -> projectNames.put(project.path("id").asText(), project.path("name").asText()));
            if (projectNames.isEmpty()) {
                return List.of();
            }
            return documents.list(ApiListing.FLAVORS).stream()
                    .filter(NovaFlavorAccessToResource::hasAccessList)
                    .flatMap(flavor -> documents.readable(ServiceType.COMPUTE, "/flavors/" + pathSegment(flavor.path("id").asText())
                                    + "/os-flavor-access", "flavor_access").orElse(List.of()).stream()
                            .filter(access -> projectNames.containsKey(access.path("tenant_id").asText()))
                            .map(access -> NovaFlavorAccessToResource.convert(flavor, access,
                                    projectNames.get(access.path("tenant_id").asText()))))
                    .toList();
        }

        /** A flavor id in a path: Nova allows spaces in them. */
        private static String pathSegment(String id) {
            return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
        }

        private List<Resource> quotas(String projectId, String projectName, boolean withProjectRef) {
            Map<String, ServiceType> services = new LinkedHashMap<>();
            services.put("compute", ServiceType.COMPUTE);
            services.put("volume", ServiceType.BLOCK_STORAGE);
            services.put("network", ServiceType.NETWORK);
            List<Resource> quotas = new ArrayList<>();
            services.forEach((name, service) -> {
                String path = service == ServiceType.NETWORK ? "/v2.0/quotas/" + projectId : "/os-quota-sets/" + projectId;
                documents.get(service, path)
                        .ifPresent(document -> quotas.add(QuotaSetToResource.convert(projectId, projectName, name, document, withProjectRef)));
            });
            return quotas;
        }
    }

    private static BiFunction<JsonNode, ConversionContext, ResourceRef> namer(ResourceType type) {
        return switch (type) {
            case PROJECT -> (project, _) -> KeystoneProjectToResource.ref(project);
            case NETWORK -> NeutronNetworkToResource::ref;
            case SUBNET -> NeutronSubnetToResource::ref;
            case ROUTER -> NeutronRouterToResource::ref;
            case SECURITY_GROUP -> NeutronSecurityGroupToResource::ref;
            case SERVER -> NovaServerToResource::ref;
            case IMAGE -> GlanceImageToResource::ref;
            case VOLUME -> CinderVolumeToResource::ref;
            case VOLUME_SNAPSHOT -> CinderSnapshotToResource::ref;
            case SERVER_GROUP -> NovaServerGroupToResource::ref;
            case PORT -> NeutronPortToResource::ref;
            case ROUTER_INTERFACE -> NeutronRouterInterfaceToResource::ref;
            case SECURITY_GROUP_RULE -> NeutronSecurityGroupRuleToResource::ref;
            case FLOATING_IP -> NeutronFloatingIpToResource::ref;
            default -> throw new IllegalArgumentException(type + " is named without ids and has no naming pass");
        };
    }

    /** Gives each document its ref by id, renaming those whose natural name another document of the type has too. */
    private static void assignRefs(List<JsonNode> items, ConversionContext.Builder builder, ConversionContext context,
            BiFunction<JsonNode, ConversionContext, ResourceRef> namer) {
        Map<String, ResourceRef> byId = new LinkedHashMap<>();
        Map<ResourceRef, Integer> uses = new HashMap<>();
        for (JsonNode item : items) {
            ResourceRef ref = namer.apply(item, context);
            byId.put(item.path("id").asText(), ref);
            uses.merge(ref, 1, Integer::sum);
        }
        byId.forEach((id, ref) -> builder.ref(id, uses.get(ref) == 1 ? ref : new ResourceRef(ref.type(), ref.owner(),
                ref.name() + "~" + id.substring(0, Math.min(8, id.length())))));
    }
}

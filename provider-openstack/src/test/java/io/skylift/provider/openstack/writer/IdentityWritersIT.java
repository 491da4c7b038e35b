package io.skylift.provider.openstack.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.skylift.model.Resource;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import io.skylift.provider.openstack.ServiceType;
import io.skylift.provider.openstack.client.Credential;
import io.skylift.provider.openstack.client.IdentityRef;
import io.skylift.provider.openstack.client.OpenStackClient;
import io.skylift.provider.openstack.client.Scope;
import io.skylift.provider.openstack.client.Session;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.ResourceWriter;
import io.skylift.spi.SkyliftException;
import io.skylift.spi.WriteRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The identity writers against the real skylift-dst as its admin: a project, a user with a
 * password in it, the user's {@code member} role there and the project's quotas of the three
 * services, all named with this run's prefix {@code it-<hex>-}. The user then signs in to the
 * project with the password; each find names what create made; and everything is deleted in
 * reverse, the quotas first, so nothing of this run stays on the testbed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IdentityWritersIT {

    private static final Path CLOUDS = Path.of(System.getenv().getOrDefault("SKYLIFT_TESTBED_CLOUDS", "/var/lib/skylift-testbed/clouds.yaml"));
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String RUN = hex(4);
    private static final String PREFIX = "it-" + RUN + "-";
    private static final String PASSWORD = "Pw-" + hex(12);

    private static final ResourceRef PROJECT = ResourceRef.global(ResourceType.PROJECT, PREFIX + "project");
    private static final ResourceRef USER = ResourceRef.global(ResourceType.USER, PREFIX + "user");
    private static final ResourceRef MEMBER = ResourceRef.of(ResourceType.ROLE_ASSIGNMENT, PROJECT.name(), USER.name() + "/member");
    /** Unlike every default of the testbed, so that a find after the delete sees the defaults and finds nothing. */
    private static final Map<String, Map<String, Object>> QUOTAS = Map.of(
            "compute", Map.of("cores", 7, "instances", 3, "ram", 4096, "floating_ips", 5),
            "volume", Map.of("volumes", 4, "gigabytes", 40),
            "network", Map.of("network", 3, "port", 30));

    private static OpenStackClient admin;
    private static ResourceWriter writer;

    /** What was made, in order; deleted in reverse at the end whatever happened. */
    private record Made(ResourceType type, String id, WriteRequest request) {}

    private static final Deque<Made> made = new ArrayDeque<>();
    private static final Map<ResourceRef, String> ids = new LinkedHashMap<>();
    /** Server groups the test makes as the new user, which deleting the project would leave in Nova. */
    private static final Deque<String> serverGroups = new ArrayDeque<>();

    @BeforeAll
    static void connect() {
        admin = admin();
        writer = new OpenStackResourceWriter(admin);
        System.out.printf("run %s: project %s, user %s in skylift-dst%n", RUN, PROJECT.name(), USER.name());
    }

    /** Deletes what is left, the server groups before the project they are in; reports the first failure after trying every delete. */
    @AfterAll
    static void cleanUp() {
        List<RuntimeException> failures = new ArrayList<>();
        serverGroups.reversed().forEach(group -> attempt(() -> admin.delete(ServiceType.COMPUTE, "/os-server-groups/" + group), failures));
        made.reversed().forEach(thing -> attempt(() -> writer.delete(thing.type(), thing.id()), failures));
        made.clear();
        if (admin != null) {
            admin.close();
        }
        if (!failures.isEmpty()) {
            failures.stream().skip(1).forEach(failures.getFirst()::addSuppressed);
            throw failures.getFirst();
        }
    }

    private static void attempt(Runnable delete, List<RuntimeException> failures) {
        try {
            delete.run();
        }
        catch (RuntimeException e) {
            failures.add(e);
        }
    }

    @Test
    @Order(1)
    void create_makesTheProjectUserRoleAndQuotas_andTheUserSignsInWithThePassword() {
        String project = make(new Resource(PROJECT, Map.of("description", "Skylift IdentityWritersIT " + RUN, "enabled", true,
                "domain", "default", "tags", List.of("skylift-it")), Map.of(), Map.of("id", "src-project-" + RUN), Map.of()));
        JsonNode madeProject = admin.get(ServiceType.IDENTITY, "/projects/" + project).path("project");
        assertThat(madeProject.path("name").asText()).isEqualTo(PROJECT.name());
        assertThat(madeProject.path("domain_id").asText()).isEqualTo("default");
        assertThat(madeProject.path("enabled").asBoolean()).isTrue();
        assertThat(madeProject.path("tags").valueStream().map(JsonNode::asText))
                .containsExactlyInAnyOrder("skylift-it", "skylift-source:" + marker(PROJECT));

        String user = make(new Resource(USER, Map.of("description", "Skylift IdentityWritersIT " + RUN, "email", PREFIX + "user@example.org",
                "enabled", true, "domain", "default", "password", PASSWORD), Map.of("default_project", List.of(PROJECT)),
                Map.of("id", "src-user-" + RUN), Map.of()));
        JsonNode madeUser = admin.get(ServiceType.IDENTITY, "/users/" + user).path("user");
        assertThat(madeUser.path("default_project_id").asText()).isEqualTo(project);
        assertThat(madeUser.path("email").asText()).isEqualTo(PREFIX + "user@example.org");
        assertThat(madeUser.toString()).doesNotContain(PASSWORD);

        String assignment = make(new Resource(MEMBER, Map.of("role", "member"), Map.of("project", List.of(PROJECT), "user", List.of(USER)),
                Map.of(), Map.of()));
        assertThat(assignment).startsWith(project + "/" + user + "/");

        // Keystone takes the password, and the user now has a role on the project to sign in to.
        try (OpenStackClient signedIn = user(user, project)) {
            Session session = signedIn.session();
            assertThat(session.userName()).isEqualTo(USER.name());
            assertThat(session.project()).map(Session.NamedId::id).contains(project);
            assertThat(session.roles()).contains("member");
        }

        for (String service : List.of("compute", "volume", "network")) {
            String id = make(new Resource(quota(service), QUOTAS.get(service), Map.of(), Map.of("project_id", "src-project-" + RUN), Map.of()));
            assertThat(id).isEqualTo(project + "/" + service);
        }
        JsonNode compute = admin.get(ServiceType.COMPUTE, "/os-quota-sets/" + project).path("quota_set");
        assertThat(compute.path("cores").asInt()).isEqualTo(7);
        assertThat(compute.path("instances").asInt()).isEqualTo(3);
        assertThat(compute.path("ram").asInt()).isEqualTo(4096);
        // floating_ips is gone from Nova at microversion 2.36 and later: left out, not refused.
        assertThat(compute.has("floating_ips")).isFalse();
        JsonNode volume = admin.get(ServiceType.BLOCK_STORAGE, "/os-quota-sets/" + project).path("quota_set");
        assertThat(volume.path("volumes").asInt()).isEqualTo(4);
        assertThat(volume.path("gigabytes").asInt()).isEqualTo(40);
        JsonNode network = admin.get(ServiceType.NETWORK, "/v2.0/quotas/" + project).path("quota");
        assertThat(network.path("network").asInt()).isEqualTo(3);
        assertThat(network.path("port").asInt()).isEqualTo(30);
    }

    @Test
    @Order(2)
    void find_afterwards_namesWhatCreateMade() {
        assertThat(made).hasSize(6);
        for (Made thing : made) {
            assertThat(writer.find(thing.request())).as("find " + thing.request().resource().ref()).contains(thing.id());
        }
        assertThat(writer.lookup(PROJECT)).contains(ids.get(PROJECT));
        assertThat(writer.lookup(USER)).contains(ids.get(USER));
        assertThat(writer.lookup(MEMBER)).contains(ids.get(MEMBER));
        assertThat(writer.lookup(quota("network"))).contains(ids.get(PROJECT) + "/network");
    }

    @Test
    @Order(3)
    void create_ofQuotasBelowWhatIsInUse_isRefusedNamingTheLimit() {
        String project = ids.get(PROJECT);
        try (OpenStackClient signedIn = user(ids.get(USER), project)) {
            ObjectNode body = new ObjectMapper().createObjectNode();
            body.putObject("server_group").put("name", PREFIX + "group").put("policy", "affinity");
            serverGroups.add(signedIn.post(ServiceType.COMPUTE, "/os-server-groups", body).path("server_group").path("id").asText());
        }
        WriteRequest request = request(new Resource(quota("compute"), Map.of("server_groups", 0, "cores", 7), Map.of(), Map.of(), Map.of()));

        assertThatThrownBy(() -> writer.create(request))
                .isInstanceOfSatisfying(SkyliftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CLOUD_REJECTED))
                .hasMessageContaining("server_groups 0 is below the 1 in use");
        assertThat(admin.get(ServiceType.COMPUTE, "/os-quota-sets/" + project).path("quota_set").path("server_groups").asInt()).isPositive();

        admin.delete(ServiceType.COMPUTE, "/os-server-groups/" + serverGroups.pollLast());
    }

    @Test
    @Order(4)
    void delete_inReverse_leavesNothing() {
        assertThat(made).hasSize(6);
        while (!made.isEmpty()) {
            Made thing = made.pollLast();
            writer.delete(thing.type(), thing.id());
            assertThat(writer.find(thing.request())).as("find " + thing.request().resource().ref() + " after delete").isEmpty();
            // A second delete of something gone does nothing.
            writer.delete(thing.type(), thing.id());
        }
        assertThat(writer.lookup(PROJECT)).isEmpty();
        assertThat(writer.lookup(USER)).isEmpty();
        assertThat(admin.list(ServiceType.IDENTITY, "/projects?tags=skylift-it", "projects"))
                .noneMatch(project -> project.path("name").asText().startsWith(PREFIX));
    }

    /** Creates the resource in skylift-dst and records it; what it refers to must have been made first. */
    private static String make(Resource resource) {
        WriteRequest request = request(resource);
        assertThat(writer.find(request)).as("find " + resource.ref() + " before create").isEmpty();
        String id = writer.create(request);
        made.add(new Made(resource.ref().type(), id, request));
        ids.put(resource.ref(), id);
        return id;
    }

    private static WriteRequest request(Resource resource) {
        Map<ResourceRef, String> dependencies = new LinkedHashMap<>();
        resource.dependencies().forEach(ref -> dependencies.put(ref, ids.get(ref)));
        return new WriteRequest(resource, dependencies, marker(resource.ref()), Optional.empty());
    }

    /** This run's marker of a resource: a source id that no other run or import has. */
    private static String marker(ResourceRef ref) {
        return ref.type().id() + "-" + RUN;
    }

    /** The project's quotas of one service, owned by the project's name, as the inventory names them. */
    private static ResourceRef quota(String service) {
        return ResourceRef.of(ResourceType.QUOTA, PROJECT.name(), service);
    }

    /** skylift-dst's admin, from the testbed's clouds.yaml. */
    private static OpenStackClient admin() {
        JsonNode auth = cloud("skylift-dst").path("auth");
        IdentityRef user = IdentityRef.name(auth.path("username").asText(), IdentityRef.name(auth.path("user_domain_name").asText()));
        return OpenStackClient.builder(authUrl(), new Credential.Password(user, auth.path("password").asText()))
                .scope(Scope.project(IdentityRef.name(auth.path("project_name").asText(), IdentityRef.name(auth.path("project_domain_name").asText()))))
                .region(cloud("skylift-dst").path("region_name").asText())
                .origin("clouds.yaml entry skylift-dst")
                .build();
    }

    /** The user this test made, signed in to its project with the password the writer gave it. */
    private static OpenStackClient user(String user, String project) {
        return OpenStackClient.builder(authUrl(), new Credential.Password(IdentityRef.id(user), PASSWORD))
                .scope(Scope.project(IdentityRef.id(project)))
                .region(cloud("skylift-dst").path("region_name").asText())
                .origin("the user IdentityWritersIT made")
                .build();
    }

    private static URI authUrl() {
        return URI.create(cloud("skylift-dst").path("auth").path("auth_url").asText());
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static JsonNode cloud(String name) {
        assertThat(CLOUDS).as("the testbed's clouds.yaml; run testbed/up or set SKYLIFT_TESTBED_CLOUDS").isRegularFile();
        try {
            JsonNode cloud = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(CLOUDS)).path("clouds").path(name);
            assertThat(cloud.isObject()).as("cloud " + name + " in " + CLOUDS).isTrue();
            return cloud;
        }
        catch (IOException e) {
            throw new AssertionError("cannot read " + CLOUDS, e);
        }
    }
}

package io.skylift.provider.openstack.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skylift.model.Resource;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import io.skylift.provider.openstack.ServiceType;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import io.skylift.spi.WriteRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeystoneRoleAssignmentWriterTest {

    private static final ResourceRef REF = ResourceRef.of(ResourceType.ROLE_ASSIGNMENT, "demo", "alice/member");
    private static final ResourceRef PROJECT = ResourceRef.global(ResourceType.PROJECT, "demo");
    private static final ResourceRef USER = ResourceRef.global(ResourceType.USER, "alice");
    private static final String ROLES = "/roles?name=member";
    private static final String ASSIGNMENT = "/projects/pr-1/users/us-1/roles/r-member";

    /** As KeystoneRoleAssignmentToResource reads alice's member role on demo. */
    private static WriteRequest request() {
        Resource assignment = new Resource(REF, Map.of("role", "member"), Map.of("project", List.of(PROJECT), "user", List.of(USER)),
                Map.of("project_id", "src-p", "user_id", "src-u", "role_id", "src-r"), Map.of());
        return new WriteRequest(assignment, Map.of(PROJECT, "pr-1", USER, "us-1"), "src-assignment", Optional.empty());
    }

    private static RecordingClient withMember() {
        return RecordingClient.admin().answer("GET", ServiceType.IDENTITY, ROLES, "{\"roles\": [{\"id\": \"r-member\", \"name\": \"member\"}]}");
    }

    @Test
    void create_putsTheRoleFoundByName_andNamesItProjectUserRole() {
        RecordingClient client = withMember().answer("PUT", ServiceType.IDENTITY, ASSIGNMENT, "{}");

        assertThat(new KeystoneRoleAssignmentWriter(client.context()).create(request())).isEqualTo("pr-1/us-1/r-member");

        assertThat(client.requests()).containsExactly("GET " + ROLES, "PUT " + ASSIGNMENT);
    }

    @Test
    void create_withARoleTheDestinationLacks_isNotFoundNamingTheRoleAndTheFix() {
        RecordingClient client = RecordingClient.admin().answer("GET", ServiceType.IDENTITY, ROLES, "{\"roles\": []}");

        assertThatThrownBy(() -> new KeystoneRoleAssignmentWriter(client.context()).create(request()))
                .isInstanceOfSatisfying(SkyliftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND))
                .hasMessageContaining("role member (params.role of role_assignment:demo/alice/member) does not exist at the destination")
                .hasMessageContaining("create the role at the destination (openstack role create member)");
        assertThat(client.requests()).containsExactly("GET " + ROLES);
    }

    @Test
    void create_withoutARole_isInvalidInput() {
        Resource assignment = new Resource(REF, Map.of(), Map.of("project", List.of(PROJECT), "user", List.of(USER)), Map.of(), Map.of());
        WriteRequest request = new WriteRequest(assignment, Map.of(PROJECT, "pr-1", USER, "us-1"), "m", Optional.empty());

        assertThatThrownBy(() -> new KeystoneRoleAssignmentWriter(RecordingClient.admin().context()).create(request))
                .isInstanceOfSatisfying(SkyliftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
                .hasMessageContaining("has no params.role");
    }

    @Test
    void find_whenKeystoneHasTheAssignment_namesIt() {
        RecordingClient client = withMember().answer("GET", ServiceType.IDENTITY, ASSIGNMENT, "{}");

        assertThat(new KeystoneRoleAssignmentWriter(client.context()).find(request())).contains("pr-1/us-1/r-member");
    }

    @Test
    void find_whenKeystoneAnswers404_isEmpty() {
        RecordingClient client = withMember().answer("GET", ServiceType.IDENTITY, ASSIGNMENT, new SkyliftException(ErrorCode.NOT_FOUND, "HTTP 404"));

        assertThat(new KeystoneRoleAssignmentWriter(client.context()).find(request())).isEmpty();
    }

    @Test
    void find_withTheRoleMissing_isEmptyAndLeavesTheMessageToCreate() {
        RecordingClient client = RecordingClient.admin().answer("GET", ServiceType.IDENTITY, ROLES, "{\"roles\": []}");

        assertThat(new KeystoneRoleAssignmentWriter(client.context()).find(request())).isEmpty();
    }

    /** Keystone with project demo, the member role, user us-1 named {@code user} and the assignment. */
    private static RecordingClient assignedTo(String user) {
        return withMember()
                .answer("GET", ServiceType.IDENTITY, "/projects?name=demo", "{\"projects\": [{\"id\": \"pr-1\", \"name\": \"demo\"}]}")
                .answer("GET", ServiceType.IDENTITY, "/users?name=" + CloudWrites.encode(user), "{\"users\": [{\"id\": \"us-1\", \"name\": \"" + user + "\"}]}")
                .answer("GET", ServiceType.IDENTITY, ASSIGNMENT, "{}");
    }

    @Test
    void lookup_findsProjectUserAndRoleByName() {
        assertThat(new KeystoneRoleAssignmentWriter(assignedTo("alice").context()).lookup(REF)).contains("pr-1/us-1/r-member");
    }

    @Test
    void lookup_ofAUserWithASlashInTheName_triesEverySplit() {
        RecordingClient client = assignedTo("ops/alice").answer("GET", ServiceType.IDENTITY, "/users?name=ops", "{\"users\": []}");

        assertThat(new KeystoneRoleAssignmentWriter(client.context()).lookup(ResourceRef.of(ResourceType.ROLE_ASSIGNMENT, "demo", "ops/alice/member")))
                .contains("pr-1/us-1/r-member");
        assertThat(client.requests()).contains("GET /users?name=ops%2Falice");
    }

    @Test
    void delete_takesTheRoleAwayAndSeesItGone() {
        RecordingClient client = RecordingClient.admin();

        new KeystoneRoleAssignmentWriter(client.context()).delete("pr-1/us-1/r-member");

        assertThat(client.requests()).containsExactly("DELETE " + ASSIGNMENT, "GET " + ASSIGNMENT);
    }

    @Test
    void delete_ofAnAssignmentAlreadyGone_isFine() {
        RecordingClient client = RecordingClient.admin().answer("DELETE", ServiceType.IDENTITY, ASSIGNMENT,
                new SkyliftException(ErrorCode.NOT_FOUND, "HTTP 404"));

        new KeystoneRoleAssignmentWriter(client.context()).delete("pr-1/us-1/r-member");

        assertThat(client.requests()).containsExactly("DELETE " + ASSIGNMENT);
    }

    @Test
    void delete_ofAnIdThatIsNotProjectUserRole_isInvalidInput() {
        assertThatThrownBy(() -> new KeystoneRoleAssignmentWriter(RecordingClient.admin().context()).delete("pr-1/us-1"))
                .isInstanceOfSatisfying(SkyliftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
                .hasMessageContaining("role assignment id pr-1/us-1 is not <project id>/<user id>/<role id>");
    }
}

package io.skylift.provider.openstack.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.skylift.model.Resource;
import io.skylift.model.ResourceRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Projects, users, role assignments and quotas, from admin's Keystone listings and demo's quotas. */
class IdentityAndQuotaConvertersTest {

    @Test
    void project_demo_isGlobal() {
        Resource project = KeystoneProjectToResource.convert(
                Fixtures.item("identity-projects.json", "projects", "name", "demo"));

        assertThat(project.ref()).isEqualTo(ResourceRef.parse("project:demo"));
        assertThat(project.params()).containsEntry("enabled", true).containsEntry("domain", "default")
                .doesNotContainKey("description");
        assertThat(project.info()).containsEntry("id", Fixtures.DEMO_PROJECT);
    }

    @Test
    void user_withDefaultProject_refersToItByName() {
        JsonNode document = Fixtures.item("identity-users.json", "users", "name", "glance");
        ConversionContext context = ConversionContext.builder(Fixtures.ADMIN_PROJECT)
                .ref("802e68cd31e640ee9b3e06f52ee60b26", ResourceRef.parse("project:service"))
                .build();

        Resource user = KeystoneUserToResource.convert(document, context);

        assertThat(user.ref()).isEqualTo(ResourceRef.parse("user:glance"));
        assertThat(user.refs()).containsExactly(Map.entry("default_project", List.of(ResourceRef.parse("project:service"))));
        assertThat(user.params()).containsEntry("enabled", true).doesNotContainKey("password");
    }

    @Test
    void roleAssignment_userOnProject_isNamedProjectUserRole() {
        List<Resource> assignments = Fixtures.items("identity-role-assignments.json", "role_assignments").stream()
                .filter(KeystoneRoleAssignmentToResource::isUserOnProject)
                .map(KeystoneRoleAssignmentToResource::convert)
                .toList();

        Resource member = assignments.stream()
                .filter(assignment -> assignment.ref().equals(ResourceRef.parse("role_assignment:demo/demo/member")))
                .findFirst()
                .orElseThrow();
        assertThat(member.params()).containsExactly(Map.entry("role", "member"));
        assertThat(member.refs()).containsExactly(
                Map.entry("project", List.of(ResourceRef.parse("project:demo"))),
                Map.entry("user", List.of(ResourceRef.parse("user:demo"))));
        // The id the OpenStack writer gives it.
        assertThat(member.info().get("id")).isEqualTo(member.info().get("project_id") + "/" + member.info().get("user_id") + "/"
                + member.info().get("role_id"));
        assertThat(assignments).extracting(assignment -> assignment.ref().toString())
                .contains("role_assignment:demo/demo/reader");
    }

    @Test
    void quota_novaQuotaSetReadByAdmin_keepsLimitsWithoutIdAndRefersToItsProject() {
        Resource quota = QuotaSetToResource.convert(Fixtures.DEMO_PROJECT, "demo", "compute", Fixtures.document("compute-quota-set.json"), true);

        assertThat(quota.ref()).isEqualTo(ResourceRef.parse("quota:demo/compute"));
        assertThat(quota.params()).containsEntry("cores", 20).containsEntry("instances", 10).doesNotContainKey("id");
        assertThat(quota.info()).containsEntry("project_id", Fixtures.DEMO_PROJECT).containsEntry("id", Fixtures.DEMO_PROJECT + "/compute");
        assertThat(quota.refs()).containsEntry("project", List.of(ResourceRef.parse("project:demo")));
    }

    @Test
    void quota_neutronQuota_readsTheQuotaKey() {
        Resource quota = QuotaSetToResource.convert(Fixtures.DEMO_PROJECT, "demo", "network", Fixtures.document("network-quota.json"), false);

        assertThat(quota.ref()).isEqualTo(ResourceRef.parse("quota:demo/network"));
        assertThat(quota.params()).containsEntry("security_group_rule", 100).containsEntry("subnetpool", -1);
        assertThat(quota.refs()).isEmpty();
    }

    @Test
    void quota_cinderPerTypeLimits_areKept() {
        Resource quota = QuotaSetToResource.convert(Fixtures.DEMO_PROJECT, "demo", "volume", Fixtures.document("volume-quota-set.json"), false);

        assertThat(quota.params()).containsEntry("gigabytes", 1000).containsEntry("volumes___DEFAULT__", -1);
    }
}

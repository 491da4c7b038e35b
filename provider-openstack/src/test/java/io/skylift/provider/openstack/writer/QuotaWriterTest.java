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

class QuotaWriterTest {

    /** Nova's answer for the connection's project, p-demo, with one server group in use. */
    private static final String COMPUTE_DETAIL = """
            {"quota_set": {"id": "p-demo",
                           "cores": {"limit": 20, "in_use": 2, "reserved": 0},
                           "instances": {"limit": 10, "in_use": 1, "reserved": 0},
                           "server_groups": {"limit": 10, "in_use": 1, "reserved": 0}}}""";

    /** As QuotaSetToResource reads demo's compute quotas, with a limit this Nova no longer has. */
    private static WriteRequest compute(Map<String, Object> limits) {
        Resource quota = new Resource(ResourceRef.of(ResourceType.QUOTA, "demo", "compute"), limits, Map.of(), Map.of("project_id", "src-p"),
                Map.of());
        return new WriteRequest(quota, Map.of(), "src-p", Optional.empty());
    }

    private static WriteRequest compute() {
        return compute(Map.of("cores", 8, "instances", 4, "floating_ips", 10));
    }

    @Test
    void create_putsTheLimitsTheDestinationHas_onTheConnectionsProjectByName() {
        RecordingClient client = RecordingClient.admin()
                .answer("GET", ServiceType.COMPUTE, "/os-quota-sets/p-demo/detail", COMPUTE_DETAIL)
                .answer("PUT", ServiceType.COMPUTE, "/os-quota-sets/p-demo", "{\"quota_set\": {}}");

        assertThat(new QuotaWriter(client.context()).create(compute())).isEqualTo("p-demo/compute");

        assertThat(client.body("PUT", "/os-quota-sets/p-demo")).isEqualTo(RecordingClient.json("{\"quota_set\": {\"cores\": 8, \"instances\": 4}}"));
        assertThat(client.calls()).noneMatch(call -> call.service() == ServiceType.IDENTITY);
    }

    @Test
    void create_forAnotherProject_findsItInKeystoneByName() {
        Resource quota = new Resource(ResourceRef.of(ResourceType.QUOTA, "other", "network"), Map.of("port", 50, "network", 5), Map.of(),
                Map.of(), Map.of());
        RecordingClient client = RecordingClient.admin()
                .answer("GET", ServiceType.IDENTITY, "/projects?name=other", "{\"projects\": [{\"id\": \"pr-9\", \"name\": \"other\"}]}")
                .answer("GET", ServiceType.NETWORK, "/v2.0/quotas/pr-9/details", """
                        {"quota": {"port": {"limit": 500, "used": 0, "reserved": 0}, "network": {"limit": 100, "used": 0, "reserved": 0}}}""")
                .answer("PUT", ServiceType.NETWORK, "/v2.0/quotas/pr-9", "{\"quota\": {}}");

        assertThat(new QuotaWriter(client.context()).create(new WriteRequest(quota, Map.of(), "m", Optional.empty()))).isEqualTo("pr-9/network");

        assertThat(client.body("PUT", "/v2.0/quotas/pr-9")).isEqualTo(RecordingClient.json("{\"quota\": {\"port\": 50, \"network\": 5}}"));
    }

    @Test
    void create_withAProjectRef_setsThatProjectsQuotas() {
        ResourceRef project = ResourceRef.global(ResourceType.PROJECT, "pfx-demo");
        Resource quota = new Resource(ResourceRef.of(ResourceType.QUOTA, "demo", "volume"), Map.of("volumes", 4, "volumes_lvm", 2),
                Map.of("project", List.of(project)), Map.of(), Map.of());
        RecordingClient client = RecordingClient.admin()
                .answer("GET", ServiceType.BLOCK_STORAGE, "/os-quota-sets/pr-7?usage=true",
                        "{\"quota_set\": {\"id\": \"pr-7\", \"volumes\": {\"limit\": 10, \"in_use\": 0, \"reserved\": 0}}}")
                .answer("PUT", ServiceType.BLOCK_STORAGE, "/os-quota-sets/pr-7", "{\"quota_set\": {}}");

        assertThat(new QuotaWriter(client.context()).create(new WriteRequest(quota, Map.of(project, "pr-7"), "m", Optional.empty())))
                .isEqualTo("pr-7/volume");

        assertThat(client.body("PUT", "/os-quota-sets/pr-7")).isEqualTo(RecordingClient.json("{\"quota_set\": {\"volumes\": 4}}"));
    }

    @Test
    void create_belowWhatIsInUse_isCloudRejectedNamingTheLimit() {
        RecordingClient client = RecordingClient.admin()
                .answer("GET", ServiceType.COMPUTE, "/os-quota-sets/p-demo/detail", COMPUTE_DETAIL)
                .answer("PUT", ServiceType.COMPUTE, "/os-quota-sets/p-demo", new SkyliftException(ErrorCode.CLOUD_REJECTED,
                        "Nova refused PUT /os-quota-sets/p-demo (HTTP 400): Quota limit 0 for server_groups must be greater than or equal to"
                                + " already used and reserved 1."));

        assertThatThrownBy(() -> new QuotaWriter(client.context()).create(compute(Map.of("cores", 8, "server_groups", 0))))
                .isInstanceOfSatisfying(SkyliftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CLOUD_REJECTED))
                .hasMessageContaining("the destination refused the compute quotas of quota:demo/compute (project p-demo): server_groups 0 is"
                        + " below the 1 in use")
                .hasMessageContaining("raise those limits")
                .hasMessageNotContaining("cores");
    }

    @Test
    void create_refusedForAnotherReason_passesTheRefusalOn() {
        SkyliftException refusal = new SkyliftException(ErrorCode.CLOUD_REJECTED, "Nova refused PUT (HTTP 400)");
        RecordingClient client = RecordingClient.admin()
                .answer("GET", ServiceType.COMPUTE, "/os-quota-sets/p-demo/detail", COMPUTE_DETAIL)
                .answer("PUT", ServiceType.COMPUTE, "/os-quota-sets/p-demo", refusal);

        assertThatThrownBy(() -> new QuotaWriter(client.context()).create(compute())).isSameAs(refusal);
    }

    @Test
    void create_forAProjectTheDestinationLacks_isNotFound() {
        Resource quota = new Resource(ResourceRef.of(ResourceType.QUOTA, "gone", "compute"), Map.of("cores", 8), Map.of(), Map.of(), Map.of());
        RecordingClient client = RecordingClient.admin().answer("GET", ServiceType.IDENTITY, "/projects?name=gone", "{\"projects\": []}");

        assertThatThrownBy(() -> new QuotaWriter(client.context()).create(new WriteRequest(quota, Map.of(), "m", Optional.empty())))
                .isInstanceOfSatisfying(SkyliftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND))
                .hasMessageContaining("project gone of quota:gone/compute does not exist at the destination");
    }

    @Test
    void create_ofAServiceSkyliftDoesNotCarry_isInvalidInput() {
        Resource quota = new Resource(ResourceRef.of(ResourceType.QUOTA, "demo", "dns"), Map.of("zones", 8), Map.of(), Map.of(), Map.of());

        assertThatThrownBy(() -> new QuotaWriter(RecordingClient.admin().context()).create(new WriteRequest(quota, Map.of(), "m", Optional.empty())))
                .isInstanceOfSatisfying(SkyliftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
                .hasMessageContaining("quota:demo/dns names service 'dns'")
                .hasMessageContaining("expected one of: compute, volume, network");
    }

    @Test
    void find_whenTheDestinationHasTheWantedLimits_namesTheQuotas() {
        RecordingClient client = RecordingClient.admin().answer("GET", ServiceType.COMPUTE, "/os-quota-sets/p-demo/detail", COMPUTE_DETAIL);

        assertThat(new QuotaWriter(client.context()).find(compute(Map.of("cores", 20, "instances", 10, "floating_ips", 10)))).contains("p-demo/compute");
    }

    @Test
    void find_whenALimitDiffers_isEmpty() {
        RecordingClient client = RecordingClient.admin().answer("GET", ServiceType.COMPUTE, "/os-quota-sets/p-demo/detail", COMPUTE_DETAIL);

        assertThat(new QuotaWriter(client.context()).find(compute())).isEmpty();
    }

    @Test
    void lookup_namesTheProjectsQuotasOfThatService() {
        RecordingClient client = RecordingClient.admin();

        assertThat(new QuotaWriter(client.context()).lookup(ResourceRef.of(ResourceType.QUOTA, "demo", "volume"))).contains("p-demo/volume");
    }

    @Test
    void delete_putsTheProjectBackOnTheDefaults() {
        RecordingClient client = RecordingClient.admin();

        new QuotaWriter(client.context()).delete("pr-7/network");

        assertThat(client.calls()).extracting(call -> call.method() + " " + call.service() + " " + call.path())
                .containsExactly("DELETE NETWORK /v2.0/quotas/pr-7");
    }

    @Test
    void delete_ofQuotasThatAreTheDefaultsAlready_isFine() {
        RecordingClient client = RecordingClient.admin().answer("DELETE", ServiceType.NETWORK, "/v2.0/quotas/pr-7",
                new SkyliftException(ErrorCode.NOT_FOUND, "Neutron refused DELETE (HTTP 404): Quota for tenant pr-7 could not be found."));

        new QuotaWriter(client.context()).delete("pr-7/network");
    }

    @Test
    void delete_ofAnIdThatIsNotProjectAndService_isInvalidInput() {
        assertThatThrownBy(() -> new QuotaWriter(RecordingClient.admin().context()).delete("pr-7"))
                .isInstanceOfSatisfying(SkyliftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
                .hasMessageContaining("quota id pr-7 is not <project id>/<service>");
    }
}

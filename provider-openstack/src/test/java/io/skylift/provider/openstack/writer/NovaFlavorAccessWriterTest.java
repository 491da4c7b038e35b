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

class NovaFlavorAccessWriterTest {

    private static final ResourceRef REF = ResourceRef.of(ResourceType.FLAVOR_ACCESS, "demo", "skylift.private");
    private static final ResourceRef FLAVOR = ResourceRef.global(ResourceType.FLAVOR, "skylift.private");
    private static final ResourceRef PROJECT = ResourceRef.global(ResourceType.PROJECT, "demo");
    private static final String ACCESS = "/flavors/fl-1/os-flavor-access";
    private static final String ACTION = "/flavors/fl-1/action";

    /** As NovaFlavorAccessToResource reads demo's access to skylift.private, the flavor and project made as fl-1 and pr-1. */
    private static WriteRequest request() {
        Resource access = new Resource(REF, Map.of(), Map.of("flavor", List.of(FLAVOR), "project", List.of(PROJECT)),
                Map.of("id", "src-fl/src-pr", "flavor_id", "src-fl", "project_id", "src-pr"), Map.of());
        return new WriteRequest(access, Map.of(FLAVOR, "fl-1", PROJECT, "pr-1"), "src-fl/src-pr", Optional.empty());
    }

    private static String list(String... projects) {
        StringBuilder entries = new StringBuilder();
        for (String project : projects) {
            entries.append(entries.isEmpty() ? "" : ", ").append("{\"flavor_id\": \"fl-1\", \"tenant_id\": \"").append(project).append("\"}");
        }
        return "{\"flavor_access\": [" + entries + "]}";
    }

    @Test
    void find_whenTheProjectIsOnTheList_namesItFlavorProject() {
        RecordingClient client = RecordingClient.admin().answer("GET", ServiceType.COMPUTE, ACCESS, list("other", "pr-1"));

        assertThat(new NovaFlavorAccessWriter(client.context()).find(request())).contains("fl-1/pr-1");
    }

    @Test
    void find_whenTheProjectIsNotOnTheList_isEmpty() {
        RecordingClient client = RecordingClient.admin().answer("GET", ServiceType.COMPUTE, ACCESS, list("other"));

        assertThat(new NovaFlavorAccessWriter(client.context()).find(request())).isEmpty();
    }

    @Test
    void find_ofAPublicFlavor_whichHasNoList_isEmpty() {
        RecordingClient client = RecordingClient.admin().answer("GET", ServiceType.COMPUTE, ACCESS,
                new SkyliftException(ErrorCode.NOT_FOUND, "Access list not available for public flavors. (HTTP 404)"));

        assertThat(new NovaFlavorAccessWriter(client.context()).find(request())).isEmpty();
    }

    @Test
    void create_addsTheProjectToTheList() {
        RecordingClient client = RecordingClient.admin().answer("POST", ServiceType.COMPUTE, ACTION, list("pr-1"));

        assertThat(new NovaFlavorAccessWriter(client.context()).create(request())).isEqualTo("fl-1/pr-1");

        assertThat(client.body("POST", ACTION)).isEqualTo(RecordingClient.json("{\"addTenantAccess\": {\"tenant\": \"pr-1\"}}"));
    }

    @Test
    void create_whenNovaHasItAlready_namesIt() {
        RecordingClient client = RecordingClient.admin().answer("POST", ServiceType.COMPUTE, ACTION, new SkyliftException(
                ErrorCode.ALREADY_EXISTS, "Flavor access already exists for flavor fl-1 and project pr-1 combination. (HTTP 409)"));

        assertThat(new NovaFlavorAccessWriter(client.context()).create(request())).isEqualTo("fl-1/pr-1");
    }

    @Test
    void create_onAPublicFlavor_isInvalidInputNamingTheFlavorAndTheFix() {
        RecordingClient client = RecordingClient.admin()
                .answer("POST", ServiceType.COMPUTE, ACTION,
                        new SkyliftException(ErrorCode.CLOUD_REJECTED, "Can not add access to a public flavor. (HTTP 409)"))
                .answer("GET", ServiceType.COMPUTE, "/flavors/fl-1",
                        "{\"flavor\": {\"id\": \"fl-1\", \"name\": \"m1.shared\", \"os-flavor-access:is_public\": true}}");

        assertThatThrownBy(() -> new NovaFlavorAccessWriter(client.context()).create(request()))
                .isInstanceOfSatisfying(SkyliftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
                .hasMessageContaining("flavor m1.shared (fl-1) is public at the destination, so flavor_access:demo/skylift.private cannot be added")
                .hasMessageContaining("map flavor:skylift.private to a private flavor, or leave flavor_access:demo/skylift.private out")
                .hasMessageContaining("Can not add access to a public flavor");
    }

    @Test
    void create_refusedOnAPrivateFlavor_keepsNovasAnswer() {
        SkyliftException refusal = new SkyliftException(ErrorCode.CLOUD_REJECTED, "Project ID pr-1 is not a valid project. (HTTP 400)");
        RecordingClient client = RecordingClient.admin()
                .answer("POST", ServiceType.COMPUTE, ACTION, refusal)
                .answer("GET", ServiceType.COMPUTE, "/flavors/fl-1",
                        "{\"flavor\": {\"id\": \"fl-1\", \"name\": \"skylift.private\", \"os-flavor-access:is_public\": false}}");

        assertThatThrownBy(() -> new NovaFlavorAccessWriter(client.context()).create(request())).isSameAs(refusal);
    }

    @Test
    void lookup_findsFlavorAndProjectByName() {
        RecordingClient client = RecordingClient.admin()
                .answer("GET", ServiceType.COMPUTE, "/flavors/detail?is_public=None",
                        "{\"flavors\": [{\"id\": \"fl-1\", \"name\": \"skylift.private\"}, {\"id\": \"fl-2\", \"name\": \"skylift.small\"}]}")
                .answer("GET", ServiceType.IDENTITY, "/projects?name=demo", "{\"projects\": [{\"id\": \"pr-1\", \"name\": \"demo\"}]}")
                .answer("GET", ServiceType.COMPUTE, ACCESS, list("pr-1"));

        assertThat(new NovaFlavorAccessWriter(client.context()).lookup(REF)).contains("fl-1/pr-1");
    }

    @Test
    void delete_takesTheProjectOffTheList() {
        RecordingClient client = RecordingClient.admin().answer("POST", ServiceType.COMPUTE, ACTION, list());

        new NovaFlavorAccessWriter(client.context()).delete("fl-1/pr-1");

        assertThat(client.body("POST", ACTION)).isEqualTo(RecordingClient.json("{\"removeTenantAccess\": {\"tenant\": \"pr-1\"}}"));
    }

    @Test
    void delete_ofAnAccessOrFlavorAlreadyGone_isFine() {
        RecordingClient client = RecordingClient.admin().answer("POST", ServiceType.COMPUTE, ACTION,
                new SkyliftException(ErrorCode.NOT_FOUND, "Flavor access not found for fl-1 / pr-1 combination. (HTTP 404)"));

        new NovaFlavorAccessWriter(client.context()).delete("fl-1/pr-1");

        assertThat(client.requests()).containsExactly("POST " + ACTION);
    }

    @Test
    void delete_splitsTheIdAtTheLastSlash() {
        RecordingClient client = RecordingClient.admin().answer("POST", ServiceType.COMPUTE, "/flavors/gpu%2Flarge/action", list());

        new NovaFlavorAccessWriter(client.context()).delete("gpu/large/pr-1");

        assertThat(client.body("POST", "/flavors/gpu%2Flarge/action"))
                .isEqualTo(RecordingClient.json("{\"removeTenantAccess\": {\"tenant\": \"pr-1\"}}"));
    }

    @Test
    void delete_ofAnIdThatIsNotFlavorProject_isInvalidInput() {
        assertThatThrownBy(() -> new NovaFlavorAccessWriter(RecordingClient.admin().context()).delete("fl-1"))
                .isInstanceOfSatisfying(SkyliftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
                .hasMessageContaining("flavor access id fl-1 is not <flavor id>/<project id>");
    }
}

package io.skylift.provider.openstack.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skylift.provider.openstack.ServiceType;
import java.net.URI;
import org.junit.jupiter.api.Test;

class ServiceEndpointTest {

    private static ServiceEndpoint endpoint(ServiceType service, String url) {
        return new ServiceEndpoint(service, URI.create(url));
    }

    @Test
    void resolve_imageAndNetwork_takeTheVersionFromThePathEvenIfTheCatalogHasOne() {
        assertThat(endpoint(ServiceType.IMAGE, "http://glance:9292").resolve("/v2/images")).hasToString("http://glance:9292/v2/images");
        assertThat(endpoint(ServiceType.IMAGE, "http://glance:9292/v2/").resolve("/v2/images")).hasToString("http://glance:9292/v2/images");
        assertThat(endpoint(ServiceType.NETWORK, "https://cloud/network/v2.0").resolve("/v2.0/ports?limit=1"))
                .hasToString("https://cloud/network/v2.0/ports?limit=1");
    }

    @Test
    void resolve_computeAndBlockStorage_appendAfterTheVersionedUrl() {
        assertThat(endpoint(ServiceType.COMPUTE, "http://nova:8774/v2.1/").resolve("/servers/detail")).hasToString("http://nova:8774/v2.1/servers/detail");
        assertThat(endpoint(ServiceType.BLOCK_STORAGE, "http://cinder:8776/v3/p1").resolve("/volumes/detail"))
                .hasToString("http://cinder:8776/v3/p1/volumes/detail");
    }

    @Test
    void resolve_pathWithoutLeadingSlash_isRejected() {
        assertThatThrownBy(() -> endpoint(ServiceType.COMPUTE, "http://nova/v2.1").resolve("servers"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("path must start with '/': servers");
    }

    @Test
    void follow_relativeGlanceLink_isAppendedToTheUnversionedBase() {
        assertThat(endpoint(ServiceType.IMAGE, "https://cloud/image").follow("/v2/images?marker=x")).hasToString("https://cloud/image/v2/images?marker=x");
    }

    @Test
    void follow_absoluteLinkWithAnInternalHost_keepsOurHost() {
        assertThat(endpoint(ServiceType.COMPUTE, "https://cloud.example:8774/v2.1").follow("http://10.0.0.5:8774/v2.1/servers?marker=a%20b"))
                .hasToString("https://cloud.example:8774/v2.1/servers?marker=a%20b");
    }
}

package io.skylift.provider.openstack.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skylift.provider.openstack.ServiceType;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceCatalogTest {

    private static ServiceCatalog.Entry entry(String type, String endpointInterface, String region, String url) {
        return new ServiceCatalog.Entry(type, endpointInterface, region, URI.create(url));
    }

    private final ServiceCatalog catalog = new ServiceCatalog(List.of(
            entry("volumev3", "public", "RegionOne", "http://old/v3/p"),
            entry("block-storage", "public", "RegionOne", "http://new/v3/p"),
            entry("compute", "public", "RegionOne", "http://one/v2.1"),
            entry("compute", "public", "RegionTwo", "http://two/v2.1"),
            entry("compute", "internal", "RegionOne", "http://internal-one/v2.1"),
            entry("image", "public", "RegionOne", "http://glance:9292"),
            entry("image", "admin", "RegionOne", "http://glance-admin:9292")));

    @Test
    void endpoint_prefersTheFirstCatalogTypeOfTheService() {
        assertThat(catalog.endpoint(ServiceType.BLOCK_STORAGE, EndpointInterface.PUBLIC, Optional.empty()).url()).hasToString("http://new/v3/p");
    }

    @Test
    void endpoint_fallsBackToALaterCatalogType() {
        ServiceCatalog old = new ServiceCatalog(List.of(entry("volumev3", "public", "R", "http://old/v3/p")));
        assertThat(old.endpoint(ServiceType.BLOCK_STORAGE, EndpointInterface.PUBLIC, Optional.empty()).url()).hasToString("http://old/v3/p");
    }

    @Test
    void endpoint_picksTheInterfaceAndRegion() {
        assertThat(catalog.endpoint(ServiceType.COMPUTE, EndpointInterface.PUBLIC, Optional.of("RegionTwo")).url()).hasToString("http://two/v2.1");
        assertThat(catalog.endpoint(ServiceType.COMPUTE, EndpointInterface.INTERNAL, Optional.empty()).url()).hasToString("http://internal-one/v2.1");
        assertThat(catalog.endpoint(ServiceType.IMAGE, EndpointInterface.ADMIN, Optional.empty()).url()).hasToString("http://glance-admin:9292");
    }

    @Test
    void endpoint_severalRegionsAndNoRegionName_namesTheRegions() {
        assertThatThrownBy(() -> catalog.endpoint(ServiceType.COMPUTE, EndpointInterface.PUBLIC, Optional.empty()))
                .isInstanceOf(SkyliftException.class)
                .hasMessage("compute has public endpoints in several regions (RegionOne, RegionTwo): set region_name to one of them");
    }

    @Test
    void endpoint_unknownRegion_namesTheRegionsThatHaveOne() {
        assertThatThrownBy(() -> catalog.endpoint(ServiceType.COMPUTE, EndpointInterface.PUBLIC, Optional.of("RegionX")))
                .isInstanceOf(SkyliftException.class)
                .hasMessage("region 'RegionX' has no public compute endpoint (regions with one: RegionOne, RegionTwo): set region_name to one of them")
                .extracting(e -> ((SkyliftException) e).code()).isEqualTo(ErrorCode.INVALID_INPUT);
    }

    @Test
    void endpoint_missingInterface_namesTheInterfacesThere() {
        assertThatThrownBy(() -> catalog.endpoint(ServiceType.IMAGE, EndpointInterface.INTERNAL, Optional.empty()))
                .isInstanceOf(SkyliftException.class)
                .hasMessage("the catalog has no internal endpoint for image (interfaces there: admin, public): set interface to one of them");
    }

    @Test
    void endpoint_missingService_isUnsupported() {
        assertThatThrownBy(() -> catalog.endpoint(ServiceType.PLACEMENT, EndpointInterface.PUBLIC, Optional.empty()))
                .isInstanceOf(SkyliftException.class)
                .hasMessage("the service catalog has no placement service (types there: block-storage, compute, image, volumev3)")
                .extracting(e -> ((SkyliftException) e).code()).isEqualTo(ErrorCode.UNSUPPORTED);
    }

    @Test
    void fromKeystone_readsRegionIdOrOldRegion() throws Exception {
        ServiceCatalog read = ServiceCatalog.fromKeystone(FakeCloud.JSON.readTree(
                "[{\"type\": \"network\", \"endpoints\": [{\"interface\": \"public\", \"region\": \"Old\", \"url\": \"http://n:9696/\"}]}]"));
        assertThat(read.entries()).containsExactly(entry("network", "public", "Old", "http://n:9696/"));
    }
}

package io.skylift.provider.openstack;

import java.util.List;
import java.util.Optional;

/**
 * The OpenStack services Skylift talks to, with the catalog types that name them and the API
 * microversion it asks for. Converters rely on these microversions: compute 2.79 embeds the
 * flavor in a server by name (2.47) and lists server tags (2.26); block storage 3.59 pages
 * every listing.
 */
public enum ServiceType {
    IDENTITY(List.of("identity"), Optional.empty()),
    COMPUTE(List.of("compute"), Optional.of("compute 2.79")),
    IMAGE(List.of("image"), Optional.empty()),
    NETWORK(List.of("network"), Optional.empty()),
    BLOCK_STORAGE(List.of("block-storage", "volumev3"), Optional.of("volume 3.59")),
    PLACEMENT(List.of("placement"), Optional.of("placement 1.1"));

    private final List<String> catalogTypes;
    private final Optional<String> microversion;

    ServiceType(List<String> catalogTypes, Optional<String> microversion) {
        this.catalogTypes = catalogTypes;
        this.microversion = microversion;
    }

    /** The catalog types that name this service, preferred first. */
    public List<String> catalogTypes() {
        return catalogTypes;
    }

    /** The value of the {@code OpenStack-API-Version} header sent with every request, if any. */
    public Optional<String> microversion() {
        return microversion;
    }
}

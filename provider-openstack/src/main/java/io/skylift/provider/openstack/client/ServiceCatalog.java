package io.skylift.provider.openstack.client;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.skylift.provider.openstack.ServiceType;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** The services a token may call, as Keystone listed them. */
public record ServiceCatalog(List<Entry> entries) {

    public ServiceCatalog {
        entries = List.copyOf(requireNonNull(entries, "entries is null"));
    }

    /** One endpoint of one service. */
    public record Entry(String type, String endpointInterface, String region, URI url) {
        public Entry {
            requireNonNull(type, "type is null");
            requireNonNull(endpointInterface, "endpointInterface is null");
            requireNonNull(region, "region is null");
            requireNonNull(url, "url is null");
        }
    }

    /** Reads the {@code catalog} array of a Keystone v3 token. */
    public static ServiceCatalog fromKeystone(JsonNode catalog) {
        List<Entry> entries = new ArrayList<>();
        for (JsonNode service : catalog) {
            String type = service.path("type").asText();
            for (JsonNode endpoint : service.path("endpoints")) {
                // region_id replaced region in Keystone v3; old catalogs carry only region.
                String region = endpoint.hasNonNull("region_id") ? endpoint.get("region_id").asText() : endpoint.path("region").asText("");
                entries.add(new Entry(type, endpoint.path("interface").asText(), region, URI.create(endpoint.path("url").asText())));
            }
        }
        return new ServiceCatalog(entries);
    }

    /**
     * The endpoint of a service: the first of its catalog types the catalog has, the given
     * interface, and the region if one is given, else the only region there is.
     *
     * @throws SkyliftException {@link ErrorCode#UNSUPPORTED} if the cloud has no such service,
     *         {@link ErrorCode#INVALID_INPUT} naming the choices if the interface or region does not fit
     */
    public ServiceEndpoint endpoint(ServiceType service, EndpointInterface endpointInterface, Optional<String> region) {
        for (String type : service.catalogTypes()) {
            List<Entry> ofType = entries.stream().filter(e -> e.type().equals(type)).toList();
            if (ofType.isEmpty()) {
                continue;
            }
            List<Entry> ofInterface = ofType.stream().filter(e -> e.endpointInterface().equals(endpointInterface.id())).toList();
            if (ofInterface.isEmpty()) {
                throw new SkyliftException(ErrorCode.INVALID_INPUT, "the catalog has no " + endpointInterface.id() + " endpoint for "
                        + type + " (interfaces there: " + String.join(", ", sorted(ofType, Entry::endpointInterface))
                        + "): set interface to one of them");
            }
            TreeSet<String> regions = sorted(ofInterface, Entry::region);
            if (region.isPresent()) {
                return ofInterface.stream()
                        .filter(e -> e.region().equals(region.get()))
                        .findFirst()
                        .map(e -> new ServiceEndpoint(service, e.url()))
                        .orElseThrow(() -> new SkyliftException(ErrorCode.INVALID_INPUT, "region '" + region.get() + "' has no "
                                + endpointInterface.id() + " " + type + " endpoint (regions with one: " + String.join(", ", regions)
                                + "): set region_name to one of them"));
            }
            if (regions.size() > 1) {
                throw new SkyliftException(ErrorCode.INVALID_INPUT, type + " has " + endpointInterface.id()
                        + " endpoints in several regions (" + String.join(", ", regions) + "): set region_name to one of them");
            }
            return new ServiceEndpoint(service, ofInterface.getFirst().url());
        }
        throw new SkyliftException(ErrorCode.UNSUPPORTED, "the service catalog has no " + String.join(" or ", service.catalogTypes())
                + " service (types there: " + String.join(", ", sorted(entries, Entry::type)) + ")");
    }

    private static TreeSet<String> sorted(List<Entry> entries, java.util.function.Function<Entry, String> key) {
        TreeSet<String> values = new TreeSet<>();
        entries.forEach(e -> values.add(key.apply(e)));
        return values;
    }
}

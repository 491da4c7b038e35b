package io.skylift.provider.openstack.inventory;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.skylift.provider.openstack.ApiReader;
import io.skylift.provider.openstack.ServiceType;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The documents one inventory read works on: each listing fetched once, on first use. A listing
 * the connection may not read (HTTP 403, {@link ErrorCode#PERMISSION_DENIED}) is remembered as
 * absent rather than failing the read, so a member's inventory simply has no users.
 */
final class ApiDocuments {

    private final ApiReader reader;
    private final String projectId;
    private final Map<ApiListing, Optional<List<JsonNode>>> listings = new EnumMap<>(ApiListing.class);

    ApiDocuments(ApiReader reader, String projectId) {
        this.reader = requireNonNull(reader, "reader is null");
        this.projectId = requireNonNull(projectId, "projectId is null");
    }

    /** The listing's items, or empty when the connection may not read it. */
    Optional<List<JsonNode>> readable(ApiListing listing) {
        // Not computeIfAbsent: a denied listing would be retried, and the reader may call back here.
        Optional<List<JsonNode>> known = listings.get(listing);
        if (known == null) {
            known = allowed(() -> List.copyOf(reader.list(listing.service(), listing.path(projectId), listing.collectionKey())));
            listings.put(listing, known);
        }
        return known;
    }

    /** The listing's items; none when the connection may not read it. */
    List<JsonNode> list(ApiListing listing) {
        return readable(listing).orElse(List.of());
    }

    /** A listing outside {@link ApiListing}, such as another user's keypairs; empty when the connection may not read it. */
    Optional<List<JsonNode>> readable(ServiceType service, String path, String collectionKey) {
        return allowed(() -> List.copyOf(reader.list(service, path, collectionKey)));
    }

    /** One document, or empty when the connection may not read it. */
    Optional<JsonNode> get(ServiceType service, String path) {
        return allowed(() -> reader.get(service, path));
    }

    private static <T> Optional<T> allowed(Supplier<T> call) {
        try {
            return Optional.of(call.get());
        }
        catch (SkyliftException e) {
            if (e.code() == ErrorCode.PERMISSION_DENIED) {
                return Optional.empty();
            }
            throw e;
        }
    }
}

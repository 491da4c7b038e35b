package io.skylift.provider.openstack.writer;

import io.skylift.model.ResourceRef;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import io.skylift.spi.WriteRequest;
import java.util.List;
import java.util.Optional;

/** The refs of a request by role, as the inventory writes them, and the destination ids they map to. */
final class NeutronDependencies {

    private NeutronDependencies() {}

    /** The one resource in {@code role}, which this type cannot be made without. */
    static ResourceRef one(WriteRequest request, String role) {
        return optional(request, role).orElseThrow(() -> new SkyliftException(ErrorCode.INVALID_INPUT,
                request.resource().ref() + " has no '" + role + "' ref, which a " + request.resource().ref().type()
                        + " needs: add refs." + role + " to the resource"));
    }

    static Optional<ResourceRef> optional(WriteRequest request, String role) {
        return all(request, role).stream().findFirst();
    }

    static List<ResourceRef> all(WriteRequest request, String role) {
        return request.resource().refs().getOrDefault(role, List.of());
    }

    /** The destination id of the one resource in {@code role}. */
    static String id(WriteRequest request, String role) {
        return request.id(one(request, role));
    }
}

package io.skylift.spi;

import static java.util.Objects.requireNonNull;

import io.skylift.model.Resource;
import io.skylift.model.ResourceRef;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link ResourceWriter} is asked to make.
 *
 * @param resource what to make: its ref's name is the name at the destination, its params and
 *                 refs say the rest
 * @param ids      the destination id of every resource in {@code resource.refs()}
 * @param marker   identifies the source resource, such as its id; kept with what is made
 * @param data     the disk data of an image, a volume or a server's root disk, if it has some
 */
public record WriteRequest(Resource resource, Map<ResourceRef, String> ids, String marker, Optional<DiskContent> data) {

    public WriteRequest {
        requireNonNull(resource, "resource is null");
        ids = Map.copyOf(requireNonNull(ids, "ids is null"));
        requireNonNull(marker, "marker is null");
        requireNonNull(data, "data is null");
        for (ResourceRef dependency : resource.dependencies()) {
            if (!ids.containsKey(dependency)) {
                throw new IllegalArgumentException(resource.ref() + " refers to " + dependency + ", which has no destination id");
            }
        }
    }

    /** The destination id of a resource this one refers to. */
    public String id(ResourceRef ref) {
        String id = ids.get(ref);
        if (id == null) {
            throw new IllegalArgumentException(resource.ref() + " does not refer to " + ref);
        }
        return id;
    }
}

package io.skylift.spi;

import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import java.util.Optional;

/**
 * Creates resources of the portable model in a cloud. Every resource it makes carries the
 * request's marker (a tag, a metadata key or a property, whichever the type has), so that
 * {@link #find} recognises what an earlier run made and a re-run creates nothing twice.
 */
public interface ResourceWriter extends Capability {

    /**
     * The id of the resource an earlier {@link #create} made for this request, found by its
     * marker; for types that carry none (keypairs, flavors, rules, router interfaces), by the
     * attributes that identify them.
     */
    Optional<String> find(WriteRequest request);

    /**
     * Creates the resource, uploading its data when the request has some, and waits until it is
     * usable (an image active, a volume available, a server active).
     *
     * @return the new resource's id
     */
    String create(WriteRequest request);

    /** The id of an existing resource by type, owner and name, such as a network a plan maps to. */
    Optional<String> lookup(ResourceRef ref);

    /** Deletes what {@link #create} made, and waits until it is gone; does nothing when it is gone already. */
    void delete(ResourceType type, String id);
}

package io.skylift.provider.openstack.writer;

import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import io.skylift.spi.WriteRequest;
import java.util.Optional;

/** Writes resources of one type; {@link OpenStackResourceWriter} picks one by type. */
interface TypeWriter {

    ResourceType type();

    /** What an earlier run made for this request: by marker, or by identifying attributes for types without tags. */
    Optional<String> find(WriteRequest request);

    /** Creates it and waits until it is usable; returns its id. */
    String create(WriteRequest request);

    /** An existing resource of this type by owner and name, in the connection's project (or globally). */
    Optional<String> lookup(ResourceRef ref);

    /** Deletes it and waits until it is gone; nothing when it is gone already. */
    void delete(String id);
}

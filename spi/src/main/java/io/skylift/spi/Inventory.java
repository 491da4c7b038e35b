package io.skylift.spi;

import io.skylift.model.Resource;
import io.skylift.model.ResourceType;
import java.util.List;
import java.util.Set;

/** Reads what a cloud account can see into the portable model. */
public interface Inventory extends Capability {

    /**
     * Every resource of the given types visible to the connection, with references between
     * them by type and name. Types the provider does not have, or that need rights the
     * connection lacks (projects and users without admin), are left out, not an error.
     */
    List<Resource> read(Set<ResourceType> types);
}

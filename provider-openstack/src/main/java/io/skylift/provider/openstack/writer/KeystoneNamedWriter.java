package io.skylift.provider.openstack.writer;

import static java.util.Objects.requireNonNull;

import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import java.util.Optional;

/**
 * A writer of a Keystone type whose documents have names (projects, users): looked up by name,
 * deleted by id. A type says how an earlier run's document is found and how one is made.
 */
abstract class KeystoneNamedWriter implements TypeWriter {

    private final ResourceType type;
    final WriterContext context;
    final KeystoneCollection collection;

    KeystoneNamedWriter(ResourceType type, WriterContext context, KeystoneCollection collection) {
        this.type = requireNonNull(type, "type is null");
        this.context = requireNonNull(context, "context is null");
        this.collection = requireNonNull(collection, "collection is null");
    }

    @Override
    public final ResourceType type() {
        return type;
    }

    /** The one document of that name; in two domains, an error. */
    @Override
    public Optional<String> lookup(ResourceRef ref) {
        return collection.findNamed(ref.name());
    }

    @Override
    public void delete(String id) {
        collection.delete(id);
    }
}

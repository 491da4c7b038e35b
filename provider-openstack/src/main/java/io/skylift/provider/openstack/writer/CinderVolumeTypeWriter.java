package io.skylift.provider.openstack.writer;

import static java.util.Objects.requireNonNull;

import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import io.skylift.provider.openstack.ServiceType;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import io.skylift.spi.WriteRequest;
import java.util.Optional;

/**
 * A global {@code volume_type}, looked up and never made: a type names a storage backend the
 * destination's operator configured, so an import maps each source type to an existing one.
 */
final class CinderVolumeTypeWriter implements TypeWriter {

    private final WriterContext context;

    CinderVolumeTypeWriter(WriterContext context) {
        this.context = requireNonNull(context, "context is null");
    }

    @Override
    public ResourceType type() {
        return ResourceType.VOLUME_TYPE;
    }

    @Override
    public Optional<String> find(WriteRequest request) {
        return lookup(request.resource().ref());
    }

    @Override
    public String create(WriteRequest request) {
        String name = request.resource().ref().name();
        throw new SkyliftException(ErrorCode.UNSUPPORTED, "volume type " + name + " does not exist at the destination, and Skylift does not"
                + " create volume types (they name the operator's storage backends): map " + request.resource().ref()
                + " to one of the destination's volume types (openstack volume type list)");
    }

    @Override
    public Optional<String> lookup(ResourceRef ref) {
        return CloudWrites.onlyNamed(context.client().list(ServiceType.BLOCK_STORAGE, "/types", "volume_types"), ref.name(), "volume type")
                .map(type -> type.path("id").asText());
    }

    @Override
    public void delete(String id) {
        throw new SkyliftException(ErrorCode.UNSUPPORTED, "Skylift does not delete volume types, since it never creates them: volume type "
                + id + " was mapped to, not made, and stays");
    }
}

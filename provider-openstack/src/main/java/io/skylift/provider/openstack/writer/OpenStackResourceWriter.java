package io.skylift.provider.openstack.writer;

import static java.util.Objects.requireNonNull;

import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import io.skylift.provider.openstack.client.OpenStackClient;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.ResourceWriter;
import io.skylift.spi.SkyliftException;
import io.skylift.spi.WriteRequest;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** {@link ResourceWriter} for OpenStack: the Neutron writers and the compute, image and storage writers, by type. */
public final class OpenStackResourceWriter implements ResourceWriter {

    private final Map<ResourceType, TypeWriter> writers = new EnumMap<>(ResourceType.class);

    public OpenStackResourceWriter(OpenStackClient client) {
        requireNonNull(client, "client is null");
        WriterContext context = new WriterContext(client);
        Stream.of(NeutronWriters.all(context), ComputeWriters.all(context), IdentityWriters.all(context)).flatMap(List::stream)
                .forEach(writer -> writers.put(writer.type(), writer));
    }

    @Override
    public Optional<String> find(WriteRequest request) {
        return writer(request.resource().ref().type()).find(request);
    }

    @Override
    public String create(WriteRequest request) {
        return writer(request.resource().ref().type()).create(request);
    }

    @Override
    public Optional<String> lookup(ResourceRef ref) {
        return writer(ref.type()).lookup(ref);
    }

    @Override
    public void delete(ResourceType type, String id) {
        writer(type).delete(id);
    }

    private TypeWriter writer(ResourceType type) {
        TypeWriter writer = writers.get(type);
        if (writer == null) {
            throw new SkyliftException(ErrorCode.UNSUPPORTED, "the OpenStack provider cannot create a " + type + " yet; it creates: "
                    + writers.keySet().stream().map(ResourceType::id).collect(Collectors.joining(", ")));
        }
        return writer;
    }
}

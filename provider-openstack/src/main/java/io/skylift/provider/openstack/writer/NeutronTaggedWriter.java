package io.skylift.provider.openstack.writer;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import io.skylift.spi.SkyliftException;
import io.skylift.spi.WriteRequest;
import java.util.List;
import java.util.Optional;

/**
 * A writer of a Neutron type that takes tags (networks, subnets, routers, security groups, ports,
 * floating IPs): found by the marker's tag, looked up by name in the connection's project. A type
 * says only what to send.
 */
abstract class NeutronTaggedWriter implements TypeWriter {

    private final ResourceType type;
    final WriterContext context;
    final NeutronCollection collection;

    /** A writer of {@code type}, whose documents are {@code plural} (see {@link NeutronCollection}). */
    NeutronTaggedWriter(ResourceType type, WriterContext context, String plural, String singular, String quota) {
        this.type = requireNonNull(type, "type is null");
        this.context = requireNonNull(context, "context is null");
        this.collection = NeutronCollection.of(context, plural, singular, quota);
    }

    /** The request's name, and those of {@code keys} its params have, under the same names. */
    static ObjectNode named(WriteRequest request, String... keys) {
        ObjectNode fields = NeutronCollection.JSON.createObjectNode().put("name", request.resource().ref().name());
        return NeutronCollection.copy(fields, request.resource().params(), keys);
    }

    /** Whether the connection is an admin's, who may set what Neutron's policy keeps from members. */
    boolean admin() {
        return context.client().session().isAdmin();
    }

    /** The fields of the new document, without tags. */
    abstract ObjectNode fields(WriteRequest request);

    /** The fix for Neutron's refusal of this request, from its words; empty for the usual one. */
    String fix(WriteRequest request, SkyliftException refusal) {
        return "";
    }

    /** How messages name what is made: {@code subnet:demo/skylift-subnet-a}. */
    static String describe(WriteRequest request) {
        return request.resource().ref().toString();
    }

    @Override
    public final ResourceType type() {
        return type;
    }

    @Override
    public Optional<String> find(WriteRequest request) {
        return collection.findTagged(request.marker());
    }

    @Override
    public String create(WriteRequest request) {
        return collection.create(describe(request), fields(request), request.marker(), sourceTags(request),
                refusal -> fix(request, refusal));
    }

    @Override
    public Optional<String> lookup(ResourceRef ref) {
        return collection.findNamed(ref.name());
    }

    @Override
    public void delete(String id) {
        collection.delete(id);
    }

    /** The source's own tags, which travel with the resource; the marker comes on top. */
    private static List<String> sourceTags(WriteRequest request) {
        return request.resource().params().get("tags") instanceof List<?> tags
                ? tags.stream().map(String::valueOf).toList()
                : List.of();
    }
}

package io.skylift.provider.openstack.writer;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import io.skylift.provider.openstack.ServiceType;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import io.skylift.spi.WriteRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A {@code keypair}, imported with its public key as the connection's user. Nova keypairs carry
 * no metadata and their name is their id, so a keypair of that name with the same key is the
 * one to use, and one with another key is a conflict the operator resolves.
 */
final class NovaKeypairWriter implements TypeWriter {

    private final WriterContext context;

    NovaKeypairWriter(WriterContext context) {
        this.context = requireNonNull(context, "context is null");
    }

    @Override
    public ResourceType type() {
        return ResourceType.KEYPAIR;
    }

    @Override
    public Optional<String> find(WriteRequest request) {
        String name = request.resource().ref().name();
        String publicKey = publicKey(request);
        return existing(name).map(keypair -> {
            if (!key(keypair.path("public_key").asText()).equals(key(publicKey))) {
                throw new SkyliftException(ErrorCode.ALREADY_EXISTS, "keypair " + name + " exists at the destination with another public key"
                        + " (fingerprint " + keypair.path("fingerprint").asText() + "): map " + request.resource().ref()
                        + " to it with a keypair override, or delete it there (openstack keypair delete " + name + ")");
            }
            return name;
        });
    }

    @Override
    public String create(WriteRequest request) {
        String name = request.resource().ref().name();
        ObjectNode keypair = CloudWrites.object().put("name", name).put("public_key", publicKey(request));
        JsonNode type = CloudWrites.params(request).path("type");
        if (type.isTextual()) {
            keypair.put("type", type.asText());
        }
        ObjectNode body = CloudWrites.object();
        body.set("keypair", keypair);
        context.client().post(ServiceType.COMPUTE, "/os-keypairs", body);
        return name;
    }

    @Override
    public Optional<String> lookup(ResourceRef ref) {
        return existing(ref.name()).map(keypair -> ref.name());
    }

    @Override
    public void delete(String id) {
        CloudWrites.deleteAndWait(context, ServiceType.COMPUTE, "/os-keypairs/" + CloudWrites.encode(id), "keypair " + id);
    }

    private Optional<JsonNode> existing(String name) {
        return CloudWrites.get(context, ServiceType.COMPUTE, "/os-keypairs/" + CloudWrites.encode(name)).map(body -> body.path("keypair"));
    }

    private static String publicKey(WriteRequest request) {
        JsonNode key = CloudWrites.params(request).path("public_key");
        if (!key.isTextual() || key.asText().isBlank()) {
            // Without it Nova would generate a new key, whose private half nobody could use.
            throw new SkyliftException(ErrorCode.INVALID_INPUT, request.resource().ref() + " has no params.public_key: add the public key"
                    + " (ssh-ed25519 AAAA...) to the resource, or map it to an existing keypair");
        }
        return key.asText();
    }

    /** The key type and data, without the comment, which differs between copies of one key. */
    private static List<String> key(String publicKey) {
        return Arrays.stream(publicKey.trim().split("\\s+")).limit(2).toList();
    }
}

package io.skylift.provider.openstack.writer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skylift.model.ResourceType;
import io.skylift.spi.SkyliftException;
import io.skylift.spi.WriteRequest;
import java.util.Optional;

/**
 * A Keystone v3 {@code user}, made by an admin with its description, email, enabled flag, domain
 * and default project (its {@code default_project} ref), and the password the engine puts in
 * {@code params.password} at run time (Keystone never returns one); without it the user has none.
 *
 * <p>Keystone users take no tags, so, like keypairs and flavors, a user of that name in the same
 * domain is the one an earlier run made, and is used as it is (its password unchanged). The
 * password never reaches a message: a refusal that quotes it has it masked.
 */
final class KeystoneUserWriter extends KeystoneNamedWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    KeystoneUserWriter(WriterContext context) {
        super(ResourceType.USER, context, KeystoneCollection.users(context));
    }

    @Override
    public Optional<String> find(WriteRequest request) {
        return collection.findNamed(request.resource().ref().name(), KeystoneCollection.domainOf(context, request));
    }

    @Override
    public String create(WriteRequest request) {
        ObjectNode fields = KeystoneCollection.named(request, "description", "email", "enabled");
        KeystoneCollection.domainOf(context, request).ifPresent(domain -> fields.put("domain_id", domain));
        NeutronDependencies.optional(request, "default_project").ifPresent(project -> fields.put("default_project_id", request.id(project)));
        Optional<String> password = password(request);
        password.ifPresent(secret -> fields.put("password", secret));
        try {
            return collection.create(fields);
        }
        catch (SkyliftException e) {
            throw password.map(secret -> masked(e, secret)).orElse(e);
        }
    }

    private static Optional<String> password(WriteRequest request) {
        return request.resource().params().get("password") instanceof String secret && !secret.isEmpty() ? Optional.of(secret) : Optional.empty();
    }

    /**
     * The failure with the password masked, as it is and as JSON quotes it: Keystone's validation
     * errors quote the refused input. The cause, whose message is the unmasked one, is left out.
     */
    private static SkyliftException masked(SkyliftException failure, String secret) {
        String message = failure.getMessage();
        if (!message.contains(secret) && !message.contains(quoted(secret))) {
            return failure;
        }
        SkyliftException masked = new SkyliftException(failure.code(), message.replace(secret, "******").replace(quoted(secret), "******"));
        masked.setStackTrace(failure.getStackTrace());
        return masked;
    }

    private static String quoted(String secret) {
        try {
            String json = JSON.writeValueAsString(secret);
            return json.substring(1, json.length() - 1);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("a string did not serialize", e);
        }
    }
}

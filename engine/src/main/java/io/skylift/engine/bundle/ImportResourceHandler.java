package io.skylift.engine.bundle;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.skylift.bundle.BundleLayout;
import io.skylift.bundle.DataFile;
import io.skylift.bundle.Manifest;
import io.skylift.engine.endpoint.Endpoints;
import io.skylift.engine.execution.Intent;
import io.skylift.engine.execution.IntentState;
import io.skylift.engine.execution.Progress;
import io.skylift.engine.execution.TaskContext;
import io.skylift.engine.execution.TaskHandler;
import io.skylift.model.Resource;
import io.skylift.model.ResourceRef;
import io.skylift.spi.DiskContent;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.Provider;
import io.skylift.spi.ResourceWriter;
import io.skylift.spi.SkyliftException;
import io.skylift.spi.WriteRequest;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Makes one resource of a bundle at the destination, or finds the existing one it is mapped to.
 *
 * <p>Exactly once: what an earlier import made is found by its marker (the source id) and used,
 * not made again, and is not this run's to clean up. Only after nothing is found is the intent to
 * create recorded; a later attempt that sees the intent looks again before it creates, and
 * cleanup of a failed import deletes exactly what this run made.
 */
final class ImportResourceHandler implements TaskHandler {

    static final String TYPE = "import-resource";
    static final String ENDPOINT = "endpoint";
    static final String DIRECTORY = "directory";
    static final String ACTION = "action";
    static final String RESOURCE = "resource";
    static final String TARGET = "target";
    static final String DATA = "data";
    static final String MARKER = "marker";
    /** Outputs, which dependent tasks and uuids.csv read. */
    static final String REF = "ref";
    static final String ID = "id";
    static final String OLD_ID = "old_id";
    static final String NAME = "name";
    static final String RESULT = "result";
    private static final String CREATE = "create";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Endpoints endpoints;

    ImportResourceHandler(Endpoints endpoints) {
        this.endpoints = requireNonNull(endpoints, "endpoints is null");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> run(TaskContext context) {
        Resource resource = JSON.convertValue(context.inputs().get(RESOURCE), Resource.class);
        ResourceRef target = ResourceRef.parse((String) context.inputs().get(TARGET));
        try (Provider provider = endpoints.connect((String) context.inputs().get(ENDPOINT))) {
            ResourceWriter writer = writer(provider);
            if (ImportPlan.Action.valueOf((String) context.inputs().get(ACTION)) == ImportPlan.Action.MAP) {
                String id = writer.lookup(target).orElseThrow(() -> new SkyliftException(ErrorCode.NOT_FOUND, resource.ref() + " is mapped to "
                        + target.type() + " '" + target.name() + "', which the destination does not have: "
                        + "create it there, or map to another with " + mapOption(target)));
                return outputs(resource, target, id, "mapped");
            }
            WriteRequest request = request(context, resource, target);
            Optional<Intent> earlier = context.intents().stream().filter(intent -> intent.key().equals(CREATE)).findFirst();
            if (earlier.isPresent() && earlier.get().state() == IntentState.DONE) {
                return outputs(resource, target, earlier.get().result().orElseThrow(), "created");
            }
            if (earlier.isEmpty()) {
                Optional<String> found = writer.find(request);
                if (found.isPresent()) {
                    return outputs(resource, target, found.get(), "found");
                }
                context.intent(CREATE);
            }
            context.heartbeat(Progress.of(0, 1, "creating " + target));
            // An attempt that recorded the intent may have made it before it died: look first.
            String id = (earlier.isPresent() ? writer.find(request) : Optional.<String>empty()).orElseGet(() -> writer.create(request));
            context.markDone(CREATE, id);
            return outputs(resource, target, id, "created");
        }
    }

    /** Deletes what this run created: by the id it journaled, or by its marker when it died before journaling it. */
    @Override
    public void cleanup(TaskContext context) {
        Optional<Intent> created = context.intents().stream().filter(intent -> intent.key().equals(CREATE)).findFirst();
        if (created.isEmpty()) {
            return;
        }
        Resource resource = JSON.convertValue(context.inputs().get(RESOURCE), Resource.class);
        ResourceRef target = ResourceRef.parse((String) context.inputs().get(TARGET));
        try (Provider provider = endpoints.connect((String) context.inputs().get(ENDPOINT))) {
            ResourceWriter writer = writer(provider);
            Optional<String> id = created.get().result().or(() -> writer.find(request(context, resource, target)));
            id.ifPresent(existing -> writer.delete(resource.ref().type(), existing));
        }
    }

    private static WriteRequest request(TaskContext context, Resource resource, ResourceRef target) {
        Map<ResourceRef, String> ids = new HashMap<>();
        for (Map<String, Object> output : context.dependencyOutputs().values()) {
            ids.put(ResourceRef.parse((String) output.get(REF)), (String) output.get(ID));
        }
        Resource named = new Resource(target, resource.params(), resource.refs(), resource.info(), resource.migration());
        Optional<DiskContent> data = Optional.ofNullable((String) context.inputs().get(DATA)).map(ref -> {
            Path directory = Path.of((String) context.inputs().get(DIRECTORY));
            DataFile file = Manifest.read(directory).of(ResourceRef.parse(ref)).orElseThrow(() -> new SkyliftException(ErrorCode.INVALID_INPUT,
                    BundleLayout.manifest(directory) + " no longer lists the data of " + ref));
            return file.content(directory);
        });
        return new WriteRequest(named, ids, (String) context.inputs().get(MARKER), data);
    }

    private static ResourceWriter writer(Provider provider) {
        return provider.capability(ResourceWriter.class).orElseThrow(() -> new SkyliftException(ErrorCode.UNSUPPORTED,
                "this endpoint's provider cannot create resources: import into another endpoint"));
    }

    private static String mapOption(ResourceRef target) {
        return switch (target.type()) {
            case NETWORK -> "--network-map";
            case FLAVOR -> "--flavor-map";
            case VOLUME_TYPE -> "--storage-map";
            case KEYPAIR -> "--keypair";
            default -> "an edit of " + BundleLayout.RESOURCES;
        };
    }

    private static Map<String, Object> outputs(Resource resource, ResourceRef target, String id, String result) {
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put(REF, resource.ref().toString());
        outputs.put(NAME, target.name());
        outputs.put(ID, id);
        outputs.put(OLD_ID, resource.info().getOrDefault("id", "") instanceof String old ? old : "");
        outputs.put(RESULT, result);
        return outputs;
    }
}

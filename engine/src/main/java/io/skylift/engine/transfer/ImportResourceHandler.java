package io.skylift.engine.transfer;

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
import io.skylift.spi.DiskSource;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.Provider;
import io.skylift.spi.ResourceWriter;
import io.skylift.spi.SkyliftException;
import io.skylift.spi.StagedDisk;
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
    /** The import's name prefix, which {@code skylift verify} takes off the destination's names. */
    static final String NAME_PREFIX = "name_prefix";
    /** A migration's: the endpoint the data is read from, the source resource it is read of, and the marker of its temporary copies there. */
    static final String ORIGIN = "origin";
    static final String DATA_RESOURCE = "data_resource";
    static final String STAGING = "staging";
    /** A user's: the file its new password is written to, {@link PasswordFile}. */
    static final String PASSWORDS = "passwords";
    /** Outputs, which dependent tasks and uuids.csv read. */
    static final String REF = "ref";
    static final String ID = "id";
    static final String OLD_ID = "old_id";
    static final String NAME = "name";
    static final String RESULT = "result";
    static final String BYTES = "bytes";
    static final String SHA256 = "sha256";
    /** The origin's digest algorithm the streamed bytes were checked against, such as {@code sha512}. */
    static final String ORIGIN_CHECK = "origin_check";
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
        try (Provider provider = endpoints.connect((String) context.inputs().get(ENDPOINT)); Origin origin = new Origin(context)) {
            ResourceWriter writer = Capabilities.writer(provider);
            if (ImportPlan.Action.valueOf((String) context.inputs().get(ACTION)) == ImportPlan.Action.MAP) {
                String id = writer.lookup(target).orElseThrow(() -> new SkyliftException(ErrorCode.NOT_FOUND, resource.ref() + " is mapped to "
                        + target.type() + " '" + target.name() + "', which the destination does not have: "
                        + "create it there, or map to another with " + mapOption(resource, target, context.inputs().containsKey(ORIGIN))));
                return outputs(resource, target, id, "mapped");
            }
            WriteRequest request = request(context, resource, target, origin);
            Optional<Intent> earlier = context.intents().stream().filter(intent -> intent.key().equals(CREATE)).findFirst();
            if (earlier.isPresent() && earlier.get().state() == IntentState.DONE) {
                origin.release();
                return outputs(resource, target, earlier.get().result().orElseThrow(), "created");
            }
            if (earlier.isEmpty()) {
                Optional<String> found = writer.find(request);
                if (found.isPresent()) {
                    // An earlier run may have made it and died before it deleted the origin's temporary copies.
                    origin.release();
                    return outputs(resource, target, found.get(), "found");
                }
                context.intent(CREATE);
            }
            context.heartbeat(Progress.of(0, 1, "creating " + target));
            // An attempt that recorded the intent may have made it before it died: look first.
            String id = (earlier.isPresent() ? writer.find(request) : Optional.<String>empty())
                    .orElseGet(() -> writer.create(withPassword(context, request)));
            context.markDone(CREATE, id);
            Map<String, Object> outputs = outputs(resource, target, id, "created");
            if (context.inputs().get(PASSWORDS) instanceof String file) {
                outputs.put(PASSWORDS, file);
            }
            origin.transferred().ifPresent(copied -> {
                outputs.put(BYTES, copied.bytes());
                outputs.put(SHA256, copied.sha256());
                copied.checkedAgainst().ifPresent(algorithm -> outputs.put(ORIGIN_CHECK, algorithm));
            });
            origin.release();
            return outputs;
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
        try (Provider provider = endpoints.connect((String) context.inputs().get(ENDPOINT)); Origin origin = new Origin(context)) {
            ResourceWriter writer = Capabilities.writer(provider);
            Optional<String> id = created.get().result().or(() -> writer.find(request(context, resource, target, origin)));
            id.ifPresent(existing -> writer.delete(resource.ref().type(), existing));
            origin.release();
        }
    }

    private static WriteRequest request(TaskContext context, Resource resource, ResourceRef target, Origin origin) {
        Map<ResourceRef, String> ids = new HashMap<>();
        for (Map<String, Object> output : context.dependencyOutputs().values()) {
            if (output.get(REF) instanceof String ref) {
                ids.put(ResourceRef.parse(ref), (String) output.get(ID));
            }
        }
        Resource named = new Resource(target, resource.params(), resource.refs(), resource.info(), resource.migration());
        Optional<DiskContent> data = Optional.ofNullable((String) context.inputs().get(DATA)).map(ref -> {
            if (context.inputs().containsKey(ORIGIN)) {
                return origin.content(ref);
            }
            Path directory = Path.of((String) context.inputs().get(DIRECTORY));
            DataFile file = Manifest.read(directory).of(ResourceRef.parse(ref)).orElseThrow(() -> new SkyliftException(ErrorCode.INVALID_INPUT,
                    BundleLayout.manifest(directory) + " no longer lists the data of " + ref));
            return file.content(directory);
        });
        return new WriteRequest(named, ids, (String) context.inputs().get(MARKER), data);
    }

    /** A user to create, with the password {@link PasswordFile} gives it; any other request as it is. */
    private static WriteRequest withPassword(TaskContext context, WriteRequest request) {
        if (!(context.inputs().get(PASSWORDS) instanceof String file)) {
            return request;
        }
        Resource user = request.resource();
        Map<String, Object> params = new LinkedHashMap<>(user.params());
        params.put("password", PasswordFile.passwordOf(Path.of(file), user.ref().name()));
        return new WriteRequest(new Resource(user.ref(), params, user.refs(), user.info(), user.migration()), request.ids(), request.marker(),
                request.data());
    }

    /**
     * The origin cloud of a migration. Connected only when the data is needed: a resource found at
     * the destination is never staged; one to create is staged when the writer first asks for its
     * data, streamed while the connection stays open, and its temporary copies deleted after.
     */
    private final class Origin implements AutoCloseable {

        private final TaskContext context;
        private Provider provider;
        private StreamedDisk disk;

        Origin(TaskContext context) {
            this.context = context;
        }

        DiskContent content(String of) {
            return new StagedOnDemand(() -> {
                if (disk == null) {
                    Resource owner = JSON.convertValue(context.inputs().get(DATA_RESOURCE), Resource.class);
                    context.heartbeat(Progress.of(0, 0, "staging " + of + " in endpoint '" + context.inputs().get(ORIGIN) + "'"));
                    DiskSource source = Capabilities.diskSource(connected());
                    StagedDisk staged = source.stage(owner, (String) context.inputs().get(STAGING));
                    disk = new StreamedDisk(source, staged, of, new ByteProgress(context, staged.size().orElse(0), "copying " + of));
                }
                return disk;
            });
        }

        Optional<StreamedDisk.Transferred> transferred() {
            return disk == null ? Optional.empty() : disk.transferred();
        }

        /** Deletes the origin's temporary copies of this resource's data; nothing for an import from a bundle. */
        void release() {
            if (context.inputs().get(STAGING) instanceof String marker) {
                Capabilities.diskSource(connected()).release(marker);
            }
        }

        private Provider connected() {
            if (provider == null) {
                provider = endpoints.connect((String) context.inputs().get(ORIGIN));
            }
            return provider;
        }

        @Override
        public void close() {
            if (provider != null) {
                provider.close();
            }
        }
    }

    /** The option that maps {@code target}: an import's, or a migration's (the Coriolis client's names). */
    private static String mapOption(Resource resource, ResourceRef target, boolean migration) {
        if (resource.migration().containsKey(MigrationPlan.DISK_STORAGE_MAPPING)) {
            return "--disk-storage-mapping";
        }
        return switch (target.type()) {
            case NETWORK -> "--network-map";
            case FLAVOR -> migration ? "--destination-environment flavor_map=SOURCE=DEST" : "--flavor-map";
            case VOLUME_TYPE -> migration ? "--storage-backend-mapping or --default-storage-backend" : "--storage-map";
            case KEYPAIR -> migration ? "--destination-environment keypair=NAME" : "--keypair";
            default -> migration ? "a --resource-file that leaves it out" : "an edit of " + BundleLayout.RESOURCES;
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

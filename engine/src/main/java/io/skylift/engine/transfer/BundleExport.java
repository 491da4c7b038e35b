package io.skylift.engine.transfer;

import static java.util.Objects.requireNonNull;

import io.skylift.bundle.Bundle;
import io.skylift.bundle.BundleSource;
import io.skylift.engine.endpoint.EndpointDetails;
import io.skylift.engine.endpoint.Endpoints;
import io.skylift.engine.execution.NewExecution;
import io.skylift.engine.execution.NewTask;
import io.skylift.model.Resource;
import io.skylift.model.ResourceFile;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import io.skylift.model.Scope;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code skylift export}: reads what a resource file selects through an endpoint, writes
 * {@code resources.yaml}, and gives the execution that copies the disk data into {@code data/}
 * (one task per image, volume or server whose data is copied) and then writes the playbook.
 */
public final class BundleExport {

    /** How many disks are copied at once: the cloud's own copies (snapshot, upload-to-image) overlap downloads. */
    private static final int PARALLEL_DISKS = 3;

    private BundleExport() {}

    /** What an export will do: the bundle it wrote and the execution that fills in the data. */
    public record Plan(Bundle bundle, NewExecution execution, List<ResourceRef> withData) {

        public Plan {
            requireNonNull(bundle, "bundle is null");
            requireNonNull(execution, "execution is null");
            withData = List.copyOf(requireNonNull(withData, "withData is null"));
        }
    }

    /**
     * Selects, closes over dependencies and writes {@code resources.yaml} into {@code directory}
     * (created if need be); nothing is changed in the cloud.
     *
     * @throws SkyliftException naming every entry of the resource file that matches nothing
     */
    public static Plan plan(Endpoints endpoints, String endpoint, Path resourceFile, Path directory, Clock clock) {
        ResourceFile file = ResourceFile.read(resourceFile);
        if (file.selections().isEmpty()) {
            throw new SkyliftException(ErrorCode.INVALID_INPUT, resourceFile + " selects nothing: add entries, or write it with skylift query");
        }
        EndpointDetails details = endpoints.show(endpoint);
        List<Resource> inventory = endpoints.inventory(endpoint, EnumSet.allOf(ResourceType.class));
        List<Resource> selected = withSavedVolumes(ExportSelection.select(file, inventory, resourceFile + " through endpoint '" + endpoint + "'"));
        createDirectory(directory);
        // The project most of the selection lives in; shared networks and public images belong to others.
        String project = selected.stream().map(Resource::ref).filter(ref -> ref.type().scope() == Scope.PROJECT)
                .collect(Collectors.groupingBy(ResourceRef::owner, TreeMap::new, Collectors.counting()))
                .entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("");
        Bundle bundle = new Bundle(new BundleSource(endpoint, details.endpoint().provider(), project), clock.instant(), selected);
        bundle.write(directory);

        List<NewTask> tasks = new ArrayList<>();
        List<ResourceRef> withData = new ArrayList<>();
        for (Resource resource : selected) {
            if (hasData(resource)) {
                withData.add(resource.ref());
                tasks.add(new NewTask(TaskIds.of("disk", resource.ref()), ExportDiskHandler.TYPE, Optional.of(resource.ref()),
                        Map.of(ExportDiskHandler.ENDPOINT, endpoint,
                                ExportDiskHandler.DIRECTORY, directory.toAbsolutePath().toString(),
                                ExportDiskHandler.MARKER, marker(directory, resource.ref())),
                        List.of(), List.of()));
            }
        }
        NewTask playbook = NewTask.of(WritePlaybookHandler.TYPE, WritePlaybookHandler.TYPE)
                .withInput(WritePlaybookHandler.DIRECTORY, directory.toAbsolutePath().toString())
                .dependingOn(tasks.stream().map(NewTask::id).toArray(String[]::new));
        tasks.add(playbook);
        NewExecution execution = NewExecution.of("export " + endpoint + " to " + directory.toAbsolutePath(), tasks).withMaxParallel(PARALLEL_DISKS);
        return new Plan(bundle, execution, withData);
    }

    /**
     * Whether the export copies the resource's data: always an image's (a server needs it to
     * boot), a volume's or a server's only with {@code save_state}, and a server's only when it
     * boots from an image (one booted from a volume has its data in its volumes).
     */
    static boolean hasData(Resource resource) {
        boolean saveState = Boolean.TRUE.equals(resource.migration().get(ExportSelection.SAVE_STATE));
        return switch (resource.ref().type()) {
            case IMAGE -> true;
            case VOLUME -> saveState;
            case SERVER -> saveState && !resource.refs().getOrDefault("image", List.of()).isEmpty();
            default -> false;
        };
    }

    /** A server with {@code save_state} that boots from a volume keeps its state in its volumes: they are copied too. */
    static List<Resource> withSavedVolumes(List<Resource> resources) {
        List<ResourceRef> saved = resources.stream()
                .filter(resource -> resource.ref().type() == ResourceType.SERVER && Boolean.TRUE.equals(resource.migration().get(ExportSelection.SAVE_STATE)))
                .flatMap(server -> server.refs().getOrDefault("volumes", List.of()).stream())
                .toList();
        return resources.stream().map(resource -> {
            if (!saved.contains(resource.ref()) || Boolean.TRUE.equals(resource.migration().get(ExportSelection.SAVE_STATE))) {
                return resource;
            }
            Map<String, Object> migration = new LinkedHashMap<>(resource.migration());
            migration.put(ExportSelection.SAVE_STATE, true);
            return resource.withMigration(migration);
        }).toList();
    }

    /**
     * Names the temporary copies of one resource's data in the source cloud: the same for every
     * export into the same directory, so a later export finds and reuses (or deletes) what an
     * interrupted one left behind.
     */
    static String marker(Path directory, ResourceRef ref) {
        return "skylift-export-" + TaskIds.shortHash(directory.toAbsolutePath().normalize() + "\n" + ref);
    }

    private static void createDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot create the bundle directory " + directory, e);
        }
    }
}

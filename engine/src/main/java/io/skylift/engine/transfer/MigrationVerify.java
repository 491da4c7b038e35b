package io.skylift.engine.transfer;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.skylift.bundle.Sha256;
import io.skylift.engine.endpoint.Endpoints;
import io.skylift.engine.execution.ExecutionStatus;
import io.skylift.engine.execution.Journal;
import io.skylift.engine.execution.Task;
import io.skylift.model.Resource;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import io.skylift.spi.DiskSource;
import io.skylift.spi.DiskStream;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.Provider;
import io.skylift.spi.SkyliftException;
import io.skylift.spi.StagedDisk;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * {@code skylift verify}: reads back from the destination what a completed migration made and
 * compares it, resource by resource and field by field ({@link Fidelity}), with what it read from
 * the origin; and each disk moved by its SHA-256: an image by hashing it again as the destination
 * serves it, a volume by the hash taken in flight (a volume a server booted from has changed
 * since, at both ends, so it cannot be hashed again to the same bytes).
 *
 * <p>A run that found its disks made (the same migration again) streamed nothing: the hash is then
 * the one the earlier run took that made the very resource found (the same destination, marker and
 * id in the journal), since what a run made under its marker holds the bytes it checked.
 */
public final class MigrationVerify {

    /** Fields the destination allocates from its own pools: shown, not counted as differences. */
    private static final Map<ResourceType, Set<String>> ALLOCATED = Map.of(
            ResourceType.ROUTER, Set.of("params.external_gateway"),
            ResourceType.FLOATING_IP, Set.of("params.floating_ip_address"));
    /** Types whose destination id is not the inventory's: found by name. */
    private static final Set<ResourceType> NAMED_BY_ID = EnumSet.of(ResourceType.ROUTER_INTERFACE, ResourceType.KEYPAIR);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BUFFER = 1 << 20;

    private MigrationVerify() {}

    /** One resource's or disk's line of the fidelity table. */
    public record Row(String type, String name, String result, String detail) {

        public Row {
            requireNonNull(type, "type is null");
            requireNonNull(name, "name is null");
            requireNonNull(result, "result is null");
            requireNonNull(detail, "detail is null");
        }

        /** Whether the row is an unexpected difference. */
        public boolean failed() {
            return result.equals(DIFFERS) || result.equals(MISSING);
        }

        /** Whether the row shows the thing as at the origin: identical, or mapped as the migration was told. */
        public boolean holds() {
            return result.equals(IDENTICAL) || result.equals(MAPPED);
        }
    }

    public record Report(List<Row> resources, List<Row> disks) {

        public Report {
            resources = List.copyOf(requireNonNull(resources, "resources is null"));
            disks = List.copyOf(requireNonNull(disks, "disks is null"));
        }

        public long failures() {
            return resources.stream().filter(Row::failed).count() + disks.stream().filter(Row::failed).count();
        }
    }

    static final String IDENTICAL = "identical";
    static final String DIFFERS = "differs";
    static final String MISSING = "missing";
    static final String MAPPED = "mapped";
    /** A disk with no SHA-256 in the journal to compare with: not a difference, and not shown to be identical. */
    static final String NOT_COMPARED = "not compared";

    /**
     * @throws SkyliftException INVALID_INPUT when the migration has not completed
     */
    public static Report verify(Endpoints endpoints, Journal journal, UUID migration) {
        ExecutionStatus status = journal.get(migration).status();
        if (status != ExecutionStatus.COMPLETED) {
            throw new SkyliftException(ErrorCode.INVALID_INPUT, "migration " + migration + " is " + status
                    + ": only a completed migration can be verified (see skylift migration show " + migration + ")");
        }
        List<Task> imports = journal.tasks(migration).stream().filter(task -> task.type().equals(ImportResourceHandler.TYPE)).toList();
        if (imports.isEmpty()) {
            return new Report(List.of(), List.of());
        }
        String destination = (String) imports.getFirst().inputs().get(ImportResourceHandler.ENDPOINT);
        Map<ResourceRef, ResourceRef> targets = new LinkedHashMap<>();
        imports.forEach(task -> targets.put(planned(task).ref(), target(task)));
        List<Resource> inventory = endpoints.inventory(destination, imports.stream().map(task -> target(task).type())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ResourceType.class))));
        List<Row> resources = new ArrayList<>();
        List<Row> disks = new ArrayList<>();
        List<Task> earlier = imports.stream().anyMatch(task -> task.inputs().containsKey(ImportResourceHandler.DATA) && Sent.of(task).isEmpty())
                ? otherMigrationsImports(journal, migration) : List.of();
        try (Provider provider = endpoints.connect(destination)) {
            for (Task task : imports) {
                Resource planned = planned(task);
                ResourceRef target = target(task);
                String id = (String) task.outputs().get(ImportResourceHandler.ID);
                if (ImportPlan.Action.valueOf((String) task.inputs().get(ImportResourceHandler.ACTION)) == ImportPlan.Action.MAP) {
                    resources.add(new Row(target.type().id(), planned.ref().name(), MAPPED, "to " + target.name() + " " + id));
                    continue;
                }
                String prefix = (String) task.inputs().getOrDefault(ImportResourceHandler.NAME_PREFIX, "");
                Optional<Resource> made = inventory.stream()
                        .filter(resource -> id.equals(resource.info().get("id")) || NAMED_BY_ID.contains(target.type())
                                && resource.ref().type() == target.type() && unprefixed(resource.ref().name(), prefix).equals(unprefixed(target.name(), prefix)))
                        .findFirst();
                if (made.isEmpty()) {
                    resources.add(new Row(target.type().id(), target.name(), MISSING, "the destination has no " + target.type().id() + " " + id));
                    continue;
                }
                resources.add(planned.migration().get(ImportPlan.DERIVED_FROM) instanceof String of
                        ? new Row(target.type().id(), target.name(), IDENTICAL, "made of the disk of " + of + ": see its SHA-256 below")
                        : compare(task, planned, made.get(), targets));
                if (task.inputs().containsKey(ImportResourceHandler.DATA)) {
                    disks.add(sent(task, earlier).map(sent -> disk(provider, target, made.get(), sent))
                            .orElseGet(() -> notCompared(target, task)));
                }
            }
        }
        return new Report(resources, disks);
    }

    private static Row compare(Task task, Resource planned, Resource made, Map<ResourceRef, ResourceRef> targets) {
        String prefix = (String) task.inputs().getOrDefault(ImportResourceHandler.NAME_PREFIX, "");
        // What the origin's refs became: mapped or renamed resources, by their destination names.
        Map<String, List<ResourceRef>> refs = new LinkedHashMap<>();
        planned.refs().forEach((role, list) -> refs.put(role, list.stream().map(ref -> {
            ResourceRef to = targets.getOrDefault(ref, ref);
            return new ResourceRef(to.type(), to.owner(), unprefixed(to.name(), prefix));
        }).toList()));
        List<String> allocated = new ArrayList<>();
        List<String> differences = new ArrayList<>();
        for (String difference : Fidelity.between(planned.withRefs(refs), made, prefix)) {
            boolean isAllocated = ALLOCATED.getOrDefault(planned.ref().type(), Set.of()).stream().anyMatch(field -> difference.startsWith(field + " "));
            (isAllocated ? allocated : differences).add(difference);
        }
        ResourceRef target = target(task);
        String result = String.valueOf(task.outputs().get(ImportResourceHandler.RESULT));
        if (!differences.isEmpty()) {
            return new Row(target.type().id(), target.name(), DIFFERS, String.join("; ", differences));
        }
        return new Row(target.type().id(), target.name(), IDENTICAL, result + (allocated.isEmpty() ? "" : "; allocated by the destination: "
                + allocated.stream().map(line -> line.substring(0, line.indexOf(' '))).collect(Collectors.joining(", "))));
    }

    /**
     * What a disk was streamed with, as the import task that made it recorded it.
     *
     * @param by empty when this run streamed it, else the earlier migration that did
     */
    private record Sent(String sha256, Object bytes, Object originCheck, Optional<UUID> by) {

        /** The task's record, when it streamed the disk. */
        static Optional<Sent> of(Task task) {
            return task.outputs().get(ImportResourceHandler.SHA256) instanceof String sha256
                    ? Optional.of(new Sent(sha256, task.outputs().get(ImportResourceHandler.BYTES), task.outputs().get(ImportResourceHandler.ORIGIN_CHECK),
                            Optional.empty()))
                    : Optional.empty();
        }

        Sent madeBy(UUID migration) {
            return new Sent(sha256, bytes, originCheck, Optional.of(migration));
        }

        /** Where the hash comes from, and what the origin's own digest said of the bytes. */
        String source() {
            return by.map(migration -> "taken in flight by migration " + migration + ", which made it (this run found it)").orElse("taken in flight")
                    + (originCheck instanceof String algorithm ? ", equal in flight to the origin's own " + algorithm : "");
        }
    }

    /** The import tasks of every other migration in the journal. */
    private static List<Task> otherMigrationsImports(Journal journal, UUID migration) {
        return journal.list().stream().map(summary -> summary.execution())
                .filter(execution -> execution.name().startsWith(MigrationPlan.NAME_PREFIX) && !execution.id().equals(migration))
                .flatMap(execution -> journal.tasks(execution.id()).stream())
                .filter(task -> task.type().equals(ImportResourceHandler.TYPE))
                .toList();
    }

    /**
     * This task's record of the disk, or, when it found the disk made, that of the task of another
     * migration that made the same resource: the same destination, marker and id.
     */
    private static Optional<Sent> sent(Task task, List<Task> earlier) {
        return Sent.of(task).or(() -> earlier.stream()
                .filter(other -> sameInput(ImportResourceHandler.ENDPOINT, task, other) && sameInput(ImportResourceHandler.MARKER, task, other)
                        && task.outputs().get(ImportResourceHandler.ID).equals(other.outputs().get(ImportResourceHandler.ID)))
                .flatMap(other -> Sent.of(other).map(sent -> sent.madeBy(other.executionId())).stream())
                .findFirst());
    }

    private static boolean sameInput(String key, Task task, Task other) {
        return task.inputs().get(key).equals(other.inputs().get(key));
    }

    /** A disk whose hash the journal does not hold: why, and how to have it compared. */
    private static Row notCompared(ResourceRef target, Task task) {
        String why = "found".equals(task.outputs().get(ImportResourceHandler.RESULT))
                ? "found made at the destination, so not streamed by this run, and no migration in this journal streamed it (it was made by an "
                        + "import, or by a migration since deleted)"
                : "created by an attempt that ended before it recorded the SHA-256 taken in flight";
        return new Row(target.type().id(), target.name(), NOT_COMPARED, why + ": to compare it, delete " + target.type().id() + " " + target.name()
                + " at the destination and run the migration again");
    }

    /** An image is hashed again as the destination serves it; a volume's hash is the one taken in flight. */
    private static Row disk(Provider provider, ResourceRef target, Resource made, Sent sent) {
        if (target.type() != ResourceType.IMAGE) {
            return new Row(target.type().id(), target.name(), IDENTICAL, "sha256 " + sent.sha256() + " of " + sent.bytes() + " bytes, " + sent.source()
                    + " (the volume has been in use since: not hashed again)");
        }
        DiskSource source = Capabilities.diskSource(provider);
        StagedDisk disk = source.stage(made, "skylift-verify-" + TaskIds.shortHash(target.toString()));
        String actual;
        try (DiskStream stream = source.read(disk, 0); InputStream in = stream.body()) {
            Sha256 hash = new Sha256();
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = in.read(buffer)) > 0; ) {
                hash.update(buffer, 0, n);
            }
            actual = hash.hex();
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read image " + target.name() + " back from the destination", e);
        }
        return actual.equals(sent.sha256())
                ? new Row(target.type().id(), target.name(), IDENTICAL, "sha256 " + actual + " at both ends (" + sent.bytes() + " bytes, " + sent.source() + ")")
                : new Row(target.type().id(), target.name(), DIFFERS, "sent sha256 " + sent.sha256() + " (" + sent.source() + "), the destination serves "
                        + actual);
    }

    private static String unprefixed(String name, String prefix) {
        return prefix.isEmpty() ? name : name.replace(prefix, "");
    }

    private static Resource planned(Task task) {
        return JSON.convertValue(task.inputs().get(ImportResourceHandler.RESOURCE), Resource.class);
    }

    private static ResourceRef target(Task task) {
        return ResourceRef.parse((String) task.inputs().get(ImportResourceHandler.TARGET));
    }
}

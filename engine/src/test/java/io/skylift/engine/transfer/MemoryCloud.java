package io.skylift.engine.transfer;

import io.skylift.model.Resource;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import io.skylift.spi.Capability;
import io.skylift.spi.Checksum;
import io.skylift.spi.DiskSource;
import io.skylift.spi.DiskStream;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.Inventory;
import io.skylift.spi.Provider;
import io.skylift.spi.ResourceWriter;
import io.skylift.spi.ServerPower;
import io.skylift.spi.SkyliftException;
import io.skylift.spi.StagedDisk;
import io.skylift.spi.WriteRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A cloud in memory, as source and destination: resources with disk data to read (through
 * temporary copies, as OpenStack needs for volumes and servers) and resources written to it with
 * their markers. Tests look at what it holds and what was asked of it.
 */
final class MemoryCloud implements Provider {

    /** What the source holds: resources, and the bytes of those with data. */
    final Map<ResourceRef, Resource> resources = new LinkedHashMap<>();
    final Map<ResourceRef, byte[]> disks = new ConcurrentHashMap<>();
    /** Temporary copies made by stage and not yet released, by marker. */
    final Map<String, String> temporaries = new ConcurrentHashMap<>();
    final List<String> staged = new CopyOnWriteArrayList<>();
    final List<Long> readOffsets = new CopyOnWriteArrayList<>();
    boolean honoursRanges = true;
    /** Whether staged disks carry the cloud's sha512 of their data, and whether reads hand out one byte changed. */
    boolean checksums;
    boolean corruptReads;

    /** What was written: id to request, and the bytes uploaded with it. */
    final Map<String, WriteRequest> created = new ConcurrentHashMap<>();
    final Map<String, byte[]> uploaded = new ConcurrentHashMap<>();
    final List<String> deleted = new CopyOnWriteArrayList<>();
    /** Existing resources a lookup finds, such as a destination's external network. */
    final Map<ResourceRef, String> existing = new ConcurrentHashMap<>();
    /** Servers by id: whether each runs; and what was done to them and to disks, in order ("stop app-id", "stage ...", "start app-id"). */
    final Map<String, Boolean> running = new ConcurrentHashMap<>();
    final List<String> actions = new CopyOnWriteArrayList<>();
    /** Keypairs the destination has, by name: their public key. As with Nova, one of the same key is found, one of another is refused. */
    final Map<String, String> keypairs = new ConcurrentHashMap<>();
    /** Types whose creation fails as over quota. */
    final Set<ResourceType> overQuota = ConcurrentHashMap.newKeySet();

    void add(Resource resource, byte[] disk) {
        resources.put(resource.ref(), resource);
        if (disk != null) {
            disks.put(resource.ref(), disk);
        }
    }

    @Override
    public java.util.SequencedMap<String, String> validate() {
        return new LinkedHashMap<>();
    }

    @Override
    public <T extends Capability> Optional<T> capability(Class<T> type) {
        if (type == Inventory.class) {
            return Optional.of(type.cast((Inventory) types -> {
                List<Resource> held = new ArrayList<>(resources.values());
                created.forEach((id, request) -> held.add(readBack(id, request)));
                return held;
            }));
        }
        if (type == DiskSource.class) {
            return Optional.of(type.cast(new Disks()));
        }
        if (type == ResourceWriter.class) {
            return Optional.of(type.cast(new Writer()));
        }
        if (type == ServerPower.class) {
            return Optional.of(type.cast(new Power()));
        }
        return Optional.empty();
    }

    @Override
    public void close() {
    }

    /** What was written, as an inventory reads it back: with its id, and references by the names of what they are here. */
    private Resource readBack(String id, WriteRequest request) {
        Map<String, List<ResourceRef>> refs = new LinkedHashMap<>();
        request.resource().refs().forEach((role, list) -> refs.put(role, list.stream().map(ref -> Optional.ofNullable(request.ids().get(ref))
                .flatMap(this::refOf).orElse(ref)).toList()));
        return new Resource(request.resource().ref(), request.resource().params(), refs, Map.of("id", id), Map.of());
    }

    /** The resource that has {@code id} here: written, or existing before. */
    private Optional<ResourceRef> refOf(String id) {
        return Optional.ofNullable(created.get(id)).map(request -> request.resource().ref())
                .or(() -> existing.entrySet().stream().filter(entry -> entry.getValue().equals(id)).map(Map.Entry::getKey).findFirst());
    }

    /** The bytes of the disk of the resource with {@code id}: uploaded to it, or held before. */
    private byte[] disk(String id) {
        return uploaded.containsKey(id) ? uploaded.get(id) : disks.get(byId(id));
    }

    private ResourceRef byId(String id) {
        return resources.values().stream().filter(r -> id.equals(r.info().get("id"))).map(Resource::ref).findFirst()
                .orElseThrow(() -> new SkyliftException(ErrorCode.NOT_FOUND, "no resource " + id));
    }

    private final class Disks implements DiskSource {

        @Override
        public StagedDisk stage(Resource resource, String marker) {
            staged.add(marker);
            actions.add("stage " + resource.ref());
            String id = (String) resource.info().get("id");
            byte[] data = disk(id);
            if (data == null) {
                throw new SkyliftException(ErrorCode.UNSUPPORTED, resource.ref() + " has no disk");
            }
            boolean image = resource.ref().type() == ResourceType.IMAGE;
            if (!image) {
                temporaries.put(marker, id);
            }
            Optional<Checksum> checksum = checksums ? Optional.of(new Checksum("sha512", sha512(data))) : Optional.empty();
            return new StagedDisk(id, OptionalLong.of(data.length), image ? "qcow2" : "raw", "bare", checksum);
        }

        @Override
        public DiskStream read(StagedDisk disk, long offset) {
            readOffsets.add(offset);
            byte[] data = disk(disk.id());
            long start = honoursRanges ? offset : 0;
            byte[] sent = Arrays.copyOfRange(data, (int) start, data.length);
            if (corruptReads && sent.length > 0) {
                sent[sent.length / 2] ^= 1;
            }
            return new DiskStream(new ByteArrayInputStream(sent), start);
        }

        @Override
        public void release(String marker) {
            temporaries.remove(marker);
        }
    }

    private final class Power implements ServerPower {

        @Override
        public boolean isRunning(String serverId) {
            return running.getOrDefault(serverId, false);
        }

        @Override
        public void stop(String serverId) {
            actions.add("stop " + serverId);
            running.put(serverId, false);
        }

        @Override
        public void start(String serverId) {
            actions.add("start " + serverId);
            running.put(serverId, true);
        }
    }

    private final class Writer implements ResourceWriter {

        @Override
        public Optional<String> find(WriteRequest request) {
            String name = request.resource().ref().name();
            if (request.resource().ref().type() == ResourceType.KEYPAIR && keypairs.containsKey(name)) {
                if (!keypairs.get(name).equals(request.resource().params().get("public_key"))) {
                    throw new SkyliftException(ErrorCode.ALREADY_EXISTS, "keypair " + name + " exists at the destination with another public key");
                }
                return Optional.of(name);
            }
            return created.entrySet().stream()
                    .filter(entry -> entry.getValue().marker().equals(request.marker())
                            && entry.getValue().resource().ref().type() == request.resource().ref().type())
                    .map(Map.Entry::getKey).findFirst();
        }

        @Override
        public String create(WriteRequest request) {
            if (overQuota.contains(request.resource().ref().type())) {
                throw new SkyliftException(ErrorCode.QUOTA_EXCEEDED, "quota of " + request.resource().ref().type() + "s exceeded");
            }
            String id = UUID.randomUUID().toString();
            if (request.data().isPresent()) {
                try (InputStream in = request.data().get().open()) {
                    uploaded.put(id, in.readAllBytes());
                }
                catch (IOException e) {
                    throw new SkyliftException(ErrorCode.INVALID_INPUT, "upload of " + request.resource().ref() + " failed: " + e.getMessage(), e);
                }
            }
            created.put(id, request);
            return id;
        }

        @Override
        public Optional<String> lookup(ResourceRef ref) {
            return Optional.ofNullable(existing.get(ref));
        }

        @Override
        public void delete(ResourceType type, String id) {
            if (created.remove(id) != null) {
                uploaded.remove(id);
                deleted.add(id);
            }
        }
    }

    /** The id of what was created for {@code ref}. */
    String idOf(ResourceRef ref) {
        return created.entrySet().stream().filter(entry -> entry.getValue().resource().ref().equals(ref)).map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new AssertionError(ref + " was not created"));
    }

    /** Names of what was created, by type and destination name, for assertions. */
    List<String> createdNames() {
        List<String> names = new ArrayList<>();
        created.values().forEach(request -> names.add(request.resource().ref().toString()));
        return names;
    }

    private static String sha512(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(data));
        }
        catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] bytes(int length, int seed) {
        byte[] data = new byte[length];
        new java.util.Random(seed).nextBytes(data);
        return data;
    }
}

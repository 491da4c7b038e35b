package io.skylift.model;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SequencedSet;

/**
 * One resource in a cloud, as Skylift carries it from source to destination.
 *
 * @param ref       which resource this is
 * @param params    what the destination needs to recreate it (size, CIDR, flags); editable
 * @param refs      the resources it depends on, by role: a server's {@code flavor}, {@code image},
 *                  {@code keypair}, {@code ports}, {@code volumes}; a port's {@code network},
 *                  {@code subnets}, {@code security_groups}
 * @param info      read-only facts from the source: id, status, sizes, checksums
 * @param migration how to carry it: copy data or not, keep the IP, boot from volume, ...
 */
@JsonPropertyOrder({"ref", "params", "refs", "info", "migration"})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Resource(
        ResourceRef ref,
        // A resource file leaves out the sections it does not need.
        @JsonSetter(nulls = Nulls.AS_EMPTY) Map<String, Object> params,
        @JsonSetter(nulls = Nulls.AS_EMPTY) Map<String, List<ResourceRef>> refs,
        @JsonSetter(nulls = Nulls.AS_EMPTY) Map<String, Object> info,
        @JsonSetter(nulls = Nulls.AS_EMPTY) Map<String, Object> migration) {

    public Resource {
        requireNonNull(ref, "ref is null");
        params = ImmutableTree.copyOf("params", params);
        refs = copyRefs(ref, refs);
        info = ImmutableTree.copyOf("info", info);
        migration = ImmutableTree.copyOf("migration", migration);
    }

    /** A resource with no params, refs, info or migration options. */
    public static Resource of(ResourceRef ref) {
        return new Resource(ref, Map.of(), Map.of(), Map.of(), Map.of());
    }

    public Resource withParams(Map<String, ?> params) {
        return new Resource(ref, ImmutableTree.copyOf("params", params), refs, info, migration);
    }

    public Resource withRefs(Map<String, ? extends Collection<ResourceRef>> refs) {
        requireNonNull(refs, "refs is null");
        Map<String, List<ResourceRef>> lists = new LinkedHashMap<>();
        // Copied loosely here; the constructor checks each list and names a null it finds.
        refs.forEach((role, targets) -> lists.put(role, targets == null ? null : new ArrayList<>(targets)));
        return new Resource(ref, params, lists, info, migration);
    }

    public Resource withInfo(Map<String, ?> info) {
        return new Resource(ref, params, refs, ImmutableTree.copyOf("info", info), migration);
    }

    public Resource withMigration(Map<String, ?> migration) {
        return new Resource(ref, params, refs, info, ImmutableTree.copyOf("migration", migration));
    }

    /** Every resource this one refers to, once each, in role order. */
    public SequencedSet<ResourceRef> dependencies() {
        SequencedSet<ResourceRef> all = new LinkedHashSet<>();
        refs.values().forEach(all::addAll);
        return Collections.unmodifiableSequencedSet(all);
    }

    private static Map<String, List<ResourceRef>> copyRefs(ResourceRef owner, Map<String, List<ResourceRef>> refs) {
        requireNonNull(refs, "refs is null");
        Map<String, List<ResourceRef>> copy = new LinkedHashMap<>();
        for (Map.Entry<String, List<ResourceRef>> entry : refs.entrySet()) {
            String role = entry.getKey();
            if (role == null || role.isBlank()) {
                throw new IllegalArgumentException(owner + " has a reference role that is blank");
            }
            List<ResourceRef> targets = entry.getValue();
            if (targets == null || targets.stream().anyMatch(Objects::isNull)) {
                throw new IllegalArgumentException(owner + " has a null reference in role '" + role + "'");
            }
            copy.put(role, List.copyOf(targets));
        }
        return Collections.unmodifiableMap(copy);
    }
}

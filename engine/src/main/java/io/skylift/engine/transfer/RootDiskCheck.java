package io.skylift.engine.transfer;

import io.skylift.engine.transfer.MigrationPreview.Finding;
import io.skylift.engine.transfer.MigrationPreview.Severity;
import io.skylift.model.Resource;
import io.skylift.model.ResourceType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether each server the migration creates fits its root disk into the flavor it gets at the
 * destination: Nova refuses to boot an image whose size or {@code min_disk} is above the flavor's
 * disk, and fails on the compute host when its virtual size is. A server's root disk that moves
 * (its {@code .skylift-snapshot} image) is as large as the disk of its flavor at the origin. A
 * flavor with a disk of 0 takes the image's size, and a server that boots from a volume has no
 * root disk in its flavor: neither is checked.
 */
final class RootDiskCheck {

    private static final long GIB = 1L << 30;

    private RootDiskCheck() {}

    static List<Finding> findings(PlannedDestination destination) {
        return destination.steps().stream().map(ImportPlan.Step::resource)
                .filter(server -> server.ref().type() == ResourceType.SERVER && destination.creates(server.ref()))
                .filter(server -> !"volume".equals(server.params().get("boot_from")))
                .flatMap(server -> finding(destination, server).stream())
                .toList();
    }

    private static Optional<Finding> finding(PlannedDestination destination, Resource server) {
        Optional<Resource> flavor = destination.flavorOf(server);
        Optional<ImportPlan.Step> image = server.refs().getOrDefault("image", List.of()).stream().findFirst().flatMap(destination::step);
        if (flavor.isEmpty() || image.isEmpty() || !(flavor.get().params().get("disk") instanceof Number disk) || disk.longValue() <= 0) {
            return Optional.empty();
        }
        String fits = ", larger than the " + disk + " GiB root disk of flavor " + flavor.get().ref().name() + " that it gets at the destination:"
                + " map its flavor to one with a larger root disk (--destination-environment flavor_map="
                + server.refs().get("flavor").getFirst().name() + "=FLAVOR)";
        Resource boot = image.get().resource();
        if (boot.migration().containsKey(ImportPlan.DERIVED_FROM)) {
            return originDisk(destination, server).filter(origin -> origin > disk.longValue()).map(origin -> new Finding(Severity.ERROR,
                    server.ref().toString(), "the root disk of server " + server.ref() + " is " + origin + " GiB (its flavor's at the origin)" + fits));
        }
        // What Glance says of the image, in bytes: each bounds the root disk from below.
        Map<String, Long> sizes = new LinkedHashMap<>();
        if (boot.info().get("size") instanceof Number size) {
            sizes.put("size", size.longValue());
        }
        if (boot.info().get("virtual_size") instanceof Number virtual) {
            sizes.put("virtual size", virtual.longValue());
        }
        if (boot.params().get("min_disk") instanceof Number min && min.longValue() > 0) {
            sizes.put("min_disk", min.longValue() * GIB);
        }
        if (sizes.values().stream().noneMatch(bytes -> bytes > disk.longValue() * GIB)) {
            return Optional.empty();
        }
        return Optional.of(new Finding(Severity.ERROR, server.ref().toString(), "server " + server.ref() + " boots from image " + boot.ref() + " ("
                + sizes.entrySet().stream().map(size -> size.getKey() + " " + gib(size.getValue())).collect(Collectors.joining(", ")) + ")" + fits));
    }

    /** The disk in GiB of the server's flavor at the origin, which its root disk has. */
    private static Optional<Long> originDisk(PlannedDestination destination, Resource server) {
        return server.refs().getOrDefault("flavor", List.of()).stream().findFirst().flatMap(destination::step)
                .map(flavor -> flavor.resource().params().get("disk")).filter(Number.class::isInstance).map(disk -> ((Number) disk).longValue());
    }

    /** In GiB to a thousandth, rounded up so that a small image does not read as 0. */
    private static String gib(long bytes) {
        return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(GIB), 3, RoundingMode.UP).stripTrailingZeros().toPlainString() + " GiB";
    }
}

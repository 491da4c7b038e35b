package io.skylift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.skylift.bundle.DataFile;
import io.skylift.bundle.Manifest;
import io.skylift.model.ResourceRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An export killed with {@code kill -9} while it downloads a volume, on the real testbed, then run
 * again: it reuses the temporary copies the dead one left in the source, continues the partial
 * file from its length, ends with the volume's exact bytes, and leaves no temporary copy behind.
 */
class ExportResumeIT {

    private static final ResourceRef VOLUME = ResourceRef.parse("volume:demo/skylift-data");
    private static final long KILL_AFTER = 64L << 20;

    @TempDir
    Path work;

    @Test
    void exportKilledMidDownload_resumesAndLeavesNothingInTheSource() throws Exception {
        SkyliftProcess skylift = new SkyliftProcess().with("SKYLIFT_HOME", work.resolve("home").toString())
                .with("OS_CLIENT_CONFIG_FILE", OpenStackCommandsIT.CLOUDS.toString()).within(Duration.ofMinutes(10));
        assertThat(skylift.run("endpoint", "create", "src", "--provider", "openstack", "--cloud", "skylift-src-demo").exitCode()).isZero();
        Path resources = work.resolve("resources.yaml");
        Files.writeString(resources, "volumes:\n- name: skylift-data\n  save_state: true\n");
        Path bundle = work.resolve("bundle");

        // Another test's export, killed by its time limit, may have left its own: they are not this one's to judge.
        List<ResourceRef> before = temporaries();
        Process first = start(skylift, resources, bundle);
        Path part = awaitPartOf(bundle, first);
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        long leftBehind = Files.size(part);
        assertThat(temporaries()).as("the killed export's temporary copies in the source").isNotEmpty().isNotEqualTo(before);

        SkyliftProcess.Result again = skylift.run("export", resources.toString(), bundle.toString(), "--from", "src");

        assertThat(again.exitCode()).as(again.stderr()).isZero();
        DataFile file = Manifest.read(bundle).of(VOLUME).orElseThrow();
        file.verify(bundle);
        assertThat(file.size()).isEqualTo(1L << 30).isGreaterThan(leftBehind);
        assertThat(part).doesNotExist();
        assertThat(temporaries()).as("temporary copies in the source after the export").containsExactlyInAnyOrderElementsOf(before);
    }

    private static Process start(SkyliftProcess skylift, Path resources, Path bundle) throws IOException {
        List<String> command = new ArrayList<>(List.of(SkyliftProcess.launcher().toString(), "export", resources.toString(), bundle.toString(),
                "--from", "src"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(skylift.environment());
        return builder.start();
    }

    /** The partial download once it holds {@link #KILL_AFTER} bytes. */
    private static Path awaitPartOf(Path bundle, Process export) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            assertThat(export.isAlive()).as("the export still runs (it should be killed mid-download)").isTrue();
            if (Files.isDirectory(bundle)) {
                try (Stream<Path> files = Files.walk(bundle)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".part")).toList()) {
                        if (Files.size(file) >= KILL_AFTER) {
                            return file;
                        }
                    }
                }
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError("no partial download of " + KILL_AFTER + " bytes within 5 minutes");
    }

    /** Images, volumes and snapshots an export leaves in the source while it runs: named by its marker. */
    private static List<ResourceRef> temporaries() {
        return ExportImportIT.inventory("skylift-src-demo").keySet().stream().filter(ref -> ref.name().startsWith("skylift-export-")).toList();
    }
}

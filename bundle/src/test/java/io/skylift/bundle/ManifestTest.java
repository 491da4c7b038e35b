package io.skylift.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skylift.model.ResourceRef;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestTest {

    @TempDir
    Path directory;

    private static final ResourceRef IMAGE = ResourceRef.parse("image:demo/cirros");

    private DataFile written(byte[] bytes) throws IOException {
        String path = BundleLayout.dataPath(IMAGE, "qcow2");
        Path file = directory.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        Sha256 hash = new Sha256();
        hash.update(bytes, 0, bytes.length);
        return new DataFile(path, IMAGE, bytes.length, hash.hex(), "qcow2", "bare");
    }

    @Test
    void manifest_readsBackAsWritten() throws IOException {
        Manifest manifest = Manifest.empty().with(written("disk".getBytes()));
        manifest.write(directory);

        assertThat(Manifest.read(directory)).isEqualTo(manifest);
        assertThat(Manifest.read(directory).of(IMAGE)).isPresent();
    }

    @Test
    void noManifest_isEmpty() {
        assertThat(Manifest.read(directory).files()).isEmpty();
    }

    @Test
    void intactFile_verifies() throws IOException {
        written(new byte[3 << 20]).verify(directory);
    }

    @Test
    void corruptedFile_namesFileAndBothChecksums() throws IOException {
        DataFile file = written("original".getBytes());
        Files.writeString(file.file(directory), "damaged!");

        assertThatThrownBy(() -> file.verify(directory))
                .hasMessageContaining(file.file(directory).toString())
                .hasMessageContaining("has SHA-256 " + sha("damaged!"))
                .hasMessageContaining("the manifest says " + file.sha256());
    }

    @Test
    void truncatedFile_namesBothSizes() throws IOException {
        DataFile file = written("original".getBytes());
        Files.writeString(file.file(directory), "orig");

        assertThatThrownBy(() -> file.verify(directory)).hasMessageContaining("is 4 bytes, but the manifest says 8");
    }

    @Test
    void contentStream_failsOnItsLastReadWhenBytesDiffer() throws IOException {
        DataFile file = written("original".getBytes());
        Files.writeString(file.file(directory), "damaged!");

        try (InputStream in = file.content(directory).open()) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class).hasMessageContaining("has SHA-256");
        }
    }

    @Test
    void contentStream_passesIntactBytes() throws IOException {
        DataFile file = written("original".getBytes());

        try (InputStream in = file.content(directory).open()) {
            assertThat(in.readAllBytes()).isEqualTo("original".getBytes());
        }
    }

    @Test
    void twoFilesForOneResource_areRefused() throws IOException {
        DataFile file = written("x".getBytes());
        DataFile other = new DataFile("data/image/demo/other.raw", IMAGE, 1, file.sha256(), "raw", "bare");

        assertThatThrownBy(() -> new Manifest(List.of(file, other))).hasMessageContaining("two data files for image:demo/cirros");
    }

    @Test
    void pathOutsideData_isRefused() {
        assertThatThrownBy(() -> new DataFile("data/../../etc/passwd", IMAGE, 1, "0".repeat(64), "raw", "bare"))
                .hasMessageContaining("must lie under data/");
    }

    @Test
    void dataPath_keepsSafeNamesAndHashesOthers() {
        assertThat(BundleLayout.dataPath(IMAGE, "qcow2")).isEqualTo("data/image/demo/cirros.qcow2");
        assertThat(BundleLayout.dataPath(ResourceRef.parse("volume:demo/web-1/vda"), "raw")).matches("data/volume/demo/web-1_vda-[0-9a-f]{8}\\.raw");
        assertThat(BundleLayout.dataPath(ResourceRef.parse("volume:demo/web-1/vda"), "raw"))
                .isNotEqualTo(BundleLayout.dataPath(ResourceRef.parse("volume:demo/web-1_vda"), "raw"));
    }

    private static String sha(String text) {
        return Sha256.of(text);
    }
}

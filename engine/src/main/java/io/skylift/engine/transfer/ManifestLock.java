package io.skylift.engine.transfer;

import io.skylift.bundle.Manifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.UnaryOperator;

/**
 * Changes {@code manifest.yaml} under a file lock, so disk tasks that finish at once in several
 * processes (workers sharing a database) each add their entry and none is lost. Threads of one
 * process take turns on the class before they reach the lock, which the JDK holds per process.
 */
final class ManifestLock {

    static final String LOCK_FILE = ".manifest.lock";

    private ManifestLock() {}

    @SuppressWarnings("try") // the lock is held, not read
    static synchronized void update(Path directory, UnaryOperator<Manifest> change) {
        try (FileChannel channel = FileChannel.open(directory.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            change.apply(Manifest.read(directory)).write(directory);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + directory.resolve(LOCK_FILE), e);
        }
    }
}

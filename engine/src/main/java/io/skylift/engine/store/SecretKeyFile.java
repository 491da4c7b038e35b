package io.skylift.engine.store;

import static java.util.Objects.requireNonNull;

import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 key that seals connection info, kept in a file only its owner can read. Losing the
 * file loses every stored credential, so it is created once and never replaced silently.
 */
public final class SecretKeyFile {

    private static final int KEY_BYTES = 32;
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> SHARED = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private final Path path;
    private final SecureRandom random;

    public SecretKeyFile(Path path, SecureRandom random) {
        this.path = requireNonNull(path, "path is null").toAbsolutePath();
        this.random = requireNonNull(random, "random is null");
    }

    public Path path() {
        return path;
    }

    public boolean exists() {
        return Files.exists(path);
    }

    /**
     * Refuses a key file that anyone but its owner can use: a key others can read protects nothing.
     * A missing file passes; it is created owner-only.
     */
    public void checkPermissions() {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(path);
        }
        catch (NoSuchFileException e) {
            return;
        }
        catch (UnsupportedOperationException e) {
            // Not a POSIX file system: there are no mode bits to check.
            return;
        }
        catch (IOException e) {
            throw unreadable(e);
        }
        if (permissions.stream().anyMatch(SHARED::contains)) {
            throw new SkyliftException(ErrorCode.INVALID_INPUT, "secret key file " + path + " is accessible to group or others ("
                    + PosixFilePermissions.toString(permissions) + "): run chmod 600 " + path);
        }
    }

    /** The key; its absence is an error, since whatever it sealed is unreadable without it. */
    public SecretKey read() {
        checkPermissions();
        String text;
        try {
            text = Files.readString(path, StandardCharsets.US_ASCII).strip();
        }
        catch (NoSuchFileException e) {
            throw new SkyliftException(ErrorCode.NOT_FOUND, "secret key file " + path
                    + " is missing: stored connection info cannot be decrypted without it; restore the file from a backup,"
                    + " or delete the endpoints and create them again", e);
        }
        catch (IOException e) {
            throw unreadable(e);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text);
        }
        catch (IllegalArgumentException e) {
            throw damaged("it is not base64", e);
        }
        if (key.length != KEY_BYTES) {
            throw damaged("it holds " + key.length + " bytes, not " + KEY_BYTES, null);
        }
        return new SecretKeySpec(key, "AES");
    }

    /** The key, made first if there is no file yet. */
    public SecretKey readOrCreate() {
        if (!exists()) {
            create();
        }
        return read();
    }

    private void create() {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        byte[] text = (Base64.getEncoder().encodeToString(key) + "\n").getBytes(StandardCharsets.US_ASCII);
        Path directory = path.getParent();
        Path temporary = null;
        try {
            Files.createDirectories(directory, posix(directory, OWNER_ONLY_DIRECTORY));
            // Created owner-only from the first byte, written and synced under a temporary name, then
            // linked into place: the link fails if another process made the key meanwhile, so a key
            // that may already seal something is never replaced.
            temporary = Files.createTempFile(directory, ".secret.key-", ".tmp", posix(directory, OWNER_ONLY_FILE));
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(text));
                channel.force(true);
            }
            Files.createLink(path, temporary);
        }
        catch (FileAlreadyExistsException e) {
            // Another process won the race; its key is the one to use.
        }
        catch (IOException e) {
            throw new SkyliftException(ErrorCode.INVALID_INPUT, "cannot create secret key file " + path + ": " + e.getMessage(), e);
        }
        finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                }
                catch (IOException e) {
                    // Harmless: an owner-only leftover next to the key it duplicates.
                }
            }
        }
    }

    private static FileAttribute<?>[] posix(Path directory, Set<PosixFilePermission> permissions) {
        boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)} : new FileAttribute<?>[0];
    }

    private SkyliftException unreadable(IOException e) {
        return new SkyliftException(ErrorCode.INVALID_INPUT, "cannot read secret key file " + path + ": " + e.getMessage(), e);
    }

    private SkyliftException damaged(String why, Throwable cause) {
        return new SkyliftException(ErrorCode.INVALID_INPUT, "secret key file " + path + " is damaged: " + why
                + "; restore it from a backup", cause);
    }
}

package io.skylift.engine.transfer;

import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.Set;

/**
 * {@code passwords.csv}, beside {@code uuids.csv}: the new password of each user an import or
 * migration creates, as {@code user,password} lines in a file only its owner may read (0600).
 * Keystone never returns a user's password, so the destination gets a new random one, and this
 * file is the only place it is written: never a message, a log or the journal.
 *
 * <p>The line is written (and forced to disk) before the user is created, and an attempt that
 * finds a line for its user uses that password: a run that died between the two, resumed, makes
 * the user with the password the file already holds.
 */
final class PasswordFile {

    static final String NAME = "passwords.csv";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    /** 24 characters of 57: about 140 bits. */
    private static final int LENGTH = 24;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordFile() {}

    /** The passwords file of an import or migration whose ids go to {@code uuids}. */
    static Path beside(Path uuids) {
        return uuids.toAbsolutePath().resolveSibling(NAME);
    }

    /**
     * The password {@code user} gets: the one the file holds for it, else a new random one, added
     * to the file first.
     */
    @SuppressWarnings("try") // the lock is held, not read
    static synchronized String passwordOf(Path file, String user) {
        if (user.contains(",") || user.contains("\n")) {
            throw new SkyliftException(ErrorCode.INVALID_INPUT, "user name '" + user + "' has a comma or a line break, which " + file
                    + " cannot hold: rename the user in the resource file (migration.new_name)");
        }
        try {
            if (!Files.exists(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            }
            Files.setPosixFilePermissions(file, OWNER_ONLY);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
                    FileLock lock = channel.lock()) {
                Optional<String> known = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                        .filter(line -> line.startsWith(user + ","))
                        .map(line -> line.substring(user.length() + 1))
                        .reduce((first, second) -> second);
                if (known.isPresent()) {
                    return known.get();
                }
                String password = generate();
                channel.write(ByteBuffer.wrap((user + "," + password + "\n").getBytes(StandardCharsets.UTF_8)), channel.size());
                channel.force(true);
                return password;
            }
        }
        catch (IOException e) {
            throw new SkyliftException(ErrorCode.INVALID_INPUT, "cannot write the new password of user " + user + " to " + file + ": "
                    + e.getMessage() + " (the user is not created without it)", e);
        }
    }

    private static String generate() {
        StringBuilder password = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}

package io.skylift.bundle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A running SHA-256, the checksum of every data file. */
public final class Sha256 {

    private final MessageDigest digest;

    public Sha256() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** The SHA-256 of a text's UTF-8 bytes, in lower-case hex. */
    public static String of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The SHA-256 of the bytes, in lower-case hex. */
    public static String of(byte[] bytes) {
        Sha256 hash = new Sha256();
        hash.update(bytes, 0, bytes.length);
        return hash.hex();
    }

    public void update(byte[] bytes, int offset, int length) {
        digest.update(bytes, offset, length);
    }

    /** The digest of everything so far, in lower-case hex; the hash starts over afterwards. */
    public String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}

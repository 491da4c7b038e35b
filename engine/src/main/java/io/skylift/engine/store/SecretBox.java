package io.skylift.engine.store;

import static java.util.Objects.requireNonNull;

import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals values with AES-256-GCM under the key in a {@link SecretKeyFile}: a fresh random 96-bit
 * nonce per value, and associated data (the owner's id) binding each value to its owner, so a
 * sealed value copied to another row does not open.
 */
public final class SecretBox {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final byte FORMAT_VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] KEY_ID_LABEL = "skylift secret key id".getBytes(StandardCharsets.US_ASCII);

    private final SecretKeyFile keyFile;
    private final SecureRandom random;

    public SecretBox(SecretKeyFile keyFile, SecureRandom random) {
        this.keyFile = requireNonNull(keyFile, "keyFile is null");
        this.random = requireNonNull(random, "random is null");
    }

    public SecretKeyFile keyFile() {
        return keyFile;
    }

    /** Seals {@code plaintext}, creating the key on first use. */
    public Sealed seal(byte[] plaintext, byte[] associatedData) {
        SecretKey key = keyFile.readOrCreate();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            byte[] ciphertext = cipher.doFinal(plaintext);
            ByteBuffer sealed = ByteBuffer.allocate(1 + NONCE_BYTES + ciphertext.length);
            sealed.put(FORMAT_VERSION).put(nonce).put(ciphertext);
            return new Sealed(keyId(key), sealed.array());
        }
        catch (GeneralSecurityException e) {
            throw new SkyliftException(ErrorCode.INTERNAL, "AES-256-GCM is not available in this JDK: " + e.getMessage(), e);
        }
    }

    /**
     * Opens what {@link #seal} sealed with the same associated data.
     *
     * @param owner names the value in errors, such as {@code endpoint 'src'}
     * @throws SkyliftException when the key file is missing or another key's, or the value was altered
     */
    public byte[] open(Sealed sealed, byte[] associatedData, String owner) {
        SecretKey key = keyFile.read();
        String keyId = keyId(key);
        if (!keyId.equals(sealed.keyId())) {
            throw new SkyliftException(ErrorCode.INVALID_INPUT, "the connection info of " + owner
                    + " was sealed with another secret key (id " + sealed.keyId() + ") than the one in " + keyFile.path()
                    + " (id " + keyId + "): restore the original key file, or delete " + owner + " and create it again");
        }
        byte[] bytes = sealed.bytes();
        if (bytes.length < 1 + NONCE_BYTES || bytes[0] != FORMAT_VERSION) {
            throw altered(owner, null);
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 1, NONCE_BYTES));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(bytes, 1 + NONCE_BYTES, bytes.length - 1 - NONCE_BYTES);
        }
        catch (AEADBadTagException e) {
            throw altered(owner, e);
        }
        catch (GeneralSecurityException e) {
            throw new SkyliftException(ErrorCode.INTERNAL, "AES-256-GCM is not available in this JDK: " + e.getMessage(), e);
        }
    }

    /** A fingerprint that tells keys apart without revealing them: an HMAC of a fixed label. */
    private static String keyId(SecretKey key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(KEY_ID_LABEL), 0, 8);
        }
        catch (GeneralSecurityException e) {
            throw new SkyliftException(ErrorCode.INTERNAL, "HmacSHA256 is not available in this JDK: " + e.getMessage(), e);
        }
    }

    private static SkyliftException altered(String owner, Throwable cause) {
        return new SkyliftException(ErrorCode.INVALID_INPUT, "the connection info of " + owner
                + " fails its integrity check: the database was altered or damaged; delete " + owner + " and create it again", cause);
    }
}

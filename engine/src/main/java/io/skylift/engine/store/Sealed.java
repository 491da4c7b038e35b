package io.skylift.engine.store;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A value sealed by a {@link SecretBox}: which key sealed it, and the bytes to store.
 *
 * @param keyId which key sealed it (not the key: a one-way fingerprint of it)
 * @param bytes format version, nonce, ciphertext and authentication tag
 */
public record Sealed(String keyId, byte[] bytes) {

    public Sealed {
        requireNonNull(keyId, "keyId is null");
        bytes = requireNonNull(bytes, "bytes is null").clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Sealed that && keyId.equals(that.keyId) && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * keyId.hashCode() + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Sealed[keyId=" + keyId + ", " + bytes.length + " bytes, starting " + HexFormat.of().formatHex(bytes, 0, Math.min(4, bytes.length)) + "]";
    }
}

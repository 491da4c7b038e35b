package io.skylift.spi;

import static java.util.Objects.requireNonNull;

/**
 * A digest of disk data as the cloud that holds it computed it.
 *
 * @param algorithm as the cloud names it: {@code sha512}, {@code sha256}, {@code md5}, ...
 * @param hex       the digest in lower-case hexadecimal
 */
public record Checksum(String algorithm, String hex) {

    public Checksum {
        requireNonNull(algorithm, "algorithm is null");
        requireNonNull(hex, "hex is null");
    }
}

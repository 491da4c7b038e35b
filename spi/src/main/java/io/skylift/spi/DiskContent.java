package io.skylift.spi;

import java.io.InputStream;

/** Disk data to upload: an exported file, or a stream from another cloud. */
public interface DiskContent {

    long size();

    /** {@code raw}, {@code qcow2}, ... */
    String diskFormat();

    /** {@code bare}, {@code ovf}, ... */
    String containerFormat();

    /**
     * The data from the start. A stream that ends with data other than what was promised (its
     * checksum differs) throws an {@link java.io.IOException} on its last read, so an upload
     * never completes with wrong bytes.
     */
    InputStream open();
}

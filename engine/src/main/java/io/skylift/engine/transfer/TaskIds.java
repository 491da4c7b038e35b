package io.skylift.engine.transfer;

import io.skylift.bundle.Sha256;
import io.skylift.model.ResourceRef;

/** Task ids and markers made from resource refs: readable, unique, and within the journal's 200 characters. */
final class TaskIds {

    private static final int LIMIT = 200;

    private TaskIds() {}

    /** {@code <step>-<ref>}, such as {@code import-network:demo/net-a}; a long ref is cut and given a hash of the whole. */
    static String of(String step, ResourceRef ref) {
        String id = step + "-" + ref;
        return id.length() <= LIMIT ? id : id.substring(0, LIMIT - 17) + "-" + shortHash(id);
    }

    /** The first 16 hex digits of the text's SHA-256. */
    static String shortHash(String text) {
        return Sha256.of(text).substring(0, 16);
    }
}

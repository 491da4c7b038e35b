package io.skylift.bench.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/** One digest over every task's output digest: equal on both sides only if both ran the same work completely. */
final class Checksum {

    private Checksum() {
    }

    static String of(Map<String, String> digestsByTask) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            new TreeMap<>(digestsByTask).forEach((task, digest) -> sha.update((task + "=" + digest + "\n").getBytes(StandardCharsets.UTF_8)));
            return digestsByTask.size() + " tasks, " + HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}

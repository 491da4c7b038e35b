package io.skylift.engine.transfer;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** An origin and a destination {@link MemoryCloud} as endpoints {@code src} and {@code dst}, with the real engine between them. */
abstract class TwoClouds {

    @TempDir
    Path directory;

    final MemoryCloud origin = new MemoryCloud();
    final MemoryCloud destination = new MemoryCloud();
    final MemoryEndpoints endpoints = new MemoryEndpoints(Map.of("src", origin, "dst", destination));
    final EngineHarness engine = new EngineHarness(endpoints);

    @AfterEach
    void closeEngine() {
        engine.close();
    }
}

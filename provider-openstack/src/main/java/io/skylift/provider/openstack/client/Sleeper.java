package io.skylift.provider.openstack.client;

import java.time.Duration;

/** Waits between retries; tests pass one that records instead of waiting. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    static Sleeper system() {
        return Thread::sleep;
    }
}

package io.skylift.spi;

/**
 * Stops and starts servers, for a migration that copies a server shut down (its disks then hold
 * what it last wrote, not a crash-consistent image of a running system).
 */
public interface ServerPower extends Capability {

    /** Whether the server runs now (for OpenStack: its status is ACTIVE). */
    boolean isRunning(String serverId);

    /** Stops it and waits until it is shut off; nothing when it is already. */
    void stop(String serverId);

    /** Starts it and waits until it runs; nothing when it does already. */
    void start(String serverId);
}

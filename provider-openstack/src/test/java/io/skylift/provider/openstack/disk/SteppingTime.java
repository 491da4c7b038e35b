package io.skylift.provider.openstack.disk;

import io.skylift.provider.openstack.client.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that moves only when the code under test sleeps, so waits end at once and timeouts still come. */
final class SteppingTime extends Clock implements Sleeper {

    private Instant now = Instant.parse("2026-12-01T10:00:00Z");
    int sleeps;

    @Override
    public void sleep(Duration duration) {
        sleeps++;
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}

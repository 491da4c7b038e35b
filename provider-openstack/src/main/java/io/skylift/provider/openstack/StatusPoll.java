package io.skylift.provider.openstack;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.skylift.provider.openstack.client.Sleeper;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * Waits for a resource the cloud builds in the background (an image, a snapshot, a volume, a
 * server) to reach a status, reading it every few seconds. Ends with an error naming the
 * resource, its status and the cloud's fault when it reaches a failed status or takes too long.
 *
 * @param timeout how long to wait in all
 */
public record StatusPoll(ApiReader reader, Clock clock, Sleeper sleeper, Duration interval, Duration timeout) {

    public StatusPoll {
        requireNonNull(reader, "reader is null");
        requireNonNull(clock, "clock is null");
        requireNonNull(sleeper, "sleeper is null");
        requireNonNull(interval, "interval is null");
        requireNonNull(timeout, "timeout is null");
    }

    /** Every second for up to an hour, on the system clock: disks take minutes to copy. */
    public static StatusPoll standard(ApiReader reader) {
        return new StatusPoll(reader, Clock.systemUTC(), Sleeper.system(), Duration.ofSeconds(1), Duration.ofHours(1));
    }

    /**
     * Reads {@code path} until the document under {@code key} has a {@code status} in
     * {@code ready} (compared without case) and returns that document.
     *
     * @param what    names the resource in messages: {@code volume 3f2a... (temporary copy of skylift-data)}
     * @param failed  statuses that mean it will never be ready, such as {@code error}
     */
    public JsonNode until(ServiceType service, String path, String key, String what, Set<String> ready, Set<String> failed) {
        Instant deadline = clock.instant().plus(timeout);
        while (true) {
            JsonNode body = reader.get(service, path);
            JsonNode document = key.isEmpty() ? body : body.path(key);
            String status = document.path("status").asText("").toLowerCase(Locale.ROOT);
            if (ready.contains(status)) {
                return document;
            }
            if (failed.contains(status)) {
                String fault = document.path("fault").path("message").asText("");
                throw new SkyliftException(ErrorCode.CLOUD_REJECTED, what + " went to status " + status
                        + (fault.isEmpty() ? "" : " (" + fault + ")") + " instead of " + String.join(" or ", ready)
                        + ": see the " + service.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " service's log");
            }
            if (!clock.instant().isBefore(deadline)) {
                throw new SkyliftException(ErrorCode.TIMEOUT, what + " is still " + (status.isEmpty() ? "without a status" : status)
                        + " after " + timeout.toMinutes() + " minutes, waiting for " + String.join(" or ", ready));
            }
            pause();
        }
    }

    /** Reads {@code path} until it answers 404, for a delete the cloud finishes in the background. */
    public void untilGone(ServiceType service, String path, String what) {
        Instant deadline = clock.instant().plus(timeout);
        while (true) {
            try {
                reader.get(service, path);
            }
            catch (SkyliftException e) {
                if (e.code() == ErrorCode.NOT_FOUND) {
                    return;
                }
                throw e;
            }
            if (!clock.instant().isBefore(deadline)) {
                throw new SkyliftException(ErrorCode.TIMEOUT, what + " still exists " + timeout.toMinutes() + " minutes after it was deleted");
            }
            pause();
        }
    }

    private void pause() {
        try {
            sleeper.sleep(interval);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SkyliftException(ErrorCode.INTERNAL, "interrupted while waiting", e);
        }
    }
}

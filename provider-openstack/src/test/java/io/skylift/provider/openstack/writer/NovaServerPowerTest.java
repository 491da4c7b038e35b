package io.skylift.provider.openstack.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skylift.provider.openstack.NovaServerPower;
import io.skylift.provider.openstack.ServiceType;
import org.junit.jupiter.api.Test;

class NovaServerPowerTest {

    private static final String SERVER = "/servers/s-1";
    private static final String ACTION = SERVER + "/action";

    private final RecordingClient cloud = RecordingClient.member();
    private final NovaServerPower power = new NovaServerPower(cloud, cloud.context().poll());

    private static String status(String status) {
        return "{\"server\": {\"id\": \"s-1\", \"status\": \"" + status + "\"}}";
    }

    @Test
    void stop_asksNovaToStop_andWaitsUntilShutOff() {
        cloud.answer("GET", ServiceType.COMPUTE, SERVER, status("ACTIVE"), status("ACTIVE"), status("SHUTOFF"));
        cloud.answer("POST", ServiceType.COMPUTE, ACTION, "{}");

        power.stop("s-1");

        assertThat(cloud.body("POST", ACTION).has("os-stop")).isTrue();
        assertThat(cloud.requests()).endsWith("GET " + SERVER);
    }

    @Test
    void stopOfAStoppedServer_andStartOfARunningOne_sendNothing() {
        cloud.answer("GET", ServiceType.COMPUTE, SERVER, status("SHUTOFF"));
        power.stop("s-1");
        assertThat(power.isRunning("s-1")).isFalse();

        RecordingClient running = RecordingClient.member().answer("GET", ServiceType.COMPUTE, SERVER, status("ACTIVE"));
        new NovaServerPower(running, running.context().poll()).start("s-1");

        assertThat(cloud.requests()).noneMatch(request -> request.startsWith("POST"));
        assertThat(running.requests()).noneMatch(request -> request.startsWith("POST"));
    }

    @Test
    void aServerThatGoesToError_failsNamingIt() {
        cloud.answer("GET", ServiceType.COMPUTE, SERVER, status("SHUTOFF"), status("ERROR"));
        cloud.answer("POST", ServiceType.COMPUTE, ACTION, "{}");

        assertThatThrownBy(() -> power.start("s-1")).hasMessageContaining("server s-1 went to status error instead of active");
        assertThat(cloud.body("POST", ACTION).has("os-start")).isTrue();
    }
}

package io.skylift.engine.transfer;

import static java.util.Objects.requireNonNull;

import io.skylift.engine.endpoint.Endpoints;
import io.skylift.engine.execution.Intent;
import io.skylift.engine.execution.Progress;
import io.skylift.engine.execution.TaskContext;
import io.skylift.engine.execution.TaskHandler;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.Provider;
import io.skylift.spi.ServerPower;
import io.skylift.spi.SkyliftException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code shutdown_instances}: a server is stopped before its disks are staged, for a copy of what
 * it last wrote, and put back as it was once they are: started again only if it ran before. Its
 * {@code stop-server} task records the stop as an intent, so a failed or cancelled migration's
 * cleanup starts it again too; a crash and resume finds the intent and still restores it.
 */
final class ServerPowerHandlers {

    static final String STOP = "stop-server";
    static final String RESTORE = "restore-server";
    static final String ENDPOINT = "endpoint";
    static final String SERVER_ID = "server_id";
    static final String NAME = "name";
    /** The stop task's output: whether the server ran before, which the restore task reads. */
    static final String WAS_RUNNING = "was_running";
    private static final String STOPPED = "stopped";

    private ServerPowerHandlers() {}

    static List<TaskHandler> all(Endpoints endpoints) {
        return List.of(new Stop(endpoints), new Restore(endpoints));
    }

    private static ServerPower power(Provider provider) {
        return provider.capability(ServerPower.class).orElseThrow(() -> new SkyliftException(ErrorCode.UNSUPPORTED,
                "this endpoint's provider cannot stop servers: migrate without shutdown_instances"));
    }

    private record Stop(Endpoints endpoints) implements TaskHandler {

        Stop {
            requireNonNull(endpoints, "endpoints is null");
        }

        @Override
        public String type() {
            return STOP;
        }

        @Override
        public Map<String, Object> run(TaskContext context) {
            String server = (String) context.inputs().get(SERVER_ID);
            try (Provider provider = endpoints.connect((String) context.inputs().get(ENDPOINT))) {
                ServerPower power = power(provider);
                Optional<Intent> stopped = context.intents().stream().filter(intent -> intent.key().equals(STOPPED)).findFirst();
                // An attempt that stopped it and died knew it ran: the server is shut off now either way.
                boolean wasRunning = stopped.isPresent() || power.isRunning(server);
                if (wasRunning) {
                    if (stopped.isEmpty()) {
                        context.intent(STOPPED);
                    }
                    context.heartbeat(Progress.of(0, 1, "stopping server " + context.inputs().get(NAME)));
                    power.stop(server);
                    context.markDone(STOPPED, server);
                }
                return Map.of(WAS_RUNNING, wasRunning, SERVER_ID, server);
            }
        }

        /** The migration failed or was cancelled: the server runs again if it ran before. */
        @Override
        public void cleanup(TaskContext context) {
            if (context.intents().stream().anyMatch(intent -> intent.key().equals(STOPPED))) {
                try (Provider provider = endpoints.connect((String) context.inputs().get(ENDPOINT))) {
                    power(provider).start((String) context.inputs().get(SERVER_ID));
                }
            }
        }
    }

    private record Restore(Endpoints endpoints) implements TaskHandler {

        Restore {
            requireNonNull(endpoints, "endpoints is null");
        }

        @Override
        public String type() {
            return RESTORE;
        }

        @Override
        public Map<String, Object> run(TaskContext context) {
            Map<String, Object> stop = context.dependencyOutputs().values().stream().filter(outputs -> outputs.containsKey(WAS_RUNNING))
                    .findFirst().orElseThrow(() -> new SkyliftException(ErrorCode.INTERNAL, "restore-server runs without its stop-server task"));
            if (Boolean.TRUE.equals(stop.get(WAS_RUNNING))) {
                try (Provider provider = endpoints.connect((String) context.inputs().get(ENDPOINT))) {
                    context.heartbeat(Progress.of(0, 1, "starting server " + context.inputs().get(NAME) + " again"));
                    power(provider).start((String) stop.get(SERVER_ID));
                }
            }
            return Map.of(WAS_RUNNING, stop.get(WAS_RUNNING));
        }
    }
}

package io.skylift.engine.execution;

import static java.util.Objects.requireNonNull;

import io.skylift.engine.endpoint.Endpoints;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/** The handlers a worker runs tasks with, by task type. */
public final class TaskHandlers {

    private final Map<String, TaskHandler> byType;

    private TaskHandlers(Map<String, TaskHandler> byType) {
        this.byType = byType;
    }

    /** Exactly these handlers; two for one type are a packaging bug. */
    public static TaskHandlers of(Collection<? extends TaskHandler> handlers) {
        requireNonNull(handlers, "handlers is null");
        Map<String, TaskHandler> byType = new TreeMap<>();
        for (TaskHandler handler : handlers) {
            TaskHandler other = byType.putIfAbsent(handler.type(), handler);
            if (other != null) {
                throw new IllegalArgumentException("two handlers for task type " + handler.type() + ": "
                        + other.getClass().getName() + " and " + handler.getClass().getName());
            }
        }
        return new TaskHandlers(byType);
    }

    /** The handlers of every {@link TaskHandlerFactory} registered on the class path. */
    public static TaskHandlers installed(Endpoints endpoints) {
        requireNonNull(endpoints, "endpoints is null");
        return of(ServiceLoader.load(TaskHandlerFactory.class).stream()
                .flatMap(factory -> factory.get().handlers(endpoints).stream())
                .toList());
    }

    public Optional<TaskHandler> find(String type) {
        return Optional.ofNullable(byType.get(requireNonNull(type, "type is null")));
    }

    /** The task types there are handlers for, sorted. */
    public Set<String> types() {
        return byType.keySet();
    }
}

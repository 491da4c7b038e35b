package io.skylift.engine.execution;

import io.skylift.engine.endpoint.Endpoints;
import java.util.Collection;

/**
 * Contributes task handlers, found with {@link java.util.ServiceLoader} through
 * {@code META-INF/services/io.skylift.engine.execution.TaskHandlerFactory}: a module that brings
 * task types (such as the migration steps) registers one factory. Handlers reach clouds through
 * {@code endpoints}.
 */
public interface TaskHandlerFactory {

    Collection<? extends TaskHandler> handlers(Endpoints endpoints);
}

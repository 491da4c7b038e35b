package io.skylift.engine.transfer;

import io.skylift.engine.endpoint.Endpoints;
import io.skylift.engine.execution.TaskHandler;
import io.skylift.engine.execution.TaskHandlerFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The task types of export, import and migration. */
public final class BundleHandlers implements TaskHandlerFactory {

    @Override
    public Collection<? extends TaskHandler> handlers(Endpoints endpoints) {
        List<TaskHandler> handlers = new ArrayList<>(List.of(new ExportDiskHandler(endpoints), new WritePlaybookHandler(),
                new ImportResourceHandler(endpoints), new WriteUuidsHandler()));
        handlers.addAll(ServerPowerHandlers.all(endpoints));
        return handlers;
    }
}

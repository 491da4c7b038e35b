package io.skylift.engine.transfer;

import static java.util.Objects.requireNonNull;

import io.skylift.spi.DiskContent;
import java.io.InputStream;
import java.util.function.Supplier;

/** Disk data that is staged in the origin only when the writer first asks about it, so that finding a resource costs no copy. */
final class StagedOnDemand implements DiskContent {

    private final Supplier<DiskContent> stage;

    /** @param stage stages the data (once: it keeps what it made) and gives it */
    StagedOnDemand(Supplier<DiskContent> stage) {
        this.stage = requireNonNull(stage, "stage is null");
    }

    @Override
    public long size() {
        return stage.get().size();
    }

    @Override
    public String diskFormat() {
        return stage.get().diskFormat();
    }

    @Override
    public String containerFormat() {
        return stage.get().containerFormat();
    }

    @Override
    public InputStream open() {
        return stage.get().open();
    }
}

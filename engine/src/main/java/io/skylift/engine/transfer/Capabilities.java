package io.skylift.engine.transfer;

import io.skylift.spi.DiskSource;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.Provider;
import io.skylift.spi.ResourceWriter;
import io.skylift.spi.SkyliftException;

/** The provider capabilities that moving resources needs, with the error that says what to do when an endpoint lacks one. */
final class Capabilities {

    private Capabilities() {}

    static DiskSource diskSource(Provider provider) {
        return provider.capability(DiskSource.class).orElseThrow(() -> new SkyliftException(ErrorCode.UNSUPPORTED,
                "this endpoint's provider cannot read disk data: move the resource without its data (no save_state), or through another provider"));
    }

    static ResourceWriter writer(Provider provider) {
        return provider.capability(ResourceWriter.class).orElseThrow(() -> new SkyliftException(ErrorCode.UNSUPPORTED,
                "this endpoint's provider cannot create resources: choose another destination endpoint"));
    }
}

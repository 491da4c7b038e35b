package io.skylift.provider.openstack.writer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skylift.provider.openstack.ServiceType;
import io.skylift.spi.DiskContent;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Makes a Glance image and uploads its data, for an image itself and for the temporary image a
 * volume's data travels through. An image whose upload or import fails is deleted before the
 * failure is reported: a queued image with a marker would look like work already done.
 */
final class GlanceUpload {

    private GlanceUpload() {}

    /**
     * Creates the image {@code body} describes, uploads {@code data} and waits until it is active.
     *
     * @param what names the image in messages: {@code image skylift-raw}
     * @return the new image's id
     */
    static String create(WriterContext context, ObjectNode body, DiskContent data, String what) {
        String id = context.client().post(ServiceType.IMAGE, "/v2/images", body).path("id").asText();
        String path = "/v2/images/" + id;
        try {
            upload(context, path, data, what);
            context.poll().until(ServiceType.IMAGE, path, "", what + " (" + id + ")", Set.of("active"), Set.of("killed", "deleted"));
            return id;
        }
        catch (RuntimeException e) {
            CloudWrites.deleteAfterFailure(context, ServiceType.IMAGE, path, what + " (" + id + ")", e);
            throw e;
        }
    }

    static void delete(WriterContext context, String id) {
        CloudWrites.deleteAndWait(context, ServiceType.IMAGE, "/v2/images/" + id, "image " + id);
    }

    private static void upload(WriterContext context, String path, DiskContent data, String what) {
        WatchedStream stream = new WatchedStream(data.open());
        try (stream) {
            context.client().upload(ServiceType.IMAGE, path + "/file", stream, OptionalLong.of(data.size()), "application/octet-stream");
        }
        catch (IOException e) {
            // Only closing can throw here; the upload itself reports through SkyliftException.
            throw new SkyliftException(ErrorCode.INTERNAL, "could not close the data of " + what + ": " + e.getMessage(), e);
        }
        catch (SkyliftException e) {
            throw stream.failure().<SkyliftException>map(failure -> badData(what, failure)).orElse(e);
        }
        // The HTTP client may have finished before it read the failing last bytes; wrong data must never stay.
        stream.failure().ifPresent(failure -> {
            throw badData(what, failure);
        });
    }

    private static SkyliftException badData(String what, IOException failure) {
        return new SkyliftException(ErrorCode.INVALID_INPUT, "the data for " + what + " is not what the bundle promised ("
                + failure.getMessage() + "): the image was deleted; export the resource again, or copy the whole bundle", failure);
    }

    /** Remembers an {@link IOException} from the data, which the HTTP client reports only as a failed request. */
    private static final class WatchedStream extends FilterInputStream {

        private IOException failure;

        WatchedStream(InputStream in) {
            super(in);
        }

        Optional<IOException> failure() {
            return Optional.ofNullable(failure);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            }
            catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return super.read(buffer, offset, length);
            }
            catch (IOException e) {
                failure = e;
                throw e;
            }
        }
    }
}

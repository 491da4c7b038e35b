package io.skylift.provider.openstack.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skylift.provider.openstack.ServiceType;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A download from an offset: the Range header is sent, and the body's start is what the service answered. */
class RangedDownloadTest {

    private static final String FILE = "/image/v2/images/i/file";
    private static final String DATA = "0123456789abcdefghij";

    private final FakeCloud cloud = new FakeCloud();

    @AfterEach
    void stop() {
        cloud.close();
    }

    private static String text(RangedDownload download) throws IOException {
        try (InputStream in = download.body()) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    /** Answers as Glance does when it honours ranges: 206 with the tail and a Content-Range. */
    private void honourRanges() {
        cloud.route("GET", FILE, request -> {
            String range = request.headers().getFirst("Range");
            if (range == null) {
                return new FakeCloud.Response(200, DATA, Map.of("Content-Type", "application/octet-stream"));
            }
            int start = Integer.parseInt(range.replaceFirst("^bytes=(\\d+)-$", "$1"));
            return new FakeCloud.Response(206, DATA.substring(start), Map.of("Content-Type", "application/octet-stream",
                    "Content-Range", "bytes " + start + "-" + (DATA.length() - 1) + "/" + DATA.length()));
        });
    }

    @Test
    void download_fromAnOffset_sendsTheRangeAndStartsThere_whenTheServiceAnswers206() throws IOException {
        honourRanges();
        try (OpenStackClient client = cloud.client().build()) {
            RangedDownload download = client.download(ServiceType.IMAGE, "/v2/images/i/file", 7);

            assertThat(download.offset()).isEqualTo(7);
            assertThat(text(download)).isEqualTo(DATA.substring(7));
        }
        assertThat(cloud.requestsTo(FILE)).singleElement().satisfies(request -> assertThat(request.headers().getFirst("Range")).isEqualTo("bytes=7-"));
    }

    @Test
    void download_fromAnOffset_startsAtZero_whenTheServiceIgnoresTheRange() throws IOException {
        cloud.route("GET", FILE, new FakeCloud.Response(200, DATA, Map.of("Content-Type", "application/octet-stream")));
        try (OpenStackClient client = cloud.client().build()) {
            RangedDownload download = client.download(ServiceType.IMAGE, "/v2/images/i/file", 7);

            assertThat(download.offset()).isZero();
            assertThat(text(download)).isEqualTo(DATA);
        }
        assertThat(cloud.requestsTo(FILE)).singleElement().satisfies(request -> assertThat(request.headers().getFirst("Range")).isEqualTo("bytes=7-"));
    }

    @Test
    void download_fromZero_sendsNoRange() throws IOException {
        honourRanges();
        try (OpenStackClient client = cloud.client().build()) {
            RangedDownload download = client.download(ServiceType.IMAGE, "/v2/images/i/file", 0);

            assertThat(download.offset()).isZero();
            assertThat(text(download)).isEqualTo(DATA);
        }
        assertThat(cloud.requestsTo(FILE)).singleElement().satisfies(request -> assertThat(request.headers().getFirst("Range")).isNull());
    }

    @Test
    void download_fails_whenA206StartsElsewhere() {
        cloud.route("GET", FILE, new FakeCloud.Response(206, DATA.substring(3), Map.of("Content-Type", "application/octet-stream",
                "Content-Range", "bytes 3-19/20")));
        try (OpenStackClient client = cloud.client().build()) {
            assertThatThrownBy(() -> client.download(ServiceType.IMAGE, "/v2/images/i/file", 7))
                    .isInstanceOfSatisfying(SkyliftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CLOUD_REJECTED))
                    .hasMessageContaining("from byte 7 with Content-Range bytes 3-19/20");
        }
    }
}

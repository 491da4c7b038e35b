package io.skylift.provider.openstack.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.skylift.provider.openstack.ServiceType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Disks never pass through memory whole. Each test moves more than the test JVM's heap
 * (-Xmx192m in this module's pom) and makes one side wait, part way, until the other has seen
 * data: a client that buffered the body would never get there.
 */
class StreamingTest {

    private static final long SIZE = 300L << 20;
    private static final long HALFWAY_MARK = 64L << 20;

    private final FakeCloud cloud = new FakeCloud();

    @AfterEach
    void stop() {
        cloud.close();
    }

    /** Deterministic bytes, hashed as they are read. */
    private static final class Generated extends InputStream {
        private final long size;
        private final CountDownLatch waitAt;
        private final AtomicBoolean waited = new AtomicBoolean();
        private final MessageDigest digest = sha256();
        private long position;
        boolean otherSideSawData = true;

        Generated(long size, CountDownLatch waitAt) {
            this.size = size;
            this.waitAt = waitAt;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= size) {
                return -1;
            }
            if (position >= HALFWAY_MARK && waited.compareAndSet(false, true)) {
                try {
                    otherSideSawData = waitAt.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int count = (int) Math.min(length, size - position);
            for (int i = 0; i < count; i++) {
                long at = position + i;
                buffer[offset + i] = (byte) (at * 31 + (at >>> 20));
            }
            digest.update(buffer, offset, count);
            position += count;
            return count;
        }

        String sha256Hex() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String drain(InputStream in, AtomicLong count, CountDownLatch afterFirstMiB) throws IOException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[1 << 16];
        for (int read; (read = in.read(buffer)) >= 0; ) {
            digest.update(buffer, 0, read);
            if (count.addAndGet(read) >= 1 << 20) {
                afterFirstMiB.countDown();
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private void receiveUploads(AtomicLong received, AtomicReference<String> hash, CountDownLatch serverSawData, AtomicReference<String> transfer) {
        cloud.rawRoute("PUT", "/image/v2/images/i/file", exchange -> {
            transfer.set(exchange.getRequestHeaders().getFirst("Transfer-Encoding") + "/" + exchange.getRequestHeaders().getFirst("Content-Length"));
            try (InputStream in = exchange.getRequestBody()) {
                hash.set(drain(in, received, serverSawData));
            }
            exchange.sendResponseHeaders(204, -1);
        });
    }

    @Test
    void upload_unknownLength_isChunkedAndReadByTheServerWhileStillBeingWritten() {
        AtomicLong received = new AtomicLong();
        AtomicReference<String> hash = new AtomicReference<>();
        AtomicReference<String> transfer = new AtomicReference<>();
        CountDownLatch serverSawData = new CountDownLatch(1);
        receiveUploads(received, hash, serverSawData, transfer);
        Generated body = new Generated(SIZE, serverSawData);
        try (OpenStackClient client = cloud.client().build()) {
            client.upload(ServiceType.IMAGE, "/v2/images/i/file", body, OptionalLong.empty(), "application/octet-stream");
        }
        assertThat(body.otherSideSawData).as("the server had data before the client finished writing").isTrue();
        assertThat(received.get()).isEqualTo(SIZE);
        assertThat(hash.get()).isEqualTo(body.sha256Hex());
        assertThat(transfer.get()).isEqualTo("chunked/null");
    }

    @Test
    void upload_knownLength_sendsContentLength() {
        AtomicLong received = new AtomicLong();
        AtomicReference<String> hash = new AtomicReference<>();
        AtomicReference<String> transfer = new AtomicReference<>();
        CountDownLatch serverSawData = new CountDownLatch(1);
        receiveUploads(received, hash, serverSawData, transfer);
        Generated body = new Generated(SIZE, serverSawData);
        try (OpenStackClient client = cloud.client().build()) {
            client.upload(ServiceType.IMAGE, "/v2/images/i/file", body, OptionalLong.of(SIZE), "application/octet-stream");
        }
        assertThat(body.otherSideSawData).isTrue();
        assertThat(hash.get()).isEqualTo(body.sha256Hex());
        assertThat(transfer.get()).isEqualTo("null/" + SIZE);
    }

    @Test
    void download_returnsTheStreamBeforeTheServerHasSentEverything() throws IOException {
        CountDownLatch clientSawData = new CountDownLatch(1);
        Generated served = new Generated(SIZE, clientSawData);
        cloud.rawRoute("GET", "/image/v2/images/i/file", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
            exchange.sendResponseHeaders(200, SIZE);
            try (OutputStream out = exchange.getResponseBody()) {
                served.transferTo(out);
            }
        });
        AtomicLong read = new AtomicLong();
        String hash;
        try (OpenStackClient client = cloud.client().build(); InputStream in = client.download(ServiceType.IMAGE, "/v2/images/i/file")) {
            hash = drain(in, read, clientSawData);
        }
        assertThat(served.otherSideSawData).as("the client read before the server finished writing").isTrue();
        assertThat(read.get()).isEqualTo(SIZE);
        assertThat(hash).isEqualTo(served.sha256Hex());
    }
}

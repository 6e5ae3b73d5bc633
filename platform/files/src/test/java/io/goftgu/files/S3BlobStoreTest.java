package io.goftgu.files;

import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The S3-compatible store against a real S3 server in this JVM: s3proxy (S3's REST API, AWS Signature V4 checked
 * on every request) over jclouds' in-memory blob store. Plain JUnit: no Quarkus, no database.
 */
class S3BlobStoreTest {

    private static final String ACCESS_KEY = "chat-access";
    private static final String SECRET_KEY = "chat-secret";
    private static final String BUCKET = "chat-files";

    private static BlobStoreContext blobs;
    private static S3Proxy server;
    private static URI endpoint;

    @BeforeAll
    static void startS3() throws Exception {
        blobs = ContextBuilder.newBuilder("transient").credentials("unused", "unused").build(BlobStoreContext.class);
        blobs.getBlobStore().createContainerInLocation(null, BUCKET);
        server = S3Proxy.builder()
                .blobStore(blobs.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        server.start();
        while (!AbstractLifeCycle.STARTED.equals(server.getState())) {
            Thread.sleep(10);
        }
        endpoint = URI.create("http://127.0.0.1:" + server.getPort());
    }

    @AfterAll
    static void stopS3() throws Exception {
        if (server != null) {
            server.stop();
        }
        if (blobs != null) {
            blobs.close();
        }
    }

    @Test
    void putGetDeleteAgainstARealS3Server() {
        try (var store = new S3BlobStore(endpoint, "us-east-1", BUCKET, ACCESS_KEY, SECRET_KEY)) {
            var bytes = "فایل ضمیمه".getBytes(StandardCharsets.UTF_8);
            // a key as AttachmentService makes them (workspace/room/uuid), plus characters that need encoding
            var key = "ws/room/file 1+ü";
            store.put(key, bytes);
            assertEquals(bytes.length, blobs.getBlobStore().blobMetadata(BUCKET, key).getSize(), "stored under the key");
            assertArrayEquals(bytes, store.get(key));
            assertNull(store.get("ws/room/missing"));
            store.delete(key);
            assertNull(store.get(key));
            store.delete(key); // deleting what is gone is no error
        }
    }

    @Test
    void aLargeBinaryFileComesBackByteForByte() {
        var bytes = new byte[3 * 1024 * 1024 + 17];
        new Random(7).nextBytes(bytes);
        try (var store = new S3BlobStore(endpoint, "eu-central-1", BUCKET, ACCESS_KEY, SECRET_KEY)) {
            store.put("ws/room/large", bytes);
            assertArrayEquals(bytes, store.get("ws/room/large"));
        }
    }

    @Test
    void aWrongSecretIsRefusedByTheServer() {
        try (var store = new S3BlobStore(endpoint, "us-east-1", BUCKET, ACCESS_KEY, "not-the-secret")) {
            var refused = assertThrows(S3Exception.class, () -> store.put("ws/room/x", new byte[] {1}));
            assertEquals(403, refused.statusCode());
        }
        assertNull(blobs.getBlobStore().blobMetadata(BUCKET, "ws/room/x"));
    }
}

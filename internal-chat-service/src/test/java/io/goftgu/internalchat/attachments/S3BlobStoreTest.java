package io.goftgu.internalchat.attachments;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The S3-compatible store as plain JUnit: the SigV4 signer against AWS's published example, and put/get/delete
 * against a small in-process S3 stand-in that checks each request is signed for what it carries.
 */
class S3BlobStoreTest {

    @Test
    void signsLikeTheAwsDocumentationExample() {
        // "Signature Calculations for the Authorization Header", example GET Object
        var headers = Map.of("host", "examplebucket.s3.amazonaws.com", "range", "bytes=0-9",
                "x-amz-content-sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                "x-amz-date", "20130524T000000Z");
        var authorization = S3BlobStore.authorization("GET", "/test.txt", headers,
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "20130524T000000Z", "us-east-1",
                "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        assertEquals("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
                + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, "
                + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41", authorization);
    }

    @Test
    void putGetDeleteAgainstAnS3StandIn() throws Exception {
        var objects = new ConcurrentHashMap<String, byte[]>();
        var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            var body = exchange.getRequestBody().readAllBytes();
            var path = exchange.getRequestURI().getRawPath();
            var hash = S3BlobStore.hex(S3BlobStore.sha256(body));
            var date = exchange.getRequestHeaders().getFirst("x-amz-date");
            var expected = S3BlobStore.authorization(exchange.getRequestMethod(), path,
                    Map.of("host", exchange.getRequestHeaders().getFirst("Host"), "x-amz-content-sha256", hash, "x-amz-date", date),
                    hash, date, "us-east-1", "key", "secret");
            int status;
            byte[] answer = new byte[0];
            if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))
                    || !hash.equals(exchange.getRequestHeaders().getFirst("x-amz-content-sha256"))) {
                status = 403;
            } else if (exchange.getRequestMethod().equals("PUT")) {
                objects.put(path, body);
                status = 200;
            } else if (exchange.getRequestMethod().equals("GET")) {
                answer = objects.get(path);
                status = answer == null ? 404 : 200;
                answer = answer == null ? new byte[0] : answer;
            } else {
                objects.remove(path);
                status = 204;
            }
            exchange.sendResponseHeaders(status, status == 204 || answer.length == 0 ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        try {
            var store = new S3BlobStore(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "us-east-1",
                    "chat-files", "key", "secret");
            var bytes = "فایل ضمیمه".getBytes(StandardCharsets.UTF_8);
            store.put("ws/room/file 1", bytes);
            assertTrue(objects.containsKey("/chat-files/ws/room/file%201"));
            assertArrayEquals(bytes, store.get("ws/room/file 1"));
            assertNull(store.get("ws/room/missing"));
            store.delete("ws/room/file 1");
            assertNull(store.get("ws/room/file 1"));
        } finally {
            server.stop(0);
        }
    }
}

package io.goftgu.internalchat.attachments;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * Blobs in an S3-compatible store (AWS S3, MinIO, Ceph), path-style, signed with AWS Signature Version 4 over the
 * JDK's HTTP client (no SDK). Not transactional: an upload whose database transaction rolls back leaves an object
 * behind, which is harmless (nothing refers to it) and can be swept by a bucket lifecycle rule.
 */
public class S3BlobStore implements BlobStore {

    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final URI endpoint;
    private final String region;
    private final String bucket;
    private final String accessKey;
    private final String secretKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public S3BlobStore(URI endpoint, String region, String bucket, String accessKey, String secretKey) {
        this.endpoint = endpoint;
        this.region = region;
        this.bucket = bucket;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    @Override
    public void put(String key, byte[] bytes) {
        var response = send("PUT", key, bytes);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("S3 PUT " + key + " answered " + response.statusCode());
        }
    }

    @Override
    public byte[] get(String key) {
        var response = send("GET", key, new byte[0]);
        if (response.statusCode() == 404) {
            return null;
        }
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("S3 GET " + key + " answered " + response.statusCode());
        }
        return response.body();
    }

    @Override
    public void delete(String key) {
        var response = send("DELETE", key, new byte[0]);
        if (response.statusCode() / 100 != 2 && response.statusCode() != 404) {
            throw new IllegalStateException("S3 DELETE " + key + " answered " + response.statusCode());
        }
    }

    private HttpResponse<byte[]> send(String method, String key, byte[] body) {
        var path = basePath() + "/" + encodePath(bucket) + "/" + encodePath(key);
        var uri = endpoint.resolve(path);
        var payloadHash = hex(sha256(body));
        var amzDate = AMZ_DATE.format(Instant.now());
        var headers = new TreeMap<String, String>();
        headers.put("host", host(uri));
        headers.put("x-amz-content-sha256", payloadHash);
        headers.put("x-amz-date", amzDate);
        var authorization = authorization(method, path, headers, payloadHash, amzDate, region, accessKey, secretKey);
        var request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("x-amz-content-sha256", payloadHash).header("x-amz-date", amzDate)
                .header("Authorization", authorization)
                .method(method, body.length == 0 && !method.equals("PUT") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted talking to S3", e);
        }
    }

    /**
     * The SigV4 {@code Authorization} header value. {@code headers}: lower-case names (must include host,
     * x-amz-content-sha256 and x-amz-date); {@code path}: already URI-encoded; no query string.
     */
    static String authorization(String method, String path, Map<String, String> headers, String payloadHash,
                                String amzDate, String region, String accessKey, String secretKey) {
        var sorted = new TreeMap<>(headers);
        var canonicalHeaders = new StringBuilder();
        sorted.forEach((name, value) -> canonicalHeaders.append(name).append(':').append(value.strip()).append('\n'));
        var signedHeaders = String.join(";", sorted.keySet());
        var canonicalRequest = method + "\n" + path + "\n" + "\n" + canonicalHeaders + "\n" + signedHeaders + "\n" + payloadHash;
        var date = amzDate.substring(0, 8);
        var scope = date + "/" + region + "/s3/aws4_request";
        var stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
                + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        var key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, "s3");
        key = hmac(key, "aws4_request");
        var signature = hex(hmac(key, stringToSign));
        return "AWS4-HMAC-SHA256 Credential=" + accessKey + "/" + scope + ", SignedHeaders=" + signedHeaders
                + ", Signature=" + signature;
    }

    /** URI-encodes each segment as SigV4 wants (unreserved characters kept, '/' kept). */
    static String encodePath(String path) {
        var out = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~' || c == '/') {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return out.toString();
    }

    private String basePath() {
        var base = endpoint.getRawPath() == null ? "" : endpoint.getRawPath();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private static String host(URI uri) {
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (port == 80 && "http".equals(uri.getScheme()))
                || (port == 443 && "https".equals(uri.getScheme()));
        return defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}

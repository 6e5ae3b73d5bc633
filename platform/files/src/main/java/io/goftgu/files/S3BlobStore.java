package io.goftgu.files;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.net.URI;

/**
 * Blobs in an S3-compatible store (AWS S3, MinIO, Ceph) through the AWS SDK's S3 client, path-style
 * ({@code endpoint/bucket/key}). Checksums only where S3 requires them: the SDK's newer default (a CRC trailer on
 * every upload) is one that S3-compatible servers do not all accept. Not transactional: an upload whose database
 * transaction rolls back leaves an object behind, which is harmless (nothing refers to it) and can be swept by a
 * bucket lifecycle rule.
 */
public class S3BlobStore implements BlobStore, AutoCloseable {

    private final S3Client s3;
    private final String bucket;

    public S3BlobStore(URI endpoint, String region, String bucket, String accessKey, String secretKey) {
        this.bucket = bucket;
        this.s3 = S3Client.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @Override
    public void put(String key, byte[] bytes) {
        s3.putObject(request -> request.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
    }

    @Override
    public byte[] get(String key) {
        try {
            return s3.getObjectAsBytes(request -> request.bucket(bucket).key(key)).asByteArray();
        } catch (NoSuchKeyException e) {
            return null;
        }
    }

    /** Deleting a key that is not there is no error (S3 answers 204 either way). */
    @Override
    public void delete(String key) {
        s3.deleteObject(request -> request.bucket(bucket).key(key));
    }

    @Override
    public void close() {
        s3.close();
    }
}

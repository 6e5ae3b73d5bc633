package io.goftgu.internalchat.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.util.Optional;

/** Where attachment bytes are kept ({@code internal-chat.blob-store.*}). */
@ConfigMapping(prefix = "internal-chat.blob-store")
public interface BlobStoreConfig {

    /** {@code postgres} (the service's own database, the default) or {@code s3} (any S3-compatible store). */
    @WithDefault("postgres")
    String kind();

    /** Settings of the S3-compatible store; required when {@link #kind()} is {@code s3}. */
    S3 s3();

    interface S3 {
        /** The store's base URL, e.g. {@code https://s3.eu-central-1.amazonaws.com} or {@code http://minio:9000}. */
        Optional<URI> endpoint();

        /** Signing region ({@code us-east-1} for MinIO). */
        @WithDefault("us-east-1")
        String region();

        /** The bucket (addressed path-style: {@code endpoint/bucket/key}). */
        Optional<String> bucket();

        Optional<String> accessKey();

        Optional<String> secretKey();
    }
}

package io.goftgu.internalchat.attachments;

import io.goftgu.files.BlobStore;
import io.goftgu.files.S3BlobStore;
import io.goftgu.internalchat.config.BlobStoreConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

/** Chooses the {@link BlobStore} from {@code internal-chat.blob-store.kind} at start. */
@ApplicationScoped
public class BlobStores {

    @Produces
    @ApplicationScoped
    BlobStore blobStore(BlobStoreConfig config, PostgresBlobStore postgres) {
        return switch (config.kind()) {
            case "postgres" -> postgres;
            case "s3" -> {
                var s3 = config.s3();
                yield new S3BlobStore(
                        s3.endpoint().orElseThrow(() -> missing("endpoint")), s3.region(),
                        s3.bucket().orElseThrow(() -> missing("bucket")),
                        s3.accessKey().orElseThrow(() -> missing("access-key")),
                        s3.secretKey().orElseThrow(() -> missing("secret-key")));
            }
            default -> throw new IllegalStateException("internal-chat.blob-store.kind must be postgres or s3, was " + config.kind());
        };
    }

    /** Closes the S3 client's connections when the service stops. */
    void close(@Disposes BlobStore store) {
        if (store instanceof S3BlobStore s3) {
            s3.close();
        }
    }

    private static IllegalStateException missing(String name) {
        return new IllegalStateException("internal-chat.blob-store.s3." + name + " is required when the blob store is s3");
    }
}

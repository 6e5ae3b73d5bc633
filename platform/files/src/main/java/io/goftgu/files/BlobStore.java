package io.goftgu.files;

/**
 * Where a service keeps file bytes, under keys it generates (never a client's file name). internal-chat's default is
 * its own database; {@link S3BlobStore} is the option for large volumes (internal-chat-service/README.md,
 * "Attachments").
 */
public interface BlobStore {

    /** Stores the bytes under {@code key}, inside the caller's transaction when the store is transactional. */
    void put(String key, byte[] bytes);

    /** The bytes, or null if there are none under {@code key}. */
    byte[] get(String key);

    void delete(String key);
}

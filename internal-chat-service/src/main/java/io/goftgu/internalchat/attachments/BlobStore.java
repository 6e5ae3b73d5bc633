package io.goftgu.internalchat.attachments;

/**
 * Where attachment bytes live, under generated keys. The default is {@link PostgresBlobStore}; an S3-compatible
 * store is the production option for large volumes (README, "Attachments").
 */
public interface BlobStore {

    /** Stores the bytes under {@code key}, inside the caller's transaction when the store is transactional. */
    void put(String key, byte[] bytes);

    /** The bytes, or null if there are none under {@code key}. */
    byte[] get(String key);

    void delete(String key);
}

package io.goftgu.internalchat.attachments;

import io.goftgu.files.BlobStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.persistence.EntityManager;

import java.util.List;

/**
 * Blobs in the service's own database ({@code blob}, bytea): no extra server, and a file and its attachment row
 * commit or roll back together, so there are no orphans. Fine at chat sizes (≤ 100 MiB a file); see the README
 * for when to switch to an S3-compatible store.
 */
@ApplicationScoped
@Typed(PostgresBlobStore.class)
public class PostgresBlobStore implements BlobStore {

    private final EntityManager entityManager;

    PostgresBlobStore(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public void put(String key, byte[] bytes) {
        entityManager.createNativeQuery("INSERT INTO blob (storage_key, data) VALUES (?1, ?2)")
                .setParameter(1, key).setParameter(2, bytes).executeUpdate();
    }

    @Override
    public byte[] get(String key) {
        @SuppressWarnings("unchecked")
        List<byte[]> rows = entityManager.createNativeQuery("SELECT data FROM blob WHERE storage_key = ?1")
                .setParameter(1, key).getResultList();
        return rows.isEmpty() ? null : rows.getFirst();
    }

    @Override
    public void delete(String key) {
        entityManager.createNativeQuery("DELETE FROM blob WHERE storage_key = ?1").setParameter(1, key).executeUpdate();
    }
}

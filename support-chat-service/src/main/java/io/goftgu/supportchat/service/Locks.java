package io.goftgu.supportchat.service;

import jakarta.persistence.EntityManager;

import java.util.UUID;

/** PostgreSQL transaction-scoped advisory locks: one holder across all replicas until its transaction ends. */
final class Locks {

    static final long SLA_SCAN = 0x5C_0001L;
    static final long AUTO_CLOSE = 0x5C_0002L;

    private Locks() {
    }

    static void lock(EntityManager em, long key) {
        em.createNativeQuery("SELECT CAST(pg_advisory_xact_lock(?1) AS text)").setParameter(1, key).getSingleResult();
    }

    /** Per-workspace assignment lock: no two replicas pick an agent for the same workspace at once. */
    static void lockAssignment(EntityManager em, UUID workspaceId) {
        em.createNativeQuery("SELECT CAST(pg_advisory_xact_lock(7, hashtext(?1)) AS text)")
                .setParameter(1, workspaceId.toString()).getSingleResult();
    }
}

package io.goftgu.gateway.service;

import io.goftgu.problem.ProblemException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import java.util.function.Supplier;

/** Turns a unique-index violation found at flush into the caller's 409, so a race between two creates is clean. */
final class Constraints {

    private Constraints() {
    }

    static void flushOrConflict(EntityManager entityManager, Supplier<ProblemException> conflict) {
        try {
            entityManager.flush();
        } catch (PersistenceException e) {
            if (e instanceof org.hibernate.exception.ConstraintViolationException
                    || e.getCause() instanceof org.hibernate.exception.ConstraintViolationException) {
                throw conflict.get();
            }
            throw e;
        }
    }
}

package io.goftgu.security;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** A service's identity projection as the tests set it: deactivated and demoted users by id. */
@ApplicationScoped
public class TestDirectory implements IdentityDirectory {

    static final Map<UUID, Status> STATUS = new ConcurrentHashMap<>();

    @Override
    public Status status(UUID userId) {
        return STATUS.get(userId);
    }
}

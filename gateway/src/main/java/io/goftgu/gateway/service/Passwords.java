package io.goftgu.gateway.service;

import io.goftgu.gateway.config.GatewayConfig;
import io.goftgu.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;

/** The password policy: long enough, and hashed before any transaction starts. */
@ApplicationScoped
class Passwords {

    private final int minLength;

    Passwords(GatewayConfig config) {
        this.minLength = config.passwords().minLength();
    }

    void check(String field, String password) {
        if (password == null || password.codePointCount(0, password.length()) < minLength) {
            throw Problems.invalid(field, "must be at least " + minLength + " characters long");
        }
        if (password.isBlank()) {
            throw Problems.invalid(field, "must not be only spaces");
        }
    }
}

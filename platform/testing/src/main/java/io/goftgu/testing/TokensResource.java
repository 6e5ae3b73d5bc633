package io.goftgu.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Quarkus test resource: the service under test trusts {@link TestTokens} instead of a running gateway. */
public class TokensResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("mp.jwt.verify.publickey.location", TestTokens.jwksLocation());
    }

    @Override
    public void stop() {
    }
}

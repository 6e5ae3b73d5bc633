package io.goftgu.gateway.service;

import io.goftgu.gateway.api.SignUpRequest;
import io.goftgu.gateway.config.GatewayConfig;
import io.goftgu.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Plain JUnit: with sign-up switched off ({@code GOFTGU_SIGNUP_ENABLED} unset, the default) the request is refused
 * with 403 before anything is hashed or stored. A unit test, so the suite needs no second Quarkus profile.
 */
class WorkspaceSignUpTest {

    @Test
    void disabledSignUpIs403AndTouchesNothing() {
        GatewayConfig.SignUp disabled = () -> false;
        var config = (GatewayConfig) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{GatewayConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("signup")) {
                        return disabled;
                    }
                    throw new AssertionError("sign-up read " + method.getName() + " while disabled");
                });
        // nulls: the hasher, events and database must not be reached
        var signUp = new WorkspaceSignUp(config, null, null, null, null);

        var problem = assertThrows(ProblemException.class, () -> signUp.signUp(
                new SignUpRequest("Acme", "acme", "Owner", "owner@acme.example", "long enough password")));

        assertEquals(403, problem.status());
    }
}

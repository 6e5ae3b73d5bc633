package io.goftgu.gateway.rest;

import io.goftgu.gateway.support.GatewayTest;
import io.goftgu.testing.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The gateway's OpenAPI document describes every route it answers itself (docs/api.md §2 is the overview). */
@QuarkusTest
class OpenApiTest extends GatewayTest {

    @Test
    void everyOperationIsDescribed() {
        OpenApiContract.assertServiceDescribed();
    }
}

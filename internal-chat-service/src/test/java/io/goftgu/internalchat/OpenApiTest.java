package io.goftgu.internalchat;

import io.goftgu.testing.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The internal chat OpenAPI document describes every route (docs/api.md §3 is the overview). */
@QuarkusTest
class OpenApiTest {

    @Test
    void everyOperationIsDescribed() {
        OpenApiContract.assertServiceDescribed();
    }
}

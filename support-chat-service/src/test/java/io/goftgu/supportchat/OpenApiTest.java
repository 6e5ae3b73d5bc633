package io.goftgu.supportchat;

import io.goftgu.testing.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The support chat OpenAPI document describes every route (docs/api.md §4 is the overview). */
@QuarkusTest
class OpenApiTest {

    @Test
    void everyOperationIsDescribed() {
        OpenApiContract.assertServiceDescribed();
    }
}

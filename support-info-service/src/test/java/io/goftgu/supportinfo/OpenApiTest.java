package io.goftgu.supportinfo;

import io.goftgu.testing.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The support info OpenAPI document describes every route (docs/api.md §5 is the overview). */
@QuarkusTest
class OpenApiTest {

    @Test
    void everyOperationIsDescribed() {
        OpenApiContract.assertServiceDescribed();
    }
}

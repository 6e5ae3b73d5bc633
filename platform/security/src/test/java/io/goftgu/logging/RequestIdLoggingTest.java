package io.goftgu.logging;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.equalTo;

/** Log lines written while a request is handled carry the gateway's request id; a bad or absent one is left out. */
@QuarkusTest
class RequestIdLoggingTest {

    @Test
    void theRequestIdIsInTheLoggingContextForTheRequestOnly() {
        RestAssured.given().header("X-Request-Id", "req-42").get("/probe/request-id").then()
                .statusCode(200).body(equalTo("req-42"));
        RestAssured.given().header("X-Request-Id", "bad id with spaces").get("/probe/request-id").then()
                .statusCode(200).body(equalTo("-"));
        RestAssured.get("/probe/request-id").then().statusCode(200).body(equalTo("-"));
    }
}

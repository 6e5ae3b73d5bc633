package io.goftgu.gateway.support;

import io.goftgu.testing.KafkaResource;
import io.goftgu.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.hamcrest.Matchers.equalTo;

/**
 * What every gateway test shares: one Quarkus application on real PostgreSQL ({@code gateway} database), a real Kafka
 * broker, a real SMTP server ({@link MailResource}) and {@link FakeService} behind the routes (one resource set, so
 * Quarkus starts once), and helpers that drive the public API. Each test makes its own workspace, so tests never see each other's data, and sends its
 * failed logins from its own client address ({@code X-Forwarded-For}; the test profile trusts the loopback proxy).
 */
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(ServicesResource.class)
@QuarkusTestResource(MailResource.class)
public abstract class GatewayTest {

    public static final String PASSWORD = "correct horse battery";
    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

    /** A workspace made through sign-up, with its first ADMIN. */
    public record Workspace(UUID id, String slug, UUID adminId, String adminEmail) {
    }

    /** A signed-in session: the body's access token and the three cookies. */
    public record Session(String accessToken, String sessionCookie, String refreshCookie, String csrfCookie,
                          Response response) {

        public Map<String, String> cookies() {
            return Map.of("goftgu_session", sessionCookie, "goftgu_csrf", csrfCookie);
        }
    }

    /** A client address no other test uses, so per-IP login limits never leak between tests. */
    protected static String freshAddress() {
        var n = ADDRESSES.getAndIncrement();
        return "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
    }

    protected static String uniqueSlug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected static RequestSpecification json() {
        return RestAssured.given().contentType(ContentType.JSON);
    }

    protected static RequestSpecification bearer(String token) {
        return json().header("Authorization", "Bearer " + token);
    }

    protected static Workspace signUp(String prefix) {
        var slug = uniqueSlug(prefix);
        var email = "owner@" + slug + ".example";
        var body = json().header("X-Forwarded-For", freshAddress()).body(Map.of("name", "Workspace " + slug, "slug", slug, "ownerName", "Owner of " + slug,
                        "ownerEmail", email, "ownerPassword", PASSWORD))
                .post("/api/workspaces")
                .then().statusCode(201)
                .extract().jsonPath();
        return new Workspace(UUID.fromString(body.getString("workspace.id")), slug,
                UUID.fromString(body.getString("user.id")), email);
    }

    protected static Response loginResponse(String workspace, String email, String password, String address) {
        return json().header("X-Forwarded-For", address)
                .body(Map.of("workspace", workspace, "email", email, "password", password))
                .post("/api/auth/login");
    }

    protected static Session login(String workspace, String email, String password) {
        var response = loginResponse(workspace, email, password, freshAddress());
        response.then().statusCode(200);
        return new Session(response.jsonPath().getString("accessToken"), response.cookie("goftgu_session"),
                response.cookie("goftgu_refresh"), response.cookie("goftgu_csrf"), response);
    }

    protected static String adminToken(Workspace workspace) {
        return login(workspace.slug(), workspace.adminEmail(), PASSWORD).accessToken();
    }

    /** Creates a user through the API and returns its id. */
    protected static UUID createUser(String adminToken, String name, String email, String role) {
        return UUID.fromString(bearer(adminToken)
                .body(Map.of("name", name, "email", email, "password", PASSWORD, "role", role))
                .post("/api/workspace/users")
                .then().statusCode(201).body("role", equalTo(role))
                .extract().jsonPath().getString("id"));
    }
}

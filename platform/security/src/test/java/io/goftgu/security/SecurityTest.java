package io.goftgu.security;

import io.goftgu.testing.TestTokens;
import io.goftgu.testing.TokensResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.hamcrest.Matchers.hasItem;

/**
 * What every service gets from platform/security, through a real HTTP stack: the caller's identity from a
 * verified RS256 token only, and every refusal or bad input as problem+json.
 */
@QuarkusTest
@QuarkusTestResource(TokensResource.class)
class SecurityTest {

    private static final UUID WORKSPACE = UUID.randomUUID();

    @Inject
    VerifiedTokens verifiedTokens;

    @Test
    void theCallerComesFromTheToken() {
        var user = UUID.randomUUID();
        RestAssured.given().auth().oauth2(TestTokens.customer(user, WORKSPACE))
                .header("X-Workspace-Id", UUID.randomUUID().toString())
                .get("/probe/me").then().statusCode(200)
                .body("id", equalTo(user.toString()))
                .body("workspaceId", equalTo(WORKSPACE.toString()), "role", equalTo("USER"));
        var guest = UUID.randomUUID();
        RestAssured.given().auth().oauth2(TestTokens.guest(guest, WORKSPACE)).get("/probe/me").then()
                .statusCode(200).body("role", equalTo("GUEST"));
    }

    @Test
    void missingBadOrExpiredTokensAre401Problems() {
        RestAssured.get("/probe/me").then().statusCode(401).contentType("application/problem+json")
                .body("status", equalTo(401), "title", equalTo("Unauthorized"));
        RestAssured.given().auth().oauth2("a.b.c").get("/probe/me").then().statusCode(401)
                .contentType("application/problem+json");
        var expired = TestTokens.mint(UUID.randomUUID(), WORKSPACE, "ADMIN", "access", Duration.ofSeconds(-120));
        RestAssured.given().auth().oauth2(expired).get("/probe/me").then().statusCode(401);
        var forged = io.smallrye.jwt.build.Jwt.issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE)
                .subject(UUID.randomUUID().toString()).groups("ADMIN").sign(selfSignedKey());
        RestAssured.given().auth().oauth2(forged).get("/probe/me").then().statusCode(401);
    }

    @Test
    void theWrongRoleIsA403Problem() {
        RestAssured.given().auth().oauth2(TestTokens.customer(UUID.randomUUID(), WORKSPACE))
                .contentType(ContentType.JSON).body("{\"text\":\"hi\"}")
                .post("/probe/staff-only").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void badInputIsA400ProblemNamingTheField() {
        var staff = RestAssured.given().auth().oauth2(TestTokens.staff(UUID.randomUUID(), WORKSPACE))
                .contentType(ContentType.JSON);
        staff.body("{\"text\":\"much too long\"}").post("/probe/staff-only").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("text"));
        RestAssured.given().auth().oauth2(TestTokens.staff(UUID.randomUUID(), WORKSPACE)).contentType(ContentType.JSON)
                .body("{\"text\": ").post("/probe/staff-only").then().statusCode(400)
                .contentType("application/problem+json");
        RestAssured.given().auth().oauth2(TestTokens.staff(UUID.randomUUID(), WORKSPACE)).contentType(ContentType.JSON)
                .body("{\"text\":\"taken\"}").post("/probe/staff-only").then().statusCode(409)
                .body("detail", equalTo("that note exists"));
    }

    /** A key the services do not trust. */
    private static java.security.PrivateKey selfSignedKey() {
        try {
            var generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aDeactivatedOrDemotedUsersTokenCountsAsTheProjectionSaysAtOnce() {
        var admin = UUID.randomUUID();
        var token = TestTokens.staff(admin, WORKSPACE);
        RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"text\":\"hi\"}")
                .post("/probe/staff-only").then().statusCode(200);
        TestDirectory.STATUS.put(admin, new IdentityDirectory.Status(WORKSPACE, Role.USER, true));
        RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"text\":\"hi\"}")
                .post("/probe/staff-only").then().statusCode(403).contentType("application/problem+json");
        RestAssured.given().auth().oauth2(token).get("/probe/me").then().statusCode(200).body("role", equalTo("USER"));
        TestDirectory.STATUS.put(admin, new IdentityDirectory.Status(WORKSPACE, Role.USER, false));
        RestAssured.given().auth().oauth2(token).get("/probe/me").then().statusCode(401).contentType("application/problem+json");
        TestDirectory.STATUS.put(admin, new IdentityDirectory.Status(UUID.randomUUID(), Role.ADMIN, true));
        RestAssured.given().auth().oauth2(token).get("/probe/me").then().statusCode(401);
        // a user the projection has not heard of yet is taken at the token's word; guests are not users
        RestAssured.given().auth().oauth2(TestTokens.staff(UUID.randomUUID(), WORKSPACE)).get("/probe/me").then()
                .statusCode(200).body("role", equalTo("ADMIN"));
        RestAssured.given().auth().oauth2(TestTokens.guest(admin, WORKSPACE)).get("/probe/me").then()
                .statusCode(200).body("role", equalTo("GUEST"));
    }

    @Test
    void aCachedTokenOfAJustDeactivatedUserIsRefusedAtOnce() {
        var user = UUID.randomUUID();
        var token = TestTokens.staff(user, WORKSPACE);
        assertNull(verifiedTokens.get(token));
        RestAssured.given().auth().oauth2(token).get("/probe/me").then().statusCode(200).body("role", equalTo("ADMIN"));
        assertNotNull(verifiedTokens.get(token), "the next request takes the token from the cache");
        TestDirectory.STATUS.put(user, new IdentityDirectory.Status(WORKSPACE, Role.ADMIN, false));
        RestAssured.given().auth().oauth2(token).get("/probe/me").then().statusCode(401)
                .contentType("application/problem+json");
        assertNotNull(verifiedTokens.get(token), "refused although its signature check was cached");
        // an unknown token of the same user is verified in full, not matched to the cached one
        var tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        TestDirectory.STATUS.remove(user);
        RestAssured.given().auth().oauth2(tampered).get("/probe/me").then().statusCode(401);
        assertNull(verifiedTokens.get(tampered));
    }

    @Test
    void controlCharactersAre400ProblemsNeverStored() {
        var staff = RestAssured.given().auth().oauth2(TestTokens.staff(UUID.randomUUID(), WORKSPACE)).contentType(ContentType.JSON);
        staff.body("{\"text\":\"a\\u0000b\"}").post("/probe/staff-only").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("text"));
        RestAssured.given().auth().oauth2(TestTokens.staff(UUID.randomUUID(), WORKSPACE)).contentType(ContentType.JSON)
                .body("{\"text\":\"a\\u0007\"}").post("/probe/staff-only").then().statusCode(400);
        RestAssured.given().auth().oauth2(TestTokens.staff(UUID.randomUUID(), WORKSPACE)).contentType(ContentType.JSON)
                .body("{\"text\":\"a\\nb\"}").post("/probe/staff-only").then().statusCode(200);
        RestAssured.given().urlEncodingEnabled(false).auth().oauth2(TestTokens.staff(UUID.randomUUID(), WORKSPACE))
                .get("/probe/me?q=%00").then().statusCode(400).contentType("application/problem+json");
        RestAssured.given().urlEncodingEnabled(false).get("/probe/%00").then().statusCode(400);
    }
}

package io.goftgu.gateway.rest;

import io.goftgu.gateway.support.GatewayTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.VerificationJwkSelector;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The JWKS a service verifies with: its shape (public RSA keys only, kid, RS256) and the proof that matters, that a
 * token the gateway issues verifies against it with a standard JOSE library and carries Goftgu's claims.
 */
@QuarkusTest
class JwksTest extends GatewayTest {

    @Test
    void publishesPublicRsaKeysOnly() {
        RestAssured.get("/.well-known/jwks.json").then().statusCode(200)
                .contentType("application/json")
                // services trust a fetched key set, and tokens verified with it, this long (docs/security.md)
                .header("Cache-Control", containsString("max-age=60"))
                .body("keys.size()", greaterThan(0))
                .body("keys.kty", everyItem(equalTo("RSA")))
                .body("keys.alg", everyItem(equalTo("RS256")))
                .body("keys.use", everyItem(equalTo("sig")))
                .body("keys.kid", everyItem(notNullValue()))
                .body("keys.n", everyItem(notNullValue()))
                .body("keys.e", everyItem(equalTo("AQAB")))
                .body("keys.d", everyItem(equalTo(null)))
                .body("keys.p", everyItem(equalTo(null)));
    }

    @Test
    void anIssuedTokenVerifiesAgainstTheJwks() throws Exception {
        var workspace = signUp("jwks");
        var token = adminToken(workspace);
        var jwks = new JsonWebKeySet(RestAssured.get("/.well-known/jwks.json").asString());

        var jws = new JsonWebSignature();
        jws.setCompactSerialization(token);
        assertEquals("RS256", jws.getAlgorithmHeaderValue());
        assertNotNull(new VerificationJwkSelector().select(jws, jwks.getJsonWebKeys()), "the token's kid is published");

        var claims = new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(jwks.getJsonWebKeys()))
                .setExpectedIssuer("goftgu")
                .setExpectedAudience("goftgu")
                .setRequireExpirationTime()
                .build()
                .processToClaims(token);
        assertEquals(workspace.adminId().toString(), claims.getSubject());
        assertEquals(workspace.id().toString(), claims.getClaimValueAsString("wid"));
        assertEquals(List.of("ADMIN"), claims.getStringListClaimValue("groups"));
        assertEquals("access", claims.getClaimValueAsString("token_type"));
        assertEquals(workspace.adminEmail(), claims.getClaimValueAsString("email"));
        assertEquals("Owner of " + workspace.slug(), claims.getClaimValueAsString("name"));
        assertEquals(900, claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue());
    }

    @jakarta.inject.Inject
    io.goftgu.gateway.token.SigningKeys keys;

    @Test
    void aRotationSignsWithTheNewKeyWhileTheOldKeysTokensStillVerify() throws Exception {
        var workspace = signUp("rotate");
        var before = adminToken(workspace);
        var oldKid = new JsonWebSignature() {{ setCompactSerialization(before); }}.getKeyIdHeaderValue();

        var newKid = keys.rotate();
        org.junit.jupiter.api.Assertions.assertNotEquals(oldKid, newKid);
        var after = adminToken(workspace);
        assertEquals(newKid, new JsonWebSignature() {{ setCompactSerialization(after); }}.getKeyIdHeaderValue());
        RestAssured.get("/.well-known/jwks.json").then().body("keys.kid", org.hamcrest.Matchers.hasItems(oldKid, newKid));
        // both verify: the old key's tokens until they expire
        RestAssured.given().auth().oauth2(before).get("/api/auth/me").then().statusCode(200);
        RestAssured.given().auth().oauth2(after).get("/api/auth/me").then().statusCode(200);
    }
}

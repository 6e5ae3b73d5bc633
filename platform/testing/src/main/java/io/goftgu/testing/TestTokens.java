package io.goftgu.testing;

import io.smallrye.jwt.build.Jwt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

/**
 * Mints tokens shaped like the gateway's (RS256, issuer and audience {@code goftgu}, claims {@code wid},
 * {@code groups}, {@code token_type}) with a key pair made for this JVM, whose public half is published as a JWKS
 * file that services under test verify against.
 */
public final class TestTokens {

    public static final String ISSUER = "goftgu";
    public static final String AUDIENCE = "goftgu";
    private static final String KID = "test-key";

    private static KeyPair keys;
    private static Path jwks;

    private TestTokens() {
    }

    public static String staff(UUID userId, UUID workspaceId) {
        return mint(userId, workspaceId, "ADMIN", "access", Duration.ofHours(1));
    }

    public static String customer(UUID userId, UUID workspaceId) {
        return mint(userId, workspaceId, "USER", "access", Duration.ofHours(1));
    }

    public static String guest(UUID guestId, UUID workspaceId) {
        return mint(guestId, workspaceId, "GUEST", "guest", Duration.ofHours(1));
    }

    public static synchronized String mint(UUID subject, UUID workspaceId, String role, String tokenType,
                                           Duration lifetime) {
        return Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject.toString())
                .groups(role)
                .claim("wid", workspaceId.toString())
                .claim("token_type", tokenType)
                .expiresIn(lifetime)
                .jws().keyId(KID)
                .sign(keys().getPrivate());
    }

    /** A {@code file:} URL of the JWKS holding the public key, for {@code mp.jwt.verify.publickey.location}. */
    public static synchronized String jwksLocation() {
        if (jwks == null) {
            var key = (RSAPublicKey) keys().getPublic();
            var json = "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + KID + "\",\"n\":\""
                    + base64Url(key.getModulus()) + "\",\"e\":\"" + base64Url(key.getPublicExponent()) + "\"}]}";
            try {
                jwks = Files.createTempFile("goftgu-test-jwks", ".json");
                Files.writeString(jwks, json);
                jwks.toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return jwks.toUri().toString();
    }

    private static KeyPair keys() {
        if (keys == null) {
            try {
                var generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                keys = generator.generateKeyPair();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return keys;
    }

    private static String base64Url(BigInteger value) {
        var bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

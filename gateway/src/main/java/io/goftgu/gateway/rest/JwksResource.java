package io.goftgu.gateway.rest;

import io.goftgu.gateway.token.SigningKeys;
import io.goftgu.security.VerifiedTokens;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;

import java.util.List;
import java.util.Map;

/** The public halves of the signing keys, for every service that verifies Goftgu tokens. */
@Path("/.well-known/jwks.json")
@Tag(name = "Auth")
public class JwksResource {

    private final SigningKeys keys;

    JwksResource(SigningKeys keys) {
        this.keys = keys;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "JSON Web Key Set of the keys that sign access and guest tokens")
    public Response jwks() {
        List<Map<String, Object>> published = keys.published().entrySet().stream().map(entry -> {
            var jwk = new RsaJsonWebKey(entry.getValue());
            jwk.setKeyId(entry.getKey());
            jwk.setAlgorithm("RS256");
            jwk.setUse("sig");
            return jwk.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        }).toList();
        var cache = new CacheControl();
        cache.setMaxAge((int) VerifiedTokens.KEY_SET_MAX_AGE.toSeconds());
        return Response.ok(Map.of("keys", published)).cacheControl(cache).build();
    }
}

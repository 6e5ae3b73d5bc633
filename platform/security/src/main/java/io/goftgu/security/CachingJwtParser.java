package io.goftgu.security;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * smallrye-jwt's parser, which Quarkus calls with each request's bearer token, answering a token it verified before
 * from {@link VerifiedTokens} instead of checking its signature again. Every other method goes to the parser itself.
 */
@Decorator
@Priority(1)
abstract class CachingJwtParser implements JWTParser {

    @Inject
    @Delegate
    @Any
    JWTParser parser;

    @Inject
    VerifiedTokens verified;

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        var known = verified.get(token);
        if (known != null) {
            return known;
        }
        var parsed = new VerifiedToken(parser.parse(token));
        verified.put(token, parsed);
        return parsed;
    }
}

package io.goftgu.security;

/** Names of Goftgu's own token claims (the gateway writes them, every service reads them). */
public final class Claims {

    public static final String WORKSPACE = "wid";
    public static final String TOKEN_TYPE = "token_type";
    public static final String NAME = "name";
    public static final String EMAIL = "email";

    public static final String ACCESS = "access";
    public static final String GUEST = "guest";

    private Claims() {
    }
}

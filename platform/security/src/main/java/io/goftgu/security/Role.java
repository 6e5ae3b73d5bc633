package io.goftgu.security;

/** Workspace roles carried in the token's {@code groups} claim. */
public enum Role {
    /** Staff: internal chat, every ticket of the workspace, support info. */
    ADMIN,
    /** Customer: own tickets, support-info records shown to them. */
    USER,
    /** Anonymous visitor: their own ticket only. */
    GUEST;

    public static final String STAFF = "ADMIN";
    public static final String CUSTOMER = "USER";
    public static final String VISITOR = "GUEST";
}

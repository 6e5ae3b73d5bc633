package io.goftgu.gateway.identity;

/** The roles a workspace user can hold; guests are not users and have no row here. */
public enum UserRole {
    /** Staff. */
    ADMIN,
    /** Customer. */
    USER
}

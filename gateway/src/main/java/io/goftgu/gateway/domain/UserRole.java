package io.goftgu.gateway.domain;

/** The roles a workspace user can hold; guests are not users and have no row here. */
public enum UserRole {
    /** Staff. */
    ADMIN,
    /** Customer. */
    USER
}

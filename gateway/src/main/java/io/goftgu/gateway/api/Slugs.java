package io.goftgu.gateway.api;

/** What a workspace slug may look like: it appears in URLs and in the guest widget's start path. */
public final class Slugs {

    public static final String PATTERN = "[a-z0-9]+(-[a-z0-9]+)*";
    public static final String MESSAGE = "must be lower-case letters, digits and single hyphens, like acme-support";

    private Slugs() {
    }
}

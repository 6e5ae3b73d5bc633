package io.goftgu.internalchat.service;

/** The result of a get-or-create: {@code created} false means an existing object was returned (HTTP 200, not 201). */
public record Created<T>(T value, boolean created) {
}

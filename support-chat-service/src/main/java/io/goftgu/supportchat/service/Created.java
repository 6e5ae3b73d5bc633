package io.goftgu.supportchat.service;

/** The result of an idempotent create: {@code isNew} false when a repeat returned the original (200, not 201). */
public record Created<T>(T value, boolean isNew) {
}

package io.goftgu.supportinfo.domain;

/** In order of severity: {@link #ordinal()} is the rank stored for sorting. */
public enum Priority { LOW, MEDIUM, HIGH, CRITICAL }

package io.goftgu.supportchat.domain;

public enum Priority { LOW, MEDIUM, HIGH, CRITICAL }

package io.goftgu.supportinfo.domain;

/** The CRM entities a record can point at. */
public enum LinkKind { DOCUMENT, TASK, KNOWLEDGE }

package io.goftgu.supportinfo.domain;

/** How the support contact happened. */
public enum RecordSource { INBOUND_CALL, OUTBOUND_CALL, USER_TICKET, ADMIN_TICKET, ONSITE_BY_USER, ONSITE_BY_US }

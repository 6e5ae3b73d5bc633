package io.goftgu.supportinfo.domain;

/** What the support contact was about. */
public enum RecordType { SALES_ORDER, QUOTE, ORDER_FOLLOWUP, PURCHASE_ORDER, PURCHASE_QUOTE, COMPLAINT, ISSUE, QUESTION }

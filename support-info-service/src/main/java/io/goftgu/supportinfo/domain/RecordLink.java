package io.goftgu.supportinfo.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A pointer from a record to a CRM document, task or knowledge item, by the CRM's id. */
@Embeddable
public class RecordLink {

    @Enumerated(EnumType.STRING)
    public LinkKind kind;
    @Column(name = "ref_id")
    public String refId;
    public String title;

    public RecordLink() {
    }

    public RecordLink(LinkKind kind, String refId, String title) {
        this.kind = kind;
        this.refId = refId;
        this.title = title;
    }
}

package org.tipline.triage.tips;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A record that a tip was forwarded to a destination from the directory, with the reference it was given. */
@Entity
@Table(name = "referral")
public class Referral {

    @Id
    private UUID id;

    private UUID tipId;

    private String destinationId;

    private String referenceNumber;

    private UUID recordedBy;

    private Instant recordedAt;

    protected Referral() {}

    Referral(UUID tipId, String destinationId, String referenceNumber, UUID recordedBy, Instant recordedAt) {
        this.id = UUID.randomUUID();
        this.tipId = tipId;
        this.destinationId = destinationId;
        this.referenceNumber = referenceNumber;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public UUID id() {
        return id;
    }

    public String destinationId() {
        return destinationId;
    }

    public String referenceNumber() {
        return referenceNumber;
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}

package org.tipline.triage.tips;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A tip's metadata as triage sees it without decrypting: urgency, age and handling status. */
@Entity
@Table(name = "tip")
public class Tip {

    @Id
    private UUID id;

    private Instant receivedAt;

    private String urgencyTier;

    private int urgencyRank;

    private boolean childProtectionRequired;

    @Enumerated(EnumType.STRING)
    private TipStatus status;

    private int schemaVersion;

    @Version
    private int version;

    protected Tip() {}

    public UUID id() {
        return id;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public String urgencyTier() {
        return urgencyTier;
    }

    public boolean childProtectionRequired() {
        return childProtectionRequired;
    }

    public TipStatus status() {
        return status;
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    public Duration age(Instant now) {
        return Duration.between(receivedAt, now);
    }

    /** The first time a coordinator opens a new tip it moves into review; later openings change nothing. */
    boolean startReview() {
        if (status != TipStatus.NEW) {
            return false;
        }
        status = TipStatus.IN_REVIEW;
        return true;
    }

    /** A closed tip cannot be forwarded again without being reopened first. */
    void markReferred() {
        if (status == TipStatus.CLOSED) {
            throw new IllegalStateException("a closed tip cannot be referred");
        }
        status = TipStatus.REFERRED;
    }
}

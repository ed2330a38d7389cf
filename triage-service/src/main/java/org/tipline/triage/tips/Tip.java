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

    private String placeType;

    /** web, phone, walk-in or other (V18, ADR 22). */
    private String channel;

    private UUID assignee;

    private Instant firstLookedAt;

    @Enumerated(EnumType.STRING)
    private CloseReason closeReason;

    private Instant closedAt;

    private byte[] tipsterPublicKey;

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

    public String channel() {
        return channel;
    }

    public String placeType() {
        return placeType;
    }

    public UUID assignee() {
        return assignee;
    }

    public CloseReason closeReason() {
        return closeReason;
    }

    public int version() {
        return version;
    }

    /** Whether the tipster can receive messages: tips filed before reply keys existed cannot. */
    public boolean canMessageTipster() {
        return tipsterPublicKey != null;
    }

    byte[] tipsterPublicKey() {
        return tipsterPublicKey.clone();
    }

    public Duration age(Instant now) {
        return Duration.between(receivedAt, now);
    }

    /** A closed tip cannot be forwarded again without being reopened first. */
    void markReferred() {
        if (status == TipStatus.CLOSED) {
            throw new TipStateConflict("a closed tip cannot be referred");
        }
        status = TipStatus.REFERRED;
    }

    /** A question went to the tipster: the tip waits for an answer unless it is already forwarded or closed. */
    void awaitTipster() {
        if (status == TipStatus.NEW || status == TipStatus.IN_REVIEW) {
            status = TipStatus.AWAITING_TIPSTER;
        }
    }

    /**
     * A coordinator's status change. Closing needs a reason and starts the retention clock; REFERRED is reached only
     * by recording a referral, and NEW only by arriving. Reopening a closed tip puts it back in review.
     */
    void changeStatus(TipStatus target, CloseReason reason, Instant now) {
        switch (target) {
            case CLOSED -> {
                if (reason == null) {
                    throw new TipStateConflict("closing a tip needs a reason");
                }
                closeReason = reason;
                closedAt = now;
            }
            case IN_REVIEW, AWAITING_TIPSTER -> {
                closeReason = null;
                closedAt = null;
            }
            case NEW, REFERRED -> throw new TipStateConflict(target + " cannot be set by hand");
        }
        status = target;
    }

    /** Assigning is claiming on someone's behalf: a new tip moves into review. Releasing changes no status. */
    void assignTo(UUID coordinator) {
        assignee = coordinator;
        if (coordinator != null && status == TipStatus.NEW) {
            status = TipStatus.IN_REVIEW;
        }
    }
}

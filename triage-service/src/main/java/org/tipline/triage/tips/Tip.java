package org.tipline.triage.tips;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.OptimisticLock;
import org.hibernate.type.SqlTypes;

/**
 * A tip's metadata as triage sees it without decrypting: urgency, age and handling status. Maps every column of
 * {@code tip}; triage's changes to a tip go through this entity (ADR 25), except filing and the queue's claims, which
 * are single SQL statements that bump {@link #version} so that this entity's optimistic lock sees them.
 */
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

    /** Set once when the tip is filed, from the receipt; never changed, never needed here. */
    @Column(updatable = false)
    private byte[] receiptLookup;

    /** Short lowercase words a coordinator chose, never tip content. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    private String[] labels;

    /** A supervisor's hold: retention never purges a held tip. Not a change to the tip's handling, so no new version. */
    @OptimisticLock(excluded = true)
    private boolean legalHold;

    /** Why the tip is held (a reason or case number); null when it is not. */
    @OptimisticLock(excluded = true)
    private String legalHoldReason;

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

    public List<String> labels() {
        return labels == null ? List.of() : List.of(labels);
    }

    public boolean legalHold() {
        return legalHold;
    }

    void relabel(List<String> chosen) {
        labels = chosen.toArray(String[]::new);
    }

    void hold(boolean held, String reason) {
        legalHold = held;
        legalHoldReason = held ? reason : null;
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

    /**
     * A closed tip cannot be forwarded again without being reopened first. True when the status changed, which the
     * caller's audit entry then records.
     */
    boolean markReferred() {
        if (status == TipStatus.CLOSED) {
            throw new TipStateConflict("a closed tip cannot be referred");
        }
        boolean changed = status != TipStatus.REFERRED;
        status = TipStatus.REFERRED;
        return changed;
    }

    /**
     * A question went to the tipster: the tip waits for an answer unless it is already forwarded or closed. True when
     * the status changed.
     */
    boolean awaitTipster() {
        if (status == TipStatus.NEW || status == TipStatus.IN_REVIEW) {
            status = TipStatus.AWAITING_TIPSTER;
            return true;
        }
        return false;
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

package org.tipline.triage.tips;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;

/**
 * A tip forwarded to a destination from the directory: by phone or web form (recorded by the coordinator, with the
 * reference number and the person spoken to), or as an encrypted email sent from the outbox.
 */
@Entity
@Table(name = "referral")
// The triage role may update only the delivery columns (V11), so an UPDATE names only the columns that changed.
@DynamicUpdate
public class Referral {

    @Id
    private UUID id;

    private UUID tipId;

    private String destinationId;

    private String referenceNumber;

    private UUID recordedBy;

    private Instant recordedAt;

    @Enumerated(EnumType.STRING)
    private Channel channel;

    private String contactPerson;

    private Instant contactedAt;

    @Enumerated(EnumType.STRING)
    private DeliveryStatus deliveryStatus;

    private String recipient;

    private int attempts;

    private String lastError;

    private Instant deliveredAt;

    /** S/MIME ciphertext to the destination's certificate; never readable here. */
    private byte[] smimeMessage;

    private Instant nextAttemptAt;

    /** How the referral reached the destination; worded by {@code referral.channel.*} in the messages. */
    public enum Channel {
        PHONE,
        WEB_FORM,
        EMAIL
    }

    /** RECORDED: a person handed it over. QUEUED, SENT, FAILED: an encrypted email and how its sending went. */
    public enum DeliveryStatus {
        RECORDED,
        QUEUED,
        SENT,
        FAILED;

        /** Whether the destination has it: only then does it count for the rules that need a referral. */
        public boolean delivered() {
            return this == RECORDED || this == SENT;
        }
    }

    protected Referral() {}

    /** A referral a coordinator made by phone or through the destination's own form. */
    public static Referral manual(
            UUID tipId,
            String destinationId,
            Channel channel,
            String referenceNumber,
            String contactPerson,
            Instant contactedAt,
            UUID recordedBy,
            Instant recordedAt) {
        if (channel == Channel.EMAIL) {
            throw new TipStateConflict("email referrals are sent, not recorded");
        }
        Referral referral = new Referral(tipId, destinationId, recordedBy, recordedAt);
        referral.channel = channel;
        referral.referenceNumber = referenceNumber;
        referral.contactPerson = contactPerson;
        referral.contactedAt = contactedAt;
        referral.deliveryStatus = DeliveryStatus.RECORDED;
        return referral;
    }

    /** An encrypted email waiting in the outbox, due now; the message is already ciphertext for the destination. */
    public static Referral queuedEmail(
            UUID id,
            UUID tipId,
            String destinationId,
            String recipient,
            byte[] smimeMessage,
            UUID recordedBy,
            Instant recordedAt) {
        Referral referral = new Referral(tipId, destinationId, recordedBy, recordedAt);
        referral.id = id;
        referral.channel = Channel.EMAIL;
        referral.recipient = recipient;
        referral.deliveryStatus = DeliveryStatus.QUEUED;
        referral.smimeMessage = smimeMessage.clone();
        referral.nextAttemptAt = recordedAt;
        return referral;
    }

    private Referral(UUID tipId, String destinationId, UUID recordedBy, Instant recordedAt) {
        this.id = UUID.randomUUID();
        this.tipId = tipId;
        this.destinationId = destinationId;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    /** Puts a failed email back in the outbox, due now, from its first attempt. */
    public void requeue(Instant now) {
        if (deliveryStatus != DeliveryStatus.FAILED) {
            throw new NotRetryable(id);
        }
        deliveryStatus = DeliveryStatus.QUEUED;
        attempts = 0;
        nextAttemptAt = now;
    }

    /** The outbox sent the email on this attempt. */
    public void delivered(int attempt, Instant now) {
        deliveryStatus = DeliveryStatus.SENT;
        attempts = attempt;
        deliveredAt = now;
        lastError = null;
        nextAttemptAt = null;
    }

    /** The outbox could not send it: another attempt at {@code next}, or FAILED when {@code next} is null. */
    public void notDelivered(int attempt, String reason, Instant next) {
        deliveryStatus = next == null ? DeliveryStatus.FAILED : DeliveryStatus.QUEUED;
        attempts = attempt;
        lastError = reason;
        nextAttemptAt = next;
    }

    /** Only a referral whose email failed can be sent again. */
    public static class NotRetryable extends RuntimeException {
        public NotRetryable(UUID referralId) {
            super("referral " + referralId + " is not a failed email");
        }
    }

    public UUID id() {
        return id;
    }

    public UUID tipId() {
        return tipId;
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

    public Channel channel() {
        return channel;
    }

    public String contactPerson() {
        return contactPerson;
    }

    public Instant contactedAt() {
        return contactedAt;
    }

    public DeliveryStatus deliveryStatus() {
        return deliveryStatus;
    }

    public String recipient() {
        return recipient;
    }

    public int attempts() {
        return attempts;
    }

    public String lastError() {
        return lastError;
    }

    public Instant deliveredAt() {
        return deliveredAt;
    }
}

package org.tipline.triage.referrals;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tipline.model.guidance.Guidance;
import org.tipline.triage.audit.AuditTrail;
import org.tipline.triage.security.IsCoordinator;
import org.tipline.triage.staff.StaffPrincipal;
import org.tipline.triage.staff.UnlockedKeys;
import org.tipline.triage.tips.Referral;
import org.tipline.triage.tips.ReferralRepository;
import org.tipline.triage.tips.TipKeys;
import org.tipline.triage.tips.TipStateConflict;
import org.tipline.triage.tips.TipWorkflow;

/**
 * What is recorded when a tip is forwarded: a forward made by hand, or an encrypted email put in the outbox, each
 * marking the tip referred and audited in one transaction; and the decrypted tip a packet is made from.
 */
@Service
@IsCoordinator
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ReferralRecords {

    private final ReferralRepository referrals;
    private final TipWorkflow workflow;
    private final TipKeys keys;
    private final AuditTrail audit;
    private final Guidance guidance;
    private final Clock clock;

    /** What a coordinator records after forwarding a tip by phone or through the destination's own form. */
    public record ManualReferral(
            String destinationId,
            Referral.Channel channel,
            String referenceNumber,
            String contactPerson,
            Instant contactedAt) {}

    /** Records that the tip was forwarded by hand to a directory destination. */
    @Transactional
    public Referral refer(UUID tipId, ManualReferral made, StaffPrincipal coordinator) {
        requireDestination(made.destinationId());
        String statusChange = workflow.markReferred(tipId);
        Referral referral = referrals.save(Referral.manual(
                tipId,
                made.destinationId(),
                made.channel(),
                made.referenceNumber(),
                made.contactPerson(),
                made.contactedAt(),
                coordinator.id(),
                clock.instant()));
        audit.append(
                coordinator.username(),
                "REFERRAL_RECORDED",
                tipId,
                "destination=" + made.destinationId() + " channel=" + made.channel() + " referral=" + referral.id()
                        + statusChange);
        return referral;
    }

    /**
     * Puts an email referral in the outbox: the message is already S/MIME ciphertext for the destination, so nothing
     * readable is stored. The outbox sends it and records the delivery.
     */
    @Transactional
    public Referral queueEmail(
            UUID tipId,
            UUID referralId,
            String destinationId,
            String recipient,
            byte[] smimeMessage,
            StaffPrincipal coordinator) {
        requireDestination(destinationId);
        String statusChange = workflow.markReferred(tipId);
        Referral referral = referrals.save(Referral.queuedEmail(
                referralId, tipId, destinationId, recipient, smimeMessage, coordinator.id(), clock.instant()));
        audit.append(
                coordinator.username(),
                "REFERRAL_QUEUED",
                tipId,
                "destination=" + destinationId + " channel=EMAIL referral=" + referralId + statusChange);
        return referral;
    }

    /** The tip's answers, decrypted to prepare a referral packet; the preparation is audited. */
    @Transactional
    public TipKeys.Decrypted packetSource(UUID tipId, StaffPrincipal coordinator, UnlockedKeys unlocked) {
        TipKeys.Decrypted source = keys.decrypt(tipId, unlocked);
        audit.append(coordinator.username(), "PACKET_PREPARED", tipId, "");
        return source;
    }

    private void requireDestination(String destinationId) {
        if (guidance.destination(destinationId).isEmpty()) {
            throw new TipStateConflict("not a destination in the referral directory: " + destinationId);
        }
    }
}

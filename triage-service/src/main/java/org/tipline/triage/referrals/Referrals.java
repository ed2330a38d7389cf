package org.tipline.triage.referrals;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tipline.model.guidance.Destination;
import org.tipline.model.guidance.Guidance;
import org.tipline.model.tip.TipAnswers;
import org.tipline.triage.audit.AuditTrail;
import org.tipline.triage.security.IsCoordinator;
import org.tipline.triage.staff.StaffPrincipal;
import org.tipline.triage.staff.UnlockedKeys;
import org.tipline.triage.tips.Referral;
import org.tipline.triage.tips.ReferralRepository;
import org.tipline.triage.tips.TipKeys;
import org.tipline.triage.tips.TipStateConflict;

/**
 * Referral packets: the coordinator chooses what a destination gets, and takes it away as a PDF or HTCDS JSON, or has
 * it sent as S/MIME email, signed with the tip line's key and then encrypted to the destination's pinned certificate.
 * Every packet made is audited; an emailed one becomes a referral in the outbox, stored only as ciphertext.
 */
@Service
@IsCoordinator
public class Referrals {

    private final ReferralRecords records;
    private final ReferralRepository referrals;
    private final Guidance guidance;
    private final ReferralProperties properties;
    private final ObjectProvider<JavaMailSender> mail;
    private final AuditTrail audit;
    private final Clock clock;
    private final Optional<SmimeSigner> signer;
    private final PacketLabels labels;

    Referrals(
            ReferralRecords records,
            ReferralRepository referrals,
            Guidance guidance,
            ReferralProperties properties,
            ObjectProvider<JavaMailSender> mail,
            AuditTrail audit,
            Clock clock) {
        this.records = records;
        this.referrals = referrals;
        this.guidance = guidance;
        this.properties = properties;
        this.mail = mail;
        this.audit = audit;
        this.clock = clock;
        this.signer = signer(properties);
        this.labels = PacketLabels.from(guidance);
    }

    /** The tip line's signing key, read once at start: a key that is configured but unreadable stops the console. */
    private static Optional<SmimeSigner> signer(ReferralProperties properties) {
        if (blank(properties.signingKey()) || blank(properties.signingCertificate())) {
            return Optional.empty();
        }
        try {
            return Optional.of(SmimeSigner.read(properties.signingKey(), properties.signingCertificate()));
        } catch (SmimeEnvelope.CertificateProblem e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** What the coordinator chose: the destination, the sections to share, the redacted texts and NIBRS codes. */
    public record PacketRequest(
            UUID packetId,
            String destinationId,
            Set<PacketField> fields,
            String details,
            String onlineDetails,
            List<String> nibrs) {}

    /** The starting point of the packet form: everything offered, the texts as typed, the suggested codes. */
    public record Draft(TipKeys.Decrypted source, PacketRequest request) {}

    public Draft draft(UUID tipId, StaffPrincipal me, UnlockedKeys keys) {
        var source = records.packetSource(tipId, me, keys);
        // Child protection must have a minor's tip before it can be closed, so its packet is the one offered first.
        String suggested = (source.tip().childProtectionRequired()
                        ? guidance.firstOfKind(Destination.Kind.CHILD_PROTECTION)
                        : java.util.Optional.<Destination>empty())
                .or(() -> guidance.destinations().stream()
                        .filter(d -> d.tiers().contains(source.tip().urgencyTier()))
                        .filter(d -> d.kind() != Destination.Kind.EMERGENCY)
                        .findFirst())
                .map(Destination::id)
                .orElse("");
        return new Draft(
                source,
                new PacketRequest(
                        UUID.randomUUID(),
                        suggested,
                        EnumSet.allOf(PacketField.class),
                        source.answers().details(),
                        source.answers().onlineDetails(),
                        NibrsPolicy.suggest(source.answers())));
    }

    private static boolean blank(java.nio.file.Path path) {
        return path == null || path.toString().isBlank();
    }

    /** Whether a destination can be sent email from this console: an address, a certificate, a server, our key. */
    public boolean canEmail(String destinationId) {
        return properties.email().containsKey(destinationId) && mail.getIfAvailable() != null && signer.isPresent();
    }

    /**
     * The packet as a PDF; its id is the one the page offers to record the forward with. Rendered before the entry is
     * appended, so the transaction holds the chain only for the append; the entry commits before the file leaves.
     */
    @Transactional
    public byte[] pdf(UUID tipId, PacketRequest request, StaffPrincipal me, UnlockedKeys keys) {
        ReferralPacket packet = packet(request.packetId(), tipId, request, me, keys);
        byte[] pdf = PacketPdf.render(packet, labels);
        audit.append(me.username(), "PACKET_EXPORTED", tipId, "format=pdf " + describe(packet));
        return pdf;
    }

    @Transactional
    public String json(UUID tipId, PacketRequest request, StaffPrincipal me, UnlockedKeys keys) {
        ReferralPacket packet = packet(request.packetId(), tipId, request, me, keys);
        audit.append(me.username(), "PACKET_EXPORTED", tipId, "format=json " + describe(packet));
        return HtcdsJson.write(packet);
    }

    /**
     * Encrypts the packet (a short cover note, the PDF and the JSON) to the destination's certificate and queues it.
     * A certificate that cannot be used stops here with its reason: nothing is stored and nothing is sent.
     */
    public Referral email(UUID tipId, PacketRequest request, StaffPrincipal me, UnlockedKeys keys)
            throws SmimeEnvelope.CertificateProblem {
        var channel = properties.email().get(request.destinationId());
        if (channel == null || mail.getIfAvailable() == null || signer.isEmpty()) {
            throw new SmimeEnvelope.CertificateProblem("Email is not set up for this destination on this console.");
        }
        signer.get().check(clock.instant());
        X509Certificate certificate = SmimeEnvelope.read(channel.certificate());
        SmimeEnvelope.check(certificate, channel.address(), clock.instant());
        UUID referralId = UUID.randomUUID();
        ReferralPacket packet = packet(referralId, tipId, request, me, keys);
        byte[] message =
                ReferralEmail.sealed(packet, labels, properties.from(), signer.get(), channel.address(), certificate);
        return records.queueEmail(tipId, referralId, request.destinationId(), channel.address(), message, me);
    }

    /** Puts a failed email referral back in the outbox, from its first attempt. */
    @Transactional
    public void retry(UUID tipId, UUID referralId, StaffPrincipal me) {
        referrals
                .findById(referralId)
                .filter(referral -> referral.tipId().equals(tipId))
                .orElseThrow(() -> new Referral.NotRetryable(referralId))
                .requeue(clock.instant());
        referrals.flush();
        audit.append(me.username(), "REFERRAL_RETRIED", tipId, "referral=" + referralId);
    }

    private ReferralPacket packet(
            UUID packetId, UUID tipId, PacketRequest request, StaffPrincipal me, UnlockedKeys keys) {
        Destination destination = guidance.destination(request.destinationId())
                .orElseThrow(() -> new TipStateConflict("not a destination: " + request.destinationId()));
        var source = records.packetSource(tipId, me, keys);
        TipAnswers answers = source.answers();
        Set<PacketField> fields = request.fields();
        List<String> signs = new ArrayList<>();
        answers.indicators()
                .forEach(id -> signs.add(
                        guidance.indicator(id).map(i -> i.label().in("en")).orElse(id)));
        return new ReferralPacket(
                packetId,
                clock.instant(),
                me.displayName(),
                properties.organisation().isBlank()
                        ? guidance.deployment().name().in("en")
                        : properties.organisation(),
                properties.callbackContact(),
                destination,
                source.tip().urgencyTier(),
                source.tip().receivedAt(),
                fields.isEmpty() ? EnumSet.noneOf(PacketField.class) : EnumSet.copyOf(fields),
                new ReferralPacket.Place(
                        answers.location(),
                        answers.city(),
                        guidance.deployment().state(),
                        answers.zip(),
                        answers.businessName(),
                        answers.placeType()),
                answers.seenWhen(),
                answers.happeningNow(),
                answers.people(),
                answers.persons(),
                answers.vehicles(),
                answers.vehicleDetails(),
                signs,
                request.details(),
                request.onlineDetails(),
                request.nibrs());
    }

    private static String describe(ReferralPacket packet) {
        return "destination=" + packet.destination().id() + " packet=" + packet.packetId() + " fields="
                + packet.fields().stream().map(Enum::name).sorted().toList();
    }
}

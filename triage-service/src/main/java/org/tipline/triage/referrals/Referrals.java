package org.tipline.triage.referrals;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
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
import org.tipline.triage.tips.TipHandling;

/**
 * Referral packets: the coordinator chooses what a destination gets, and takes it away as a PDF or HTCDS JSON, or has
 * it sent as S/MIME email, signed with the tip line's key and then encrypted to the destination's pinned certificate.
 * Every packet made is audited; an emailed one becomes a referral in the outbox, stored only as ciphertext.
 */
@Service
@IsCoordinator
public class Referrals {

    private final TipHandling handling;
    private final Guidance guidance;
    private final ReferralProperties properties;
    private final ObjectProvider<JavaMailSender> mail;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Optional<SmimeSigner> signer;
    private final PacketLabels labels;

    Referrals(
            TipHandling handling,
            Guidance guidance,
            ReferralProperties properties,
            ObjectProvider<JavaMailSender> mail,
            AuditTrail audit,
            JdbcClient jdbc,
            Clock clock) {
        this.handling = handling;
        this.guidance = guidance;
        this.properties = properties;
        this.mail = mail;
        this.audit = audit;
        this.jdbc = jdbc;
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
    public record Draft(TipHandling.PacketSource source, PacketRequest request) {}

    public Draft draft(UUID tipId, StaffPrincipal me, UnlockedKeys keys) {
        var source = handling.packetSource(tipId, me, keys);
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
        byte[] message = sealedMessage(packet, channel.address(), certificate);
        return handling.queueEmailReferral(tipId, referralId, request.destinationId(), channel.address(), message, me);
    }

    /** Puts a failed email referral back in the outbox, from its first attempt. */
    @Transactional
    public void retry(UUID tipId, UUID referralId, StaffPrincipal me) {
        int updated = jdbc.sql("""
                        UPDATE referral SET delivery_status = 'QUEUED', attempts = 0, next_attempt_at = :now
                        WHERE id = :id AND tip_id = :tip AND delivery_status = 'FAILED'
                        """)
                .param("now", Timestamp.from(clock.instant()))
                .param("id", referralId)
                .param("tip", tipId)
                .update();
        if (updated != 1) {
            throw new IllegalStateException("Only a referral whose email failed can be sent again.");
        }
        audit.append(me.username(), "REFERRAL_RETRIED", tipId, "referral=" + referralId);
    }

    private ReferralPacket packet(
            UUID packetId, UUID tipId, PacketRequest request, StaffPrincipal me, UnlockedKeys keys) {
        Destination destination = guidance.destination(request.destinationId())
                .orElseThrow(() -> new IllegalArgumentException("not a destination: " + request.destinationId()));
        var source = handling.packetSource(tipId, me, keys);
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

    /** The whole message, outer headers naming no tip content; the packet is signed by us, then enveloped. */
    private byte[] sealedMessage(ReferralPacket packet, String to, X509Certificate certificate) {
        try {
            Session session = Session.getInstance(new Properties());
            MimeMultipart parts = new MimeMultipart("mixed");
            MimeBodyPart cover = new MimeBodyPart();
            cover.setText(
                    "Referral " + packet.packetId() + " from " + packet.referringOrganisation() + ", urgency "
                            + packet.urgencyTier() + ". The packet is attached as PDF and as HTCDS JSON.\n"
                            + "The tipster is anonymous; questions go through the tip line, quoting the packet id.\n",
                    "UTF-8");
            parts.addBodyPart(cover);
            parts.addBodyPart(attachment(PacketPdf.render(packet, labels), "application/pdf", packet, "pdf"));
            parts.addBodyPart(attachment(
                    HtcdsJson.write(packet).getBytes(StandardCharsets.UTF_8), "application/json", packet, "json"));
            Entity inner = new Entity();
            inner.setContent(parts);
            inner.prepare();
            var plain = new ByteArrayOutputStream();
            inner.writeTo(plain);

            MimeMessage outer = new MimeMessage(session);
            outer.setFrom(new InternetAddress(properties.from()));
            outer.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(to));
            outer.setSubject("Tipline referral " + packet.packetId());
            outer.setDataHandler(new DataHandler(new ByteArrayDataSource(
                    SmimeEnvelope.encrypt(signer.orElseThrow().sign(plain.toByteArray()), certificate),
                    "application/pkcs7-mime; smime-type=enveloped-data; name=\"smime.p7m\"")));
            outer.setHeader("Content-Disposition", "attachment; filename=\"smime.p7m\"");
            outer.setHeader("Content-Transfer-Encoding", "base64");
            outer.saveChanges();
            var sealed = new ByteArrayOutputStream();
            outer.writeTo(sealed);
            return sealed.toByteArray();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("the referral email could not be built", e);
        }
    }

    private static MimeBodyPart attachment(byte[] content, String type, ReferralPacket packet, String extension)
            throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(content, type)));
        part.setFileName("referral-" + packet.packetId() + "." + extension);
        return part;
    }

    /** A body part whose headers can be completed before it is written out on its own, to be encrypted. */
    private static final class Entity extends MimeBodyPart {
        void prepare() throws MessagingException {
            updateHeaders();
        }
    }
}

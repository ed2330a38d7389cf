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
import java.util.Properties;

/** A referral packet as one S/MIME email: a cover note, the PDF and the JSON, signed by the tip line, then enveloped. */
final class ReferralEmail {

    private ReferralEmail() {}

    /** The whole message, outer headers naming no tip content; the packet is signed by us, then enveloped. */
    static byte[] sealed(
            ReferralPacket packet,
            PacketLabels labels,
            String from,
            SmimeSigner signer,
            String to,
            X509Certificate certificate) {
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
            outer.setFrom(new InternetAddress(from));
            outer.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(to));
            outer.setSubject("Tipline referral " + packet.packetId());
            outer.setDataHandler(new DataHandler(new ByteArrayDataSource(
                    SmimeEnvelope.encrypt(signer.sign(plain.toByteArray()), certificate),
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

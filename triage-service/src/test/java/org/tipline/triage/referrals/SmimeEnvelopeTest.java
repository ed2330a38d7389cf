package org.tipline.triage.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cms.CMSEnvelopedData;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.jcajce.JceKeyAgreeEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransEnvelopedRecipient;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmimeEnvelopeTest {

    static final String ADDRESS = "tips@police.example";
    static final byte[] ENTITY = "Content-Type: text/plain; charset=UTF-8\r\n\r\nblue van, plate CT AB1234\r\n"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void anRsaRecipientDecryptsWhatWasEncryptedAndTheCiphertextHidesTheContent() throws Exception {
        var destination = TestCertificates.issue(TestCertificates.Spec.rsa(ADDRESS));
        byte[] sealed = SmimeEnvelope.encrypt(ENTITY, destination.certificate());

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("AB1234");
        RecipientInformation recipient = onlyRecipient(sealed);
        assertThat(recipient.getKeyEncryptionAlgOID()).isEqualTo("1.2.840.113549.1.1.7"); // RSAES-OAEP
        assertThat(recipient.getContent(
                        new JceKeyTransEnvelopedRecipient(destination.keys().getPrivate())
                                .setProvider(new BouncyCastleProvider())))
                .isEqualTo(ENTITY);
    }

    @Test
    void anEcRecipientDecryptsThroughKeyAgreement() throws Exception {
        var destination = TestCertificates.issue(TestCertificates.Spec.ec(ADDRESS));
        byte[] sealed = SmimeEnvelope.encrypt(ENTITY, destination.certificate());

        RecipientInformation recipient = onlyRecipient(sealed);
        assertThat(recipient.getContent(
                        new JceKeyAgreeEnvelopedRecipient(destination.keys().getPrivate())
                                .setProvider(new BouncyCastleProvider())))
                .isEqualTo(ENTITY);
    }

    @Test
    void anotherKeyCannotDecrypt() throws Exception {
        var destination = TestCertificates.issue(TestCertificates.Spec.rsa(ADDRESS));
        var stranger = TestCertificates.issue(TestCertificates.Spec.rsa(ADDRESS));
        byte[] sealed = SmimeEnvelope.encrypt(ENTITY, destination.certificate());
        RecipientInformation recipient = onlyRecipient(sealed);

        assertThatThrownBy(() -> recipient.getContent(
                        new JceKeyTransEnvelopedRecipient(stranger.keys().getPrivate())
                                .setProvider(new BouncyCastleProvider())))
                .isInstanceOf(Exception.class);
    }

    @Test
    void aGoodCertificatePassesTheChecks() throws Exception {
        var good = TestCertificates.issue(TestCertificates.Spec.rsa(ADDRESS));
        assertThatCode(() -> SmimeEnvelope.check(good.certificate(), "TIPS@police.example", Instant.now()))
                .doesNotThrowAnyException();
    }

    @Test
    void eachUnusableCertificateIsRefusedWithItsReason() throws Exception {
        Instant now = Instant.now();
        var spec = TestCertificates.Spec.rsa(ADDRESS);
        assertRefused(spec.validBetween(now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1))), "expired on");
        assertRefused(
                spec.validBetween(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(30))), "not valid until");
        assertRefused(spec.keyUsage(KeyUsage.digitalSignature), "not allowed to be used for encryption");
        assertRefused(spec.extendedUsage(KeyPurposeId.id_kp_serverAuth), "not issued for email protection");
        assertRefused(spec.rsaBits(1024), "shorter than 2048 bits");
        var other = TestCertificates.issue(TestCertificates.Spec.rsa("someone@else.example"));
        assertThatThrownBy(() -> SmimeEnvelope.check(other.certificate(), ADDRESS, now))
                .hasMessageContaining("not for " + ADDRESS);
    }

    @Test
    void aFileThatIsNotACertificateIsNamed(@TempDir Path dir) throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.pem"), "not a certificate");
        assertThatThrownBy(() -> SmimeEnvelope.read(junk)).hasMessageContaining("does not hold an X.509 certificate");
        assertThatThrownBy(() -> SmimeEnvelope.read(dir.resolve("missing.pem"))).hasMessageContaining("cannot be read");
    }

    private static RecipientInformation onlyRecipient(byte[] sealed) throws Exception {
        return new CMSEnvelopedData(sealed)
                .getRecipientInfos()
                .getRecipients()
                .iterator()
                .next();
    }

    private static void assertRefused(TestCertificates.Spec spec, String reason) throws Exception {
        var issued = TestCertificates.issue(spec);
        assertThatThrownBy(() -> SmimeEnvelope.check(issued.certificate(), ADDRESS, Instant.now()))
                .isInstanceOf(SmimeEnvelope.CertificateProblem.class)
                .hasMessageContaining(reason);
    }
}

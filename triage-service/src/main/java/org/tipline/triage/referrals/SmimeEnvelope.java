package org.tipline.triage.referrals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaAlgorithmParametersConverter;

/**
 * S/MIME enveloped data (RFC 8551) to one destination's certificate, with Bouncy Castle's CMS: AES-256-CBC content
 * encryption, which every S/MIME client reads; RSA-OAEP with SHA-256 for RSA certificates and ECDH for EC ones. The
 * certificate is pinned by the operator, so it is checked for what can go wrong with a pinned certificate: dates, key
 * usage, key size and the address it was issued for.
 */
public final class SmimeEnvelope {

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static final String EMAIL_PROTECTION = "1.3.6.1.5.5.7.3.4";
    private static final String ANY_EXTENDED_KEY_USAGE = "2.5.29.37.0";

    private SmimeEnvelope() {}

    /** A certificate that cannot be used, with a sentence that says why. */
    public static class CertificateProblem extends Exception {
        CertificateProblem(String message) {
            super(message);
        }
    }

    public static X509Certificate read(Path pem) throws CertificateProblem {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException e) {
            throw new CertificateProblem("The certificate file " + pem + " cannot be read.");
        } catch (CertificateException | ClassCastException e) {
            throw new CertificateProblem("The file " + pem + " does not hold an X.509 certificate.");
        }
    }

    /** Refuses a certificate that has expired, is not yet valid, cannot encrypt, or was issued for another address. */
    public static void check(X509Certificate certificate, String address, Instant now) throws CertificateProblem {
        if (now.isAfter(certificate.getNotAfter().toInstant())) {
            throw new CertificateProblem("The destination's certificate expired on "
                    + certificate.getNotAfter().toInstant() + "; ask the destination for a new one.");
        }
        if (now.isBefore(certificate.getNotBefore().toInstant())) {
            throw new CertificateProblem("The destination's certificate is not valid until "
                    + certificate.getNotBefore().toInstant() + ".");
        }
        boolean rsa = certificate.getPublicKey() instanceof RSAPublicKey;
        boolean ec = certificate.getPublicKey() instanceof ECPublicKey;
        if (!rsa && !ec) {
            throw new CertificateProblem("The destination's certificate has neither an RSA nor an EC key.");
        }
        if (rsa && ((RSAPublicKey) certificate.getPublicKey()).getModulus().bitLength() < 2048) {
            throw new CertificateProblem("The destination's RSA key is shorter than 2048 bits.");
        }
        boolean[] usage = certificate.getKeyUsage();
        // keyEncipherment (2) for RSA key transport, keyAgreement (4) for ECDH.
        if (usage != null && !(rsa ? usage[2] : usage[4])) {
            throw new CertificateProblem("The destination's certificate is not allowed to be used for encryption.");
        }
        try {
            List<String> extended = certificate.getExtendedKeyUsage();
            if (extended != null
                    && !extended.contains(EMAIL_PROTECTION)
                    && !extended.contains(ANY_EXTENDED_KEY_USAGE)) {
                throw new CertificateProblem("The destination's certificate is not issued for email protection.");
            }
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            if (names != null) {
                List<String> emails = names.stream()
                        .filter(name -> Integer.valueOf(1).equals(name.get(0)))
                        .map(name -> name.get(1).toString().toLowerCase(Locale.ROOT))
                        .toList();
                if (!emails.isEmpty() && !emails.contains(address.toLowerCase(Locale.ROOT))) {
                    throw new CertificateProblem(
                            "The destination's certificate was issued for " + emails + ", not for " + address + ".");
                }
            }
        } catch (CertificateParsingException e) {
            throw new CertificateProblem("The destination's certificate has unreadable extensions.");
        }
    }

    /** The DER-encoded CMS EnvelopedData of a whole MIME entity, for the body of an application/pkcs7-mime part. */
    public static byte[] encrypt(byte[] mimeEntity, X509Certificate certificate) {
        try {
            var generator = new CMSEnvelopedDataGenerator();
            if (certificate.getPublicKey() instanceof RSAPublicKey) {
                var oaep = new JcaAlgorithmParametersConverter()
                        .getAlgorithmIdentifier(
                                PKCSObjectIdentifiers.id_RSAES_OAEP,
                                new OAEPParameterSpec(
                                        "SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
                generator.addRecipientInfoGenerator(
                        new JceKeyTransRecipientInfoGenerator(certificate, oaep).setProvider(BC));
            } else {
                var ephemeral = KeyPairGenerator.getInstance("EC", BC);
                ephemeral.initialize(((ECPublicKey) certificate.getPublicKey()).getParams());
                var sender = ephemeral.generateKeyPair();
                generator.addRecipientInfoGenerator(new JceKeyAgreeRecipientInfoGenerator(
                                CMSAlgorithm.ECDH_SHA256KDF,
                                sender.getPrivate(),
                                sender.getPublic(),
                                CMSAlgorithm.AES256_WRAP)
                        .addRecipient(certificate)
                        .setProvider(BC));
            }
            return generator
                    .generate(
                            new CMSProcessableByteArray(mimeEntity),
                            new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_CBC)
                                    .setProvider(BC)
                                    .build())
                    .getEncoded();
        } catch (GeneralSecurityException | CMSException | IOException e) {
            throw new IllegalStateException("S/MIME encryption failed", e);
        }
    }
}

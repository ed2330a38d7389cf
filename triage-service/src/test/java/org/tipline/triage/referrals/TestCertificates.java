package org.tipline.triage.referrals;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Destination certificates made on the spot: tests never ship keys. */
public final class TestCertificates {

    /** A key pair and its self-signed certificate. */
    public record Issued(KeyPair keys, X509Certificate certificate) {

        public String pem() throws Exception {
            var out = new java.io.StringWriter();
            try (var writer = new JcaPEMWriter(out)) {
                writer.writeObject(certificate);
            }
            return out.toString();
        }

        public String privateKeyPem() throws Exception {
            var out = new java.io.StringWriter();
            try (var writer = new JcaPEMWriter(out)) {
                writer.writeObject(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(keys.getPrivate(), null));
            }
            return out.toString();
        }
    }

    /** What to put in a certificate; the defaults make a good S/MIME encryption certificate. */
    public record Spec(
            String algorithm,
            int rsaBits,
            String email,
            Instant notBefore,
            Instant notAfter,
            int keyUsage,
            KeyPurposeId extendedUsage) {

        public static Spec rsa(String email) {
            Instant now = Instant.now();
            return new Spec(
                    "RSA",
                    2048,
                    email,
                    now.minus(Duration.ofDays(1)),
                    now.plus(Duration.ofDays(365)),
                    KeyUsage.keyEncipherment | KeyUsage.digitalSignature,
                    KeyPurposeId.id_kp_emailProtection);
        }

        public static Spec ec(String email) {
            Spec rsa = rsa(email);
            return new Spec(
                    "EC", 0, email, rsa.notBefore(), rsa.notAfter(), KeyUsage.keyAgreement, rsa.extendedUsage());
        }

        public Spec validBetween(Instant from, Instant to) {
            return new Spec(algorithm, rsaBits, email, from, to, keyUsage, extendedUsage);
        }

        public Spec keyUsage(int usage) {
            return new Spec(algorithm, rsaBits, email, notBefore, notAfter, usage, extendedUsage);
        }

        public Spec extendedUsage(KeyPurposeId purpose) {
            return new Spec(algorithm, rsaBits, email, notBefore, notAfter, keyUsage, purpose);
        }

        public Spec rsaBits(int bits) {
            return new Spec(algorithm, bits, email, notBefore, notAfter, keyUsage, extendedUsage);
        }
    }

    private TestCertificates() {}

    public static Issued issue(Spec spec) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(spec.algorithm());
        if (spec.algorithm().equals("RSA")) {
            generator.initialize(spec.rsaBits());
        } else {
            generator.initialize(new ECGenParameterSpec("secp256r1"));
        }
        KeyPair keys = generator.generateKeyPair();
        X500Name subject = new X500Name("CN=" + spec.email());
        var builder = new JcaX509v3CertificateBuilder(
                subject,
                BigInteger.valueOf(System.nanoTime()),
                Date.from(spec.notBefore()),
                Date.from(spec.notAfter()),
                subject,
                keys.getPublic());
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(spec.keyUsage()));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(spec.extendedUsage()));
        builder.addExtension(
                Extension.subjectAlternativeName,
                false,
                new GeneralNames(new GeneralName(GeneralName.rfc822Name, spec.email())));
        // A throwaway RSA issuer key signs EC certificates too; only the subject key matters for encryption.
        KeyPairGenerator signerKeys = KeyPairGenerator.getInstance("RSA");
        signerKeys.initialize(2048);
        var signer = new JcaContentSignerBuilder("SHA256withRSA")
                .build(
                        spec.algorithm().equals("RSA")
                                ? keys.getPrivate()
                                : signerKeys.generateKeyPair().getPrivate());
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        return new Issued(keys, certificate);
    }
}

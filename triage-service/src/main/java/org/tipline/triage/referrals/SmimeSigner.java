package org.tipline.triage.referrals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * Signs a MIME entity with the tip line's own key as S/MIME {@code multipart/signed} (RFC 8551 section 3.5: the entity
 * as it is, then a detached CMS SignedData over its exact bytes, with the tip line's certificate inside). Referral
 * mail is signed first and then enveloped, so a destination that decrypts it can check it came from the tip line and
 * was not changed. Built on Bouncy Castle's CMS directly, the same signer bcjmail wraps.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public final class SmimeSigner {

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private final PrivateKey key;
    private final X509Certificate certificate;

    /** The key (PKCS#8, or a traditional RSA or EC key, unencrypted PEM) and its certificate (PEM). */
    public static SmimeSigner read(Path keyPem, Path certificatePem) throws SmimeEnvelope.CertificateProblem {
        X509Certificate certificate = SmimeEnvelope.read(certificatePem);
        try (Reader in = Files.newBufferedReader(keyPem);
                PEMParser pem = new PEMParser(in)) {
            Object read = pem.readObject();
            var converter = new JcaPEMKeyConverter().setProvider(BC);
            PrivateKeyInfo info = read instanceof PEMKeyPair pair
                    ? pair.getPrivateKeyInfo()
                    : read instanceof PrivateKeyInfo plain ? plain : null;
            if (info == null) {
                throw new SmimeEnvelope.CertificateProblem(
                        "The file " + keyPem + " does not hold an unencrypted private key in PEM.");
            }
            PrivateKey key = new JcaPEMKeyConverter().setProvider(BC).getPrivateKey(info);
            return new SmimeSigner(key, certificate);
        } catch (IOException e) {
            throw new SmimeEnvelope.CertificateProblem("The signing key file " + keyPem + " cannot be read.");
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** Refuses to sign under a certificate that a destination would reject for its dates. */
    public void check(Instant now) throws SmimeEnvelope.CertificateProblem {
        if (now.isAfter(certificate.getNotAfter().toInstant())
                || now.isBefore(certificate.getNotBefore().toInstant())) {
            throw new SmimeEnvelope.CertificateProblem("The tip line's signing certificate is valid only from "
                    + certificate.getNotBefore().toInstant() + " to "
                    + certificate.getNotAfter().toInstant()
                    + "; the operator must install a current one.");
        }
    }

    /**
     * The whole {@code multipart/signed} entity, headers included, around {@code mimeEntity}; its bare line feeds are
     * first made CRLF, the canonical form that is signed and that verifiers rebuild.
     */
    public byte[] sign(byte[] mimeEntity) {
        byte[] entity = canonical(mimeEntity);
        try {
            var generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSimpleSignerInfoGeneratorBuilder()
                    .setProvider(BC)
                    .build(key instanceof RSAPrivateKey ? "SHA256withRSA" : "SHA256withECDSA", key, certificate));
            generator.addCertificates(new JcaCertStore(List.of(certificate)));
            byte[] signature = generator
                    .generate(new CMSProcessableByteArray(entity), false)
                    .getEncoded();
            String boundary = "----=_tipline_signed_" + UUID.randomUUID();
            var out = new ByteArrayOutputStream(entity.length + signature.length * 2);
            out.writeBytes(ascii("Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\"; "
                    + "micalg=sha-256;\r\n\tboundary=\"" + boundary + "\"\r\n\r\n"
                    + "This is an S/MIME signed message.\r\n\r\n--" + boundary + "\r\n"));
            out.writeBytes(entity);
            out.writeBytes(ascii("\r\n--" + boundary + "\r\n"
                    + "Content-Type: application/pkcs7-signature; name=\"smime.p7s\"\r\n"
                    + "Content-Transfer-Encoding: base64\r\n"
                    + "Content-Disposition: attachment; filename=\"smime.p7s\"\r\n\r\n"
                    + Base64.getMimeEncoder(76, new byte[] {'\r', '\n'}).encodeToString(signature) + "\r\n--"
                    + boundary + "--\r\n"));
            return out.toByteArray();
        } catch (OperatorCreationException | CertificateEncodingException | CMSException | IOException e) {
            throw new IllegalStateException("S/MIME signing failed", e);
        }
    }

    private static byte[] canonical(byte[] entity) {
        var out = new ByteArrayOutputStream(entity.length + entity.length / 32);
        for (int i = 0; i < entity.length; i++) {
            if (entity[i] == '\n' && (i == 0 || entity[i - 1] != '\r')) {
                out.write('\r');
            }
            out.write(entity[i]);
        }
        return out.toByteArray();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}

package org.tipline.model.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;
import java.util.Properties;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.junit.jupiter.api.Test;

/** Pins Bouncy Castle's DHKEM(X25519) and HKDF-SHA256 key schedule to RFC 9180's published vector. */
class Rfc9180KnownAnswerTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void baseModeMatchesAppendixA11() throws Exception {
        Properties v = load("/vectors/rfc9180-a1-1-base-x25519-sha256-aes128gcm.properties");
        var hpke = new HPKE(HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM128);

        var recipient = hpke.deriveKeyPair(hex(v, "ikmR"));
        var ephemeral = hpke.deriveKeyPair(hex(v, "ikmE"));
        assertThat(raw(recipient.getPrivate())).isEqualTo(hex(v, "skRm"));
        // BC serializes the clamped scalar; clamping is idempotent, so the stored key still works (next test).
        assertThat(hpke.serializePrivateKey(recipient.getPrivate())).isEqualTo(clamped(hex(v, "skRm")));
        assertThat(hpke.serializePublicKey(recipient.getPublic())).isEqualTo(hex(v, "pkRm"));
        assertThat(raw(ephemeral.getPrivate())).isEqualTo(hex(v, "skEm"));
        assertThat(hpke.serializePublicKey(ephemeral.getPublic())).isEqualTo(hex(v, "pkEm"));

        var sender = hpke.setupBaseS(recipient.getPublic(), hex(v, "info"), ephemeral);
        assertThat(sender.getEncapsulation()).isEqualTo(hex(v, "enc"));
        var receiver = hpke.setupBaseR(hex(v, "enc"), recipient, hex(v, "info"));
        for (int i = 0; i < 2; i++) {
            byte[] ciphertext = sender.seal(hex(v, "aad." + i), hex(v, "plaintext"));
            assertThat(ciphertext).as("sequence %d", i).isEqualTo(hex(v, "ciphertext." + i));
            assertThat(receiver.open(hex(v, "aad." + i), ciphertext)).isEqualTo(hex(v, "plaintext"));
        }
    }

    @Test
    void tiplinesX25519SuiteOpensWhatTheVectorsRecipientKeyReceives() {
        Properties v = load("/vectors/rfc9180-a1-1-base-x25519-sha256-aes128gcm.properties");
        var keys = new HpkeKeyPair(HpkeSuite.X25519, hex(v, "pkRm"), clamped(hex(v, "skRm")));

        byte[] sealed = Hpke.seal(HpkeSuite.X25519, hex(v, "pkRm"), "info", new byte[0], hex(v, "plaintext"));

        assertThat(Hpke.open(keys, "info", new byte[0], sealed)).isEqualTo(hex(v, "plaintext"));
    }

    private static byte[] raw(org.bouncycastle.crypto.params.AsymmetricKeyParameter key) {
        return ((X25519PrivateKeyParameters) key).getEncoded();
    }

    private static byte[] clamped(byte[] scalar) {
        byte[] copy = scalar.clone();
        copy[0] &= (byte) 0xF8;
        copy[31] &= 0x7F;
        copy[31] |= 0x40;
        return copy;
    }

    private static byte[] hex(Properties vector, String name) {
        return HEX.parseHex(vector.getProperty(name));
    }

    private Properties load(String resource) {
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            var properties = new Properties();
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.tipline.model.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EnvelopeTest {

    private final UUID tipId = UUID.randomUUID();
    private final byte[] content = Bytes.utf8("white van, plate CT 123-ABC, behind the spa on Main St");

    @ParameterizedTest
    @EnumSource(HpkeSuite.class)
    void sealedContentOpensOnlyWithTheTipLinePrivateKey(HpkeSuite suite) {
        var tipLine = TipLineKeyPair.generate(7, suite);
        byte[] dataKey = Bytes.random(Aead.KEY_BYTES);

        byte[] wrapped = tipLine.publicKey().wrapDataKey(tipId, dataKey);
        byte[] sealed = SealedField.seal(dataKey, tipId, "answers", 1, content);

        byte[] unwrapped = tipLine.unwrapDataKey(tipId, wrapped);
        assertThat(SealedField.open(unwrapped, tipId, "answers", 1, sealed)).isEqualTo(content);
        assertThat(TipLineKeyPair.epochOf(wrapped)).isEqualTo(7);
    }

    @ParameterizedTest
    @EnumSource(HpkeSuite.class)
    void anotherKeyPairCannotUnwrap(HpkeSuite suite) {
        byte[] wrapped = TipLineKeyPair.generate(1, suite).publicKey().wrapDataKey(tipId, Bytes.random(32));
        var stranger = TipLineKeyPair.generate(1, suite);

        assertThatThrownBy(() -> stranger.unwrapDataKey(tipId, wrapped)).isInstanceOf(CryptoException.class);
    }

    @ParameterizedTest
    @EnumSource(HpkeSuite.class)
    void aWrappedKeyIsBoundToItsTip(HpkeSuite suite) {
        var tipLine = TipLineKeyPair.generate(1, suite);
        byte[] wrapped = tipLine.publicKey().wrapDataKey(tipId, Bytes.random(32));

        assertThatThrownBy(() -> tipLine.unwrapDataKey(UUID.randomUUID(), wrapped))
                .isInstanceOf(CryptoException.class);
    }

    @ParameterizedTest
    @EnumSource(HpkeSuite.class)
    void everyFlippedByteOfAWrappedKeyIsDetected(HpkeSuite suite) {
        var tipLine = TipLineKeyPair.generate(1, suite);
        byte[] wrapped = tipLine.publicKey().wrapDataKey(tipId, Bytes.random(32));
        // Skip the format and epoch header: changing those is reported as a different error, checked below.
        for (int i = 5; i < wrapped.length; i++) {
            byte[] tampered = wrapped.clone();
            tampered[i] ^= 0x01;
            assertThatThrownBy(() -> tipLine.unwrapDataKey(tipId, tampered))
                    .as("byte %d", i)
                    .isInstanceOf(CryptoException.class);
        }
        byte[] otherEpoch = wrapped.clone();
        otherEpoch[4] ^= 0x01;
        assertThatThrownBy(() -> tipLine.unwrapDataKey(tipId, otherEpoch)).hasMessageContaining("epoch");
    }

    @ParameterizedTest
    @EnumSource(HpkeSuite.class)
    void truncatedAndEmptyWrappedKeysAreRejected(HpkeSuite suite) {
        var tipLine = TipLineKeyPair.generate(1, suite);
        byte[] wrapped = tipLine.publicKey().wrapDataKey(tipId, Bytes.random(32));
        for (int length : new int[] {0, 1, 5, 7, wrapped.length / 2, wrapped.length - 1}) {
            byte[] truncated = java.util.Arrays.copyOf(wrapped, length);
            assertThatThrownBy(() -> tipLine.unwrapDataKey(tipId, truncated))
                    .as("length %d", length)
                    .isInstanceOf(CryptoException.class);
        }
    }

    @org.junit.jupiter.api.Test
    void sealedFieldIsBoundToTipFieldAndSchemaVersion() {
        byte[] dataKey = Bytes.random(32);
        byte[] sealed = SealedField.seal(dataKey, tipId, "answers", 1, content);

        assertThatThrownBy(() -> SealedField.open(dataKey, UUID.randomUUID(), "answers", 1, sealed))
                .isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> SealedField.open(dataKey, tipId, "notes", 1, sealed))
                .isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> SealedField.open(dataKey, tipId, "answers", 2, sealed))
                .isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> SealedField.open(Bytes.random(32), tipId, "answers", 1, sealed))
                .isInstanceOf(CryptoException.class);
        for (int i = 0; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x40;
            assertThatThrownBy(() -> SealedField.open(dataKey, tipId, "answers", 1, tampered))
                    .as("byte %d", i)
                    .isInstanceOf(CryptoException.class);
        }
    }

    @org.junit.jupiter.api.Test
    void answersSealedUnderSchemaVersion1StillDecode() {
        byte[] version1 = Bytes.utf8("{\"location\":\"Main St\",\"people\":\"two women\",\"vehicles\":\"\","
                + "\"indicators\":[\"lives-at-workplace\"],\"happeningNow\":true,\"details\":\"\"}");

        var answers = org.tipline.model.tip.TipAnswersCodec.decode(version1);

        assertThat(answers.location()).isEqualTo("Main St");
        assertThat(answers.indicators()).containsExactly("lives-at-workplace");
        assertThat(answers.happeningNow()).isTrue();
        assertThat(answers.youngestAge()).isEmpty();
        assertThat(answers.onlineDetails()).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void publicKeyTextFormRoundTrips() {
        var publicKey = TipLineKeyPair.generate(3, HpkeSuite.XWING).publicKey();

        assertThat(TipLinePublicKey.decode(publicKey.encode())).isEqualTo(publicKey);
        assertThatThrownBy(() -> TipLinePublicKey.decode("3:not-a-number:AAAA")).isInstanceOf(CryptoException.class);
    }
}

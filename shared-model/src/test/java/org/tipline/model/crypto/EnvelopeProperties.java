package org.tipline.model.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Properties of the envelope over arbitrary content, tips and tampering. */
class EnvelopeProperties {

    private static final TipLineKeyPair XWING = TipLineKeyPair.generate(1, HpkeSuite.XWING);
    private static final TipLineKeyPair X25519 = TipLineKeyPair.generate(2, HpkeSuite.X25519);

    @Property(tries = 200)
    void anyContentRoundTripsUnderEitherSuite(
            @ForAll @Size(max = 4096) byte[] content, @ForAll("tipIds") UUID tipId, @ForAll boolean postQuantum) {
        TipLineKeyPair key = postQuantum ? XWING : X25519;
        byte[] dataKey = Bytes.random(Aead.KEY_BYTES);

        byte[] wrapped = key.publicKey().wrapDataKey(tipId, dataKey);
        byte[] sealed = SealedField.seal(dataKey, tipId, "answers", 1, content);

        assertThat(SealedField.open(key.unwrapDataKey(tipId, wrapped), tipId, "answers", 1, sealed))
                .isEqualTo(content);
    }

    @Property(tries = 300)
    void flippingAnyBitOfSealedContentIsDetected(
            @ForAll @Size(min = 1, max = 512) byte[] content,
            @ForAll @IntRange(min = 0, max = 10_000) int position,
            @ForAll @IntRange(min = 0, max = 7) int bit) {
        UUID tipId = UUID.randomUUID();
        byte[] dataKey = Bytes.random(Aead.KEY_BYTES);
        byte[] sealed = SealedField.seal(dataKey, tipId, "answers", 1, content);
        sealed[position % sealed.length] ^= (byte) (1 << bit);

        assertThatThrownBy(() -> SealedField.open(dataKey, tipId, "answers", 1, sealed))
                .isInstanceOf(CryptoException.class);
    }

    @Property(tries = 100)
    void contentSealedForOneFieldNeverOpensAsAnother(
            @ForAll @Size(max = 256) byte[] content, @ForAll("fields") String field, @ForAll("fields") String other) {
        UUID tipId = UUID.randomUUID();
        byte[] dataKey = Bytes.random(Aead.KEY_BYTES);
        byte[] sealed = SealedField.seal(dataKey, tipId, field, 1, content);

        if (field.equals(other)) {
            assertThat(SealedField.open(dataKey, tipId, other, 1, sealed)).isEqualTo(content);
        } else {
            assertThatThrownBy(() -> SealedField.open(dataKey, tipId, other, 1, sealed))
                    .isInstanceOf(CryptoException.class);
        }
    }

    @Property(tries = 200)
    void garbageNeverOpensAndNeverEscapesAsAnUncheckedLibraryError(@ForAll @Size(max = 2048) byte[] garbage) {
        assertThatThrownBy(() -> XWING.unwrapDataKey(UUID.randomUUID(), garbage))
                .isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> X25519.unwrapDataKey(UUID.randomUUID(), garbage))
                .isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> SealedField.open(Bytes.random(32), UUID.randomUUID(), "answers", 1, garbage))
                .isInstanceOf(CryptoException.class);
    }

    @Provide
    Arbitrary<UUID> tipIds() {
        return Arbitraries.randomValue(random -> new UUID(random.nextLong(), random.nextLong()));
    }

    @Provide
    Arbitrary<String> fields() {
        return Arbitraries.of("answers", "notes", "attachment:1", "attachment:2", "message");
    }
}

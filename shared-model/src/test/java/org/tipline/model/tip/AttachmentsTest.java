package org.tipline.model.tip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tipline.model.crypto.Bytes;
import org.tipline.model.crypto.CryptoException;
import org.tipline.model.crypto.HpkeSuite;
import org.tipline.model.crypto.TipLineKeyPair;

class AttachmentsTest {

    private final TipLineKeyPair key = TipLineKeyPair.generate(1, HpkeSuite.XWING);

    @ParameterizedTest
    @ValueSource(ints = {0, 1, Attachments.CHUNK_BYTES - 1, Attachments.CHUNK_BYTES, 3 * Attachments.CHUNK_BYTES + 7})
    void roundTripsAnySizeAndStreamsExactlyTheAnnouncedLength(int size) throws Exception {
        byte[] file = Bytes.random(size);
        var sealed = Attachments.seal(key.publicKey(), file);
        byte[] stored = sealed.content().readAllBytes();

        assertThat(stored).hasSize((int) sealed.sealedLength());
        assertThat(Attachments.open(key, sealed.id(), sealed.wrappedKey(), stored))
                .isEqualTo(file);
    }

    @Test
    void truncationReorderingAndTamperingAreDetected() throws Exception {
        byte[] file = Bytes.random(3 * Attachments.CHUNK_BYTES);
        var sealed = Attachments.seal(key.publicKey(), file);
        byte[] stored = sealed.content().readAllBytes();
        int chunk = Attachments.CHUNK_BYTES + 28;

        byte[] truncated = Arrays.copyOf(stored, 1 + 2 * chunk);
        assertThatThrownBy(() -> Attachments.open(key, sealed.id(), sealed.wrappedKey(), truncated))
                .isInstanceOf(CryptoException.class);

        byte[] swapped = stored.clone();
        System.arraycopy(stored, 1, swapped, 1 + chunk, chunk);
        System.arraycopy(stored, 1 + chunk, swapped, 1, chunk);
        assertThatThrownBy(() -> Attachments.open(key, sealed.id(), sealed.wrappedKey(), swapped))
                .isInstanceOf(CryptoException.class);

        byte[] flipped = stored.clone();
        flipped[flipped.length / 2] ^= 1;
        assertThatThrownBy(() -> Attachments.open(key, sealed.id(), sealed.wrappedKey(), flipped))
                .isInstanceOf(CryptoException.class);
    }
}

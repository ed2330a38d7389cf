package org.tipline.model.linking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tipline.model.crypto.HpkeSuite;
import org.tipline.model.crypto.TipLineKeyPair;

class BlindIndexTest {

    private final TipLineKeyPair key = TipLineKeyPair.generate(1, HpkeSuite.X25519);

    @Test
    void theSameValueUnderTheSameKeyGivesTheSameIndex() {
        var plates = BlindIndex.forKind(BlindIndex.Kind.PLATE, key);

        assertThat(plates.of("CT:AB1234"))
                .isEqualTo(BlindIndex.forKind(BlindIndex.Kind.PLATE, key).of("CT:AB1234"));
        assertThat(plates.of("CT:AB1234")).isBetween(0, (1 << BlindIndex.Kind.PLATE.bits()) - 1);
    }

    @Test
    void anotherKeyOrAnotherKindGivesUnrelatedIndexes() {
        int matchesAcrossKeys = 0;
        int matchesAcrossKinds = 0;
        var plates = BlindIndex.forKind(BlindIndex.Kind.PLATE, key);
        var otherEpoch = BlindIndex.forKind(BlindIndex.Kind.PLATE, TipLineKeyPair.generate(2, HpkeSuite.X25519));
        var phones = BlindIndex.forKind(BlindIndex.Kind.PHONE, key);
        for (int i = 0; i < 2000; i++) {
            String value = "CT:" + i;
            matchesAcrossKeys += plates.of(value) == otherEpoch.of(value) ? 1 : 0;
            matchesAcrossKinds += plates.of(value) == phones.of(value) ? 1 : 0;
        }
        // Chance agreement is 1 in 16384 per value; a handful would already be suspicious.
        assertThat(matchesAcrossKeys).isLessThan(5);
        assertThat(matchesAcrossKinds).isLessThan(5);
    }

    @Test
    void truncationGivesEveryIndexValueSeveralCoincidentalMatchesAtScale() {
        var plates = BlindIndex.forKind(BlindIndex.Kind.PLATE, key);
        int values = 1 << 16;
        Map<Integer, Integer> perIndex = new HashMap<>();
        for (int i = 0; i < values; i++) {
            perIndex.merge(plates.of("CT:P" + i), 1, Integer::sum);
        }
        double meanSharing =
                perIndex.values().stream().mapToInt(Integer::intValue).average().orElseThrow();
        // 65,536 values over 16,384 buckets: about four values per index, as docs/crypto.md argues.
        assertThat(meanSharing).isBetween(3.7, 4.5);
        assertThat(perIndex.size()).isGreaterThan(15_000);
    }
}

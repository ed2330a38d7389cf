package org.tipline.triage.tips;

import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tipline.model.crypto.SealedField;
import org.tipline.model.crypto.TipLineKeyPair;
import org.tipline.model.tip.TipAnswers;
import org.tipline.model.tip.TipAnswersCodec;
import org.tipline.triage.persistence.JdbcAccess;
import org.tipline.triage.security.IsCoordinator;
import org.tipline.triage.staff.UnlockedKeys;

/**
 * A tip's keys and sealed answers: unwraps the tip's data key with the session's tip-line key for its epoch, and opens
 * the answers with it. A data key is only lent to a caller's function, and wiped as soon as that returns.
 */
@JdbcAccess({JdbcAccess.Use.READ_MODEL})
@Component
@IsCoordinator
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class TipKeys {

    private final TipRepository tips;
    private final JdbcClient jdbc;

    /** A tip's metadata with its decrypted answers. */
    public record Decrypted(Tip tip, TipAnswers answers) {}

    /** The tip and its answers, decrypted in this session; writes nothing. */
    @Transactional(readOnly = true)
    public Decrypted decrypt(UUID tipId, UnlockedKeys keys) {
        Tip tip = tips.get(tipId);
        return new Decrypted(tip, answers(tip, keys));
    }

    TipAnswers answers(Tip tip, UnlockedKeys keys) {
        return withDataKey(tip, keys, dataKey -> decode(tip, dataKey));
    }

    /** A candidate for a link that this session cannot read (another epoch, or shredded) simply does not match. */
    TipAnswers answersOrNone(UUID tipId, UnlockedKeys keys) {
        try {
            return answers(tips.get(tipId), keys);
        } catch (KeyNotUnlockedException | TipShreddedException | TipNotFoundException e) {
            return TipAnswers.builder().build();
        }
    }

    TipAnswers decode(Tip tip, byte[] dataKey) {
        return decode(tip.id(), tip.schemaVersion(), dataKey, sealedAnswers(tip.id()));
    }

    /**
     * Answers from columns a caller already read, for reading many tips in one query; empty when this session holds no
     * key for the epoch.
     */
    static Optional<TipAnswers> answersFrom(
            UUID tipId, int schemaVersion, int epoch, byte[] wrapped, byte[] sealed, UnlockedKeys keys) {
        return keys.forEpoch(epoch)
                .map(key ->
                        withUnwrapped(key, tipId, wrapped, dataKey -> decode(tipId, schemaVersion, dataKey, sealed)));
    }

    private static TipAnswers decode(UUID tipId, int schemaVersion, byte[] dataKey, byte[] sealed) {
        return TipAnswersCodec.decode(SealedField.open(dataKey, tipId, TipAnswers.FIELD, schemaVersion, sealed));
    }

    /** Applies {@code use} to the tip's own data key, which is wiped afterwards whatever happens; keep no copy of it. */
    <T> T withDataKey(Tip tip, UnlockedKeys keys, Function<byte[], T> use) {
        record Wrapped(int epoch, byte[] key) {}
        Wrapped wrapped = jdbc.sql("SELECT epoch, wrapped FROM tip_data_key WHERE tip_id = :id")
                .param("id", tip.id())
                .query((rs, row) -> new Wrapped(rs.getInt(1), rs.getBytes(2)))
                .optional()
                .orElseThrow(() -> new TipShreddedException(tip.id()));
        TipLineKeyPair key = keys.forEpoch(wrapped.epoch()).orElseThrow(() -> new KeyNotUnlockedException(tip.id()));
        return withUnwrapped(key, tip.id(), wrapped.key(), use);
    }

    private static <T> T withUnwrapped(TipLineKeyPair key, UUID tipId, byte[] wrapped, Function<byte[], T> use) {
        byte[] dataKey = key.unwrapDataKey(tipId, wrapped);
        try {
            return use.apply(dataKey);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /** The sealed field a note is stored under, bound to the note's id. */
    static String noteField(UUID noteId) {
        return "note:" + noteId;
    }

    private byte[] sealedAnswers(UUID tipId) {
        return jdbc.sql("SELECT sealed FROM tip_content WHERE tip_id = :id AND field = :field")
                .param("id", tipId)
                .param("field", TipAnswers.FIELD)
                .query(byte[].class)
                .optional()
                .orElseThrow(() -> new TipShreddedException(tipId));
    }
}

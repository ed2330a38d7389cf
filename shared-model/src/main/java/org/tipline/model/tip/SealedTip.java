package org.tipline.model.tip;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.tipline.model.crypto.Aead;
import org.tipline.model.crypto.Bytes;
import org.tipline.model.crypto.HpkeKeyPair;
import org.tipline.model.crypto.Receipt;
import org.tipline.model.crypto.SealedField;
import org.tipline.model.crypto.TipLinePublicKey;
import org.tipline.model.guidance.UrgencyPolicy;

/**
 * A new tip ready to store: its urgency and type of place in clear (ADR 9), its answers sealed under a fresh data key, and that key wrapped to
 * the tip line's public key. The receipt is returned for the tipster; only its lookup id and the public half of the
 * tipster's receipt-derived key pair are stored.
 */
public record SealedTip(
        UUID id,
        String receipt,
        UrgencyPolicy.Assessment assessment,
        String placeType,
        int schemaVersion,
        byte[] receiptLookup,
        byte[] tipsterPublicKey,
        int epoch,
        byte[] wrappedDataKey,
        String field,
        byte[] sealedAnswers) {

    /**
     * Stores a sealed tip: three inserts in one statement, so one round trip and one implicit transaction, with
     * foreign keys checked at its end. Parameters are {@link #insertParameters()}, in order.
     */
    public static final String INSERT = """
            WITH new_tip AS (
                INSERT INTO tip (id, urgency_tier, urgency_rank, child_protection_required, place_type,
                                 schema_version, receipt_lookup, tipster_public_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ), new_key AS (
                INSERT INTO tip_data_key (tip_id, epoch, wrapped) VALUES (?, ?, ?)
            )
            INSERT INTO tip_content (tip_id, field, sealed) VALUES (?, ?, ?)
            """;

    /** The parameters of {@link #INSERT}; the type of place is null when the tipster did not choose one. */
    public List<Object> insertParameters() {
        return Arrays.asList(
                id,
                assessment.tier().id(),
                assessment.tier().rank(),
                assessment.childProtectionReferral(),
                placeType.isEmpty() ? null : placeType,
                schemaVersion,
                receiptLookup,
                tipsterPublicKey,
                id,
                epoch,
                wrappedDataKey,
                id,
                field,
                sealedAnswers);
    }

    public static SealedTip seal(TipAnswers answers, UrgencyPolicy urgency, TipLinePublicKey tipLineKey) {
        return seal(answers, urgency, tipLineKey, Receipt.generate());
    }

    /** Seals under a given receipt, e.g. one derived from the form's submission token so retries are idempotent. */
    public static SealedTip seal(
            TipAnswers answers, UrgencyPolicy urgency, TipLinePublicKey tipLineKey, String receipt) {
        if (!answers.saysSomething()) {
            throw new IllegalArgumentException("an empty tip cannot be filed");
        }
        UUID id = UUID.randomUUID();
        byte[] dataKey = Bytes.random(Aead.KEY_BYTES);
        HpkeKeyPair tipsterKeys = Receipt.tipsterKeys(receipt);
        try {
            return new SealedTip(
                    id,
                    receipt,
                    urgency.assess(answers),
                    answers.placeType(),
                    TipAnswers.SCHEMA_VERSION,
                    Receipt.lookupId(receipt),
                    tipsterKeys.publicKey(),
                    tipLineKey.epoch(),
                    tipLineKey.wrapDataKey(id, dataKey),
                    TipAnswers.FIELD,
                    SealedField.seal(
                            dataKey, id, TipAnswers.FIELD, TipAnswers.SCHEMA_VERSION, TipAnswersCodec.encode(answers)));
        } finally {
            Arrays.fill(dataKey, (byte) 0);
            tipsterKeys.wipe();
        }
    }
}

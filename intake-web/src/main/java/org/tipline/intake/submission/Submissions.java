package org.tipline.intake.submission;

import java.util.Arrays;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.tipline.model.crypto.Aead;
import org.tipline.model.crypto.Bytes;
import org.tipline.model.crypto.Receipt;
import org.tipline.model.crypto.SealedField;
import org.tipline.model.crypto.TipLinePublicKey;
import org.tipline.model.guidance.UrgencyPolicy;
import org.tipline.model.tip.TipAnswers;
import org.tipline.model.tip.TipAnswersCodec;

/**
 * Files a tip: assess urgency, seal the answers to the tip line's public key, and write everything in one SQL
 * statement, so a tip is either wholly stored or not at all, and is committed before the receipt is shown.
 */
@Service
public class Submissions {

    /** Three inserts in one statement: one round trip, one implicit transaction, foreign keys checked at its end. */
    private static final String FILE_TIP = """
            WITH new_tip AS (
                INSERT INTO tip (id, urgency_tier, urgency_rank, child_protection_required, schema_version,
                                 receipt_lookup)
                VALUES (:id, :tier, :rank, :childProtection, :schemaVersion, :receiptLookup)
            ), new_key AS (
                INSERT INTO tip_data_key (tip_id, epoch, wrapped) VALUES (:id, :epoch, :wrappedKey)
            )
            INSERT INTO tip_content (tip_id, field, sealed) VALUES (:id, :field, :sealed)
            """;

    private final JdbcClient jdbc;
    private final TipLinePublicKey tipLineKey;
    private final UrgencyPolicy urgency;

    Submissions(JdbcClient jdbc, TipLinePublicKey tipLineKey, UrgencyPolicy urgency) {
        this.jdbc = jdbc;
        this.tipLineKey = tipLineKey;
        this.urgency = urgency;
    }

    public FiledTip file(TipAnswers answers) {
        if (!answers.saysSomething()) {
            throw new IllegalArgumentException("an empty tip cannot be filed");
        }
        UUID tipId = UUID.randomUUID();
        String receipt = Receipt.generate();
        UrgencyPolicy.Assessment assessment = urgency.assess(answers);
        byte[] dataKey = Bytes.random(Aead.KEY_BYTES);
        byte[] wrappedKey;
        byte[] sealed;
        try {
            wrappedKey = tipLineKey.wrapDataKey(tipId, dataKey);
            sealed = SealedField.seal(
                    dataKey, tipId, TipAnswers.FIELD, TipAnswers.SCHEMA_VERSION, TipAnswersCodec.encode(answers));
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
        jdbc.sql(FILE_TIP)
                .param("id", tipId)
                .param("tier", assessment.tier().id())
                .param("rank", assessment.tier().rank())
                .param("childProtection", assessment.childProtectionReferral())
                .param("schemaVersion", TipAnswers.SCHEMA_VERSION)
                .param("receiptLookup", Receipt.lookupId(receipt))
                .param("epoch", tipLineKey.epoch())
                .param("wrappedKey", wrappedKey)
                .param("field", TipAnswers.FIELD)
                .param("sealed", sealed)
                .update();
        return new FiledTip(tipId, receipt, assessment);
    }

    /** What the tipster is shown once the tip is committed. The tip id is never shown to them. */
    public record FiledTip(UUID tipId, String receipt, UrgencyPolicy.Assessment assessment) {}
}

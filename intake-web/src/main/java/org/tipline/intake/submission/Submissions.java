package org.tipline.intake.submission;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.tipline.model.crypto.TipLinePublicKey;
import org.tipline.model.guidance.UrgencyPolicy;
import org.tipline.model.tip.SealedTip;
import org.tipline.model.tip.TipAnswers;

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
        SealedTip tip = SealedTip.seal(answers, urgency, tipLineKey);
        jdbc.sql(FILE_TIP)
                .param("id", tip.id())
                .param("tier", tip.assessment().tier().id())
                .param("rank", tip.assessment().tier().rank())
                .param("childProtection", tip.assessment().childProtectionReferral())
                .param("schemaVersion", tip.schemaVersion())
                .param("receiptLookup", tip.receiptLookup())
                .param("epoch", tip.epoch())
                .param("wrappedKey", tip.wrappedDataKey())
                .param("field", tip.field())
                .param("sealed", tip.sealedAnswers())
                .update();
        return new FiledTip(tip.id(), tip.receipt(), tip.assessment());
    }

    /** What the tipster is shown once the tip is committed. The tip id is never shown to them. */
    public record FiledTip(UUID tipId, String receipt, UrgencyPolicy.Assessment assessment) {}
}

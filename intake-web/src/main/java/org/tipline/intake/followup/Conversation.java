package org.tipline.intake.followup;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.tipline.model.crypto.Receipt;
import org.tipline.model.crypto.TipLinePublicKey;
import org.tipline.model.guidance.Guidance;
import org.tipline.model.tip.Messages;

/**
 * The tipster's side of the conversation about their tip. Everything is keyed by the receipt they hold: the lookup
 * id finds the tip, and the key pair derived from the receipt opens the questions sealed to them. Intake still reads
 * no table; two database functions answer for exactly one tip.
 */
@Service
public class Conversation {

    public enum Direction {
        TO_TIPSTER,
        FROM_TIPSTER
    }

    public record Message(Direction direction, LocalDate sentOn, String text) {}

    public enum Outcome {
        ADDED,
        /** The same reply (its form's message id) was stored before: sent twice, kept once. */
        ALREADY_ADDED,
        NO_SUCH_TIP,
        TOO_MANY
    }

    private final JdbcClient jdbc;
    private final TipLinePublicKey tipLineKey;
    /** Days are the deployment's days: a question sent on a local evening is dated that evening, not UTC's morrow. */
    private final ZoneId zone;

    Conversation(JdbcClient jdbc, TipLinePublicKey tipLineKey, Guidance guidance) {
        this.jdbc = jdbc;
        this.tipLineKey = tipLineKey;
        this.zone = guidance.deployment().zone();
    }

    /** The messages of the tip this receipt belongs to, oldest first. The caller has checked the receipt exists. */
    public List<Message> messages(String receipt) {
        try (var reader = Messages.readerFor(receipt)) {
            return jdbc.sql("SELECT id, direction, sent_on, for_tipster FROM tipster_messages(?, ?)")
                    .params(Receipt.lookupId(receipt), zone.getId())
                    .query((rs, n) -> new Message(
                            Direction.valueOf(rs.getString(2)),
                            rs.getObject(3, LocalDate.class),
                            reader.open(rs.getObject(1, UUID.class), rs.getBytes(4))))
                    .list();
        }
    }

    /**
     * Adds the tipster's answer or new information, sealed for staff and for the tipster, under the message id the
     * reply form was given.
     */
    public Outcome add(String receipt, UUID messageId, String text) {
        Messages.Sealed sealed = Messages.answerFromReceipt(tipLineKey, receipt, messageId, text);
        String outcome = jdbc.sql("SELECT tipster_reply(?, ?, ?, ?, ?, ?)")
                .params(
                        Receipt.lookupId(receipt),
                        sealed.id(),
                        sealed.epoch(),
                        sealed.wrappedKey(),
                        sealed.forStaff(),
                        sealed.forTipster())
                .query(String.class)
                .single();
        return Outcome.valueOf(outcome);
    }
}

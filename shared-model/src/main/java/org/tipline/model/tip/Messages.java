package org.tipline.model.tip;

import java.util.Arrays;
import java.util.UUID;
import org.tipline.model.crypto.Aead;
import org.tipline.model.crypto.Bytes;
import org.tipline.model.crypto.Hpke;
import org.tipline.model.crypto.HpkeKeyPair;
import org.tipline.model.crypto.HpkeSuite;
import org.tipline.model.crypto.Receipt;
import org.tipline.model.crypto.SealedField;
import org.tipline.model.crypto.TipLineKeyPair;
import org.tipline.model.crypto.TipLinePublicKey;

/**
 * The sealing rules for the conversation between coordinators and a tipster. Each message is sealed twice: once to
 * the tipster's receipt-derived key (so the follow-up page can show it) and once for staff. Every copy is bound to
 * its message id, so copies cannot be swapped between messages.
 */
public final class Messages {

    public static final int MAX_LENGTH = 4000;
    /** Bound into every staff copy, like a tip's schema version. */
    static final int FORMAT = 1;

    private static final String TIPSTER_INFO = "tipline/message-to-tipster-copy/v1";

    private Messages() {}

    /** A coordinator's question: the staff copy is sealed under the tip's own data key. */
    public static Sealed question(byte[] tipDataKey, UUID tipId, byte[] tipsterPublicKey, String text) {
        UUID id = UUID.randomUUID();
        byte[] plaintext = Bytes.utf8(text);
        return new Sealed(
                id,
                SealedField.seal(tipDataKey, tipId, staffField(id), FORMAT, plaintext),
                forTipster(tipsterPublicKey, id, plaintext),
                0,
                null);
    }

    public static String openQuestion(byte[] tipDataKey, UUID tipId, UUID messageId, byte[] staffCopy) {
        return new String(
                SealedField.open(tipDataKey, tipId, staffField(messageId), FORMAT, staffCopy),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * A tipster's answer, written by the public tier, which has no tip data key: the staff copy gets its own data key,
     * wrapped to the tip line's public key.
     */
    public static Sealed answer(TipLinePublicKey tipLineKey, byte[] tipsterPublicKey, String text) {
        return answer(tipLineKey, tipsterPublicKey, UUID.randomUUID(), text);
    }

    /** An answer under a message id chosen beforehand, so the same answer sent twice is recognised by its id. */
    public static Sealed answer(TipLinePublicKey tipLineKey, byte[] tipsterPublicKey, UUID id, String text) {
        byte[] plaintext = Bytes.utf8(text);
        byte[] dataKey = Bytes.random(Aead.KEY_BYTES);
        try {
            return new Sealed(
                    id,
                    SealedField.seal(dataKey, id, staffField(id), FORMAT, plaintext),
                    forTipster(tipsterPublicKey, id, plaintext),
                    tipLineKey.epoch(),
                    tipLineKey.wrapDataKey(id, dataKey));
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    public static String openAnswer(TipLineKeyPair tipLineKey, UUID messageId, byte[] wrappedKey, byte[] staffCopy) {
        byte[] dataKey = tipLineKey.unwrapDataKey(messageId, wrappedKey);
        try {
            return new String(
                    SealedField.open(dataKey, messageId, staffField(messageId), FORMAT, staffCopy),
                    java.nio.charset.StandardCharsets.UTF_8);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /**
     * The public tier's way to write a tipster's answer: it holds the receipt the tipster typed, never a key pair, and
     * the receipt-derived key is made and wiped here.
     */
    public static Sealed answerFromReceipt(TipLinePublicKey tipLineKey, String receipt, UUID id, String text) {
        HpkeKeyPair tipster = Receipt.tipsterKeys(receipt);
        try {
            return answer(tipLineKey, tipster.publicKey(), id, text);
        } finally {
            tipster.wipe();
        }
    }

    /**
     * The follow-up page's reader for one receipt: the key it derives is made once for the whole conversation and
     * wiped on close. The public tier holds the reader, never the key pair.
     */
    public static TipsterReader readerFor(String receipt) {
        return new TipsterReader(Receipt.tipsterKeys(receipt));
    }

    /** Opens the tipster's copies of one tip's messages. */
    public static final class TipsterReader implements AutoCloseable {
        private final HpkeKeyPair keys;

        private TipsterReader(HpkeKeyPair keys) {
            this.keys = keys;
        }

        public String open(UUID messageId, byte[] tipsterCopy) {
            return openForTipster(keys, messageId, tipsterCopy);
        }

        @Override
        public void close() {
            keys.wipe();
        }
    }

    /** What the follow-up page shows: the tipster's copy, opened with the key derived from their receipt. */
    public static String openForTipster(HpkeKeyPair tipsterKeys, UUID messageId, byte[] tipsterCopy) {
        return new String(
                Hpke.open(tipsterKeys, TIPSTER_INFO, TipLinePublicKey.uuidBytes(messageId), tipsterCopy),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    private static byte[] forTipster(byte[] tipsterPublicKey, UUID id, byte[] plaintext) {
        return Hpke.seal(HpkeSuite.XWING, tipsterPublicKey, TIPSTER_INFO, TipLinePublicKey.uuidBytes(id), plaintext);
    }

    private static String staffField(UUID messageId) {
        return "message:" + messageId;
    }

    /** A message ready to store; {@code epoch} and {@code wrappedKey} are set for a tipster's answer only. */
    public record Sealed(UUID id, byte[] forStaff, byte[] forTipster, int epoch, byte[] wrappedKey) {}
}

package org.tipline.model.tip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tipline.model.crypto.Aead;
import org.tipline.model.crypto.Bytes;
import org.tipline.model.crypto.CryptoException;
import org.tipline.model.crypto.HpkeKeyPair;
import org.tipline.model.crypto.HpkeSuite;
import org.tipline.model.crypto.Receipt;
import org.tipline.model.crypto.TipLineKeyPair;

class MessagesTest {

    private final TipLineKeyPair tipLine = TipLineKeyPair.generate(1, HpkeSuite.XWING);
    private final String receipt = Receipt.generate();
    private final HpkeKeyPair tipster = Receipt.tipsterKeys(receipt);
    private final UUID tipId = UUID.randomUUID();
    private final byte[] tipDataKey = Bytes.random(Aead.KEY_BYTES);

    @Test
    void aQuestionOpensForStaffWithTheTipKeyAndForTheTipsterWithTheReceipt() {
        var question = Messages.question(tipDataKey, tipId, tipster.publicKey(), "Which door did they use?");

        assertThat(Messages.openQuestion(tipDataKey, tipId, question.id(), question.forStaff()))
                .isEqualTo("Which door did they use?");
        assertThat(Messages.openForTipster(Receipt.tipsterKeys(receipt), question.id(), question.forTipster()))
                .isEqualTo("Which door did they use?");
        assertThat(question.wrappedKey()).isNull();
    }

    @Test
    void anAnswerOpensForStaffWithTheTipLineKeyAndForTheTipster() {
        var answer = Messages.answer(tipLine.publicKey(), tipster.publicKey(), "The back door, after 11");

        assertThat(answer.epoch()).isEqualTo(1);
        assertThat(Messages.openAnswer(tipLine, answer.id(), answer.wrappedKey(), answer.forStaff()))
                .isEqualTo("The back door, after 11");
        assertThat(Messages.openForTipster(tipster, answer.id(), answer.forTipster()))
                .isEqualTo("The back door, after 11");
    }

    @Test
    void copiesCannotBeMovedToAnotherMessageTipOrReader() {
        var first = Messages.question(tipDataKey, tipId, tipster.publicKey(), "one");
        var second = Messages.question(tipDataKey, tipId, tipster.publicKey(), "two");

        assertThatThrownBy(() -> Messages.openQuestion(tipDataKey, tipId, second.id(), first.forStaff()))
                .isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> Messages.openQuestion(tipDataKey, UUID.randomUUID(), first.id(), first.forStaff()))
                .isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> Messages.openForTipster(tipster, second.id(), first.forTipster()))
                .isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> Messages.openForTipster(
                        Receipt.tipsterKeys(Receipt.generate()), first.id(), first.forTipster()))
                .isInstanceOf(CryptoException.class);
    }
}

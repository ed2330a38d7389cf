package org.tipline.model.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class StaffKeyCustodyTest {

    private static final Argon2idParameters MINIMUM = new Argon2idParameters(19 * 1024, 2, 1);

    @Test
    void theRightPasswordUnlocksThePersonalKeyAndTheGrantedTipLineKey() {
        var tipLine = TipLineKeyPair.generate(1, HpkeSuite.XWING);
        var staff = StaffKeyMaterial.create("maria", "correct horse battery".toCharArray(), MINIMUM);
        byte[] grant = KeyGrant.grant(tipLine, staff.suite(), staff.publicKey());

        var personal = staff.unlock("maria", "correct horse battery".toCharArray());
        var unlocked = KeyGrant.open(personal, 1, grant);

        UUID tipId = UUID.randomUUID();
        byte[] dataKey = Bytes.random(32);
        assertThat(unlocked.unwrapDataKey(tipId, tipLine.publicKey().wrapDataKey(tipId, dataKey)))
                .isEqualTo(dataKey);
    }

    @Test
    void aWrongPasswordOrAnotherUsernameIsRefused() {
        var staff = StaffKeyMaterial.create("maria", "correct horse battery".toCharArray(), MINIMUM);

        assertThatThrownBy(() -> staff.unlock("maria", "correct horse battery!".toCharArray()))
                .isInstanceOf(WrongPasswordException.class);
        assertThatThrownBy(() -> staff.unlock("mario", "correct horse battery".toCharArray()))
                .isInstanceOf(WrongPasswordException.class);
    }

    @Test
    void aPasswordChangeKeepsTheSamePersonalKey() {
        var staff = StaffKeyMaterial.create("maria", "first password 1".toCharArray(), MINIMUM);
        var changed =
                staff.relock("maria", "first password 1".toCharArray(), "second password 2".toCharArray(), MINIMUM);

        assertThat(changed.unlock("maria", "second password 2".toCharArray()))
                .isEqualTo(staff.unlock("maria", "first password 1".toCharArray()));
        assertThatThrownBy(() -> changed.unlock("maria", "first password 1".toCharArray()))
                .isInstanceOf(WrongPasswordException.class);
    }

    @Test
    void aGrantOpensOnlyForItsEpochAndItsRecipient() {
        var tipLine = TipLineKeyPair.generate(4, HpkeSuite.XWING);
        var recipient = HpkeSuite.XWING.generateKeyPair();
        var other = HpkeSuite.XWING.generateKeyPair();
        byte[] grant = KeyGrant.grant(tipLine, recipient.suite(), recipient.publicKey());

        assertThatThrownBy(() -> KeyGrant.open(recipient, 5, grant)).isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> KeyGrant.open(other, 4, grant)).isInstanceOf(CryptoException.class);
        assertThat(KeyGrant.open(recipient, 4, grant).keys()).isEqualTo(tipLine.keys());
    }

    @Test
    void parametersBelowTheOwaspMinimumAreRejected() {
        assertThatThrownBy(() -> new Argon2idParameters(16 * 1024, 2, 1)).isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> new Argon2idParameters(19 * 1024, 1, 1)).isInstanceOf(CryptoException.class);
    }
}

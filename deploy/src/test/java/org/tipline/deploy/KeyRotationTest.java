package org.tipline.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tipline.jdbc.provisioning.Provisioning;
import org.tipline.model.crypto.Argon2idParameters;
import org.tipline.model.crypto.HpkeSuite;
import org.tipline.model.crypto.Receipt;
import org.tipline.model.crypto.SealedField;
import org.tipline.model.crypto.TipLineKeyPair;
import org.tipline.model.guidance.GuidanceLoader;
import org.tipline.model.tip.Attachments;
import org.tipline.model.tip.Messages;
import org.tipline.model.tip.SealedTip;
import org.tipline.model.tip.TipAnswers;
import org.tipline.model.tip.TipAnswersCodec;
import org.tipline.testsupport.TestDatabase;

/** Rotation against real PostgreSQL: data keys move to the new epoch, content is never re-encrypted. */
class KeyRotationTest {

    private static final Argon2idParameters FAST = new Argon2idParameters(19 * 1024, 2, 1);
    private static final char[] PASSWORD = "rotation test passphrase".toCharArray();

    private final TestDatabase database = TestDatabase.migrated();

    @Test
    void aNewEpochTakesOverEveryTipWithoutTouchingItsContent() throws Exception {
        try (Connection owner = database.connectAsOwner()) {
            TipLineKeyPair first = firstEpochWithCoordinator(owner, HpkeSuite.XWING, "casey", "Casey");
            List<UUID> tips = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                tips.add(file(owner, first, "tip number " + i));
            }
            Map<UUID, byte[]> contentBefore = content(owner);

            TipLineKeyPair second = KeyRotation.begin(owner, first, HpkeSuite.XWING);
            assertThat(second.epoch()).isEqualTo(2);
            assertThat(Provisioning.unlockGrants(owner, "casey", PASSWORD)).containsOnlyKeys(1, 2);

            assertThat(KeyRotation.rewrap(owner, first, second, 3)).isEqualTo(7);
            assertThat(KeyRotation.rewrap(owner, first, second, 3)).isZero();

            assertThat(content(owner)).usingRecursiveComparison().isEqualTo(contentBefore);
            for (int i = 0; i < tips.size(); i++) {
                assertThat(open(owner, second, tips.get(i)).details()).isEqualTo("tip number " + i);
            }

            KeyRotation.retire(owner, 1);
            assertThat(Provisioning.unlockGrants(owner, "casey", PASSWORD)).containsOnlyKeys(2);
            try (var rs = owner.createStatement()
                    .executeQuery("SELECT retired_at IS NOT NULL FROM tip_line_key WHERE epoch = 1")) {
                rs.next();
                assertThat(rs.getBoolean(1)).isTrue();
            }
        }
    }

    @Test
    void anEpochStillProtectingATipCannotBeRetired() throws Exception {
        try (Connection owner = database.connectAsOwner()) {
            TipLineKeyPair first = firstEpochWithCoordinator(owner, HpkeSuite.X25519, "sam", "Sam");
            TipLineKeyPair second = KeyRotation.begin(owner, first, HpkeSuite.XWING);
            KeyRotation.rewrap(owner, first, second, 100);
            // Filed by an intake replica that still has the old public key configured.
            UUID late = file(owner, first, "filed during rotation");
            UUID answer = answer(owner, late, first, "added during rotation");
            byte[] photo = org.tipline.model.crypto.Bytes.random(70_000);
            UUID file = attach(owner, late, first, photo);

            assertThatThrownBy(() -> KeyRotation.retire(owner, 1))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("3 tips, messages or files still depend on epoch 1");
            assertThat(Provisioning.unlockGrants(owner, "sam", PASSWORD)).containsKey(1);

            assertThat(KeyRotation.rewrap(owner, first, second, 100)).isEqualTo(3);
            KeyRotation.retire(owner, 1);
            assertThat(open(owner, second, late).details()).isEqualTo("filed during rotation");
            assertThat(openAnswer(owner, second, answer)).isEqualTo("added during rotation");
            try (var select =
                    owner.prepareStatement("SELECT epoch, wrapped_key, sealed FROM tip_attachment WHERE id = ?")) {
                select.setObject(1, file);
                try (var rs = select.executeQuery()) {
                    rs.next();
                    assertThat(rs.getInt(1)).isEqualTo(2);
                    assertThat(Attachments.open(second, file, rs.getBytes(2), rs.getBytes(3)))
                            .isEqualTo(photo);
                }
            }
        }
    }

    /** Epoch 1 of {@code suite}, granted to a new coordinator who signs in with {@link #PASSWORD}. */
    private static TipLineKeyPair firstEpochWithCoordinator(
            Connection owner, HpkeSuite suite, String login, String name) throws Exception {
        TipLineKeyPair first = Provisioning.createEpoch(owner, 1, suite);
        UUID staff = Provisioning.createStaff(owner, login, name, PASSWORD, Set.of("COORDINATOR"), FAST);
        Provisioning.grant(owner, staff, first);
        return first;
    }

    private static UUID file(Connection owner, TipLineKeyPair key, String details) throws SQLException {
        SealedTip tip = SealedTip.seal(
                TipAnswers.builder().location("somewhere").details(details).build(),
                GuidanceLoader.fromClasspath().urgency(),
                key.publicKey());
        TestDatabase.update(owner, SealedTip.INSERT, tip.insertParameters());
        return tip.id();
    }

    /** A tipster's added information, stored as the follow-up page stores it, under the given epoch. */
    private static UUID answer(Connection owner, UUID tipId, TipLineKeyPair key, String text) throws SQLException {
        var sealed = Messages.answer(
                key.publicKey(), Receipt.tipsterKeys(Receipt.generate()).publicKey(), text);
        try (var insert = owner.prepareStatement("INSERT INTO tip_message (id, tip_id, direction, for_staff, "
                + "for_tipster, epoch, wrapped_key) VALUES (?, ?, 'FROM_TIPSTER', ?, ?, ?, ?)")) {
            insert.setObject(1, sealed.id());
            insert.setObject(2, tipId);
            insert.setBytes(3, sealed.forStaff());
            insert.setBytes(4, sealed.forTipster());
            insert.setInt(5, sealed.epoch());
            insert.setBytes(6, sealed.wrappedKey());
            insert.executeUpdate();
        }
        return sealed.id();
    }

    private static UUID attach(Connection owner, UUID tipId, TipLineKeyPair key, byte[] content) throws Exception {
        var sealed = Attachments.seal(key.publicKey(), content);
        try (var insert = owner.prepareStatement("INSERT INTO tip_attachment (id, tip_id, media_type, size_bytes, "
                + "epoch, wrapped_key, sealed) VALUES (?, ?, 'image/png', ?, ?, ?, ?)")) {
            insert.setObject(1, sealed.id());
            insert.setObject(2, tipId);
            insert.setInt(3, content.length);
            insert.setInt(4, sealed.epoch());
            insert.setBytes(5, sealed.wrappedKey());
            insert.setBinaryStream(6, sealed.content(), sealed.sealedLength());
            insert.executeUpdate();
        }
        return sealed.id();
    }

    private static String openAnswer(Connection owner, TipLineKeyPair key, UUID messageId) throws SQLException {
        try (var select =
                owner.prepareStatement("SELECT epoch, wrapped_key, for_staff FROM tip_message WHERE id = ?")) {
            select.setObject(1, messageId);
            try (var rs = select.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(key.epoch());
                return Messages.openAnswer(key, messageId, rs.getBytes(2), rs.getBytes(3));
            }
        }
    }

    private static TipAnswers open(Connection owner, TipLineKeyPair key, UUID tipId) throws SQLException {
        try (var select = owner.prepareStatement("SELECT k.epoch, k.wrapped, c.sealed FROM tip_data_key k "
                + "JOIN tip_content c ON c.tip_id = k.tip_id WHERE k.tip_id = ?")) {
            select.setObject(1, tipId);
            try (var rs = select.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(key.epoch());
                byte[] dataKey = key.unwrapDataKey(tipId, rs.getBytes(2));
                return TipAnswersCodec.decode(
                        SealedField.open(dataKey, tipId, TipAnswers.FIELD, TipAnswers.SCHEMA_VERSION, rs.getBytes(3)));
            }
        }
    }

    private static Map<UUID, byte[]> content(Connection owner) throws SQLException {
        Map<UUID, byte[]> content = new HashMap<>();
        try (var rs = owner.createStatement().executeQuery("SELECT tip_id, sealed FROM tip_content")) {
            while (rs.next()) {
                content.put(rs.getObject(1, UUID.class), rs.getBytes(2));
            }
        }
        return content;
    }
}

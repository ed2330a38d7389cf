package org.tipline.triage.staff;

import java.util.List;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tipline.model.crypto.HpkeSuite;
import org.tipline.model.crypto.KeyGrant;
import org.tipline.model.crypto.TipLineKeyPair;
import org.tipline.triage.audit.AuditTrail;
import org.tipline.triage.security.IsCoordinator;

/**
 * The key-grant flow for new staff: a coordinator who holds a tip-line key (unlocked in their session) seals it to a
 * colleague's personal public key. Nobody else can: administrators create accounts but hold no key unless they are
 * also coordinators.
 */
@Service
@IsCoordinator
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class KeyGrants {

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    /** A coordinator who lacks a key this session holds. */
    public record Waiting(UUID staffId, String username, String displayName, int epoch) {}

    public List<Waiting> waiting(UnlockedKeys mine) {
        return jdbc
                .sql("""
                        SELECT s.id, s.username, s.display_name, k.epoch
                        FROM staff s JOIN staff_role r ON r.staff_id = s.id AND r.role = 'COORDINATOR'
                        CROSS JOIN tip_line_key k
                        WHERE s.enabled AND k.retired_at IS NULL
                          AND NOT EXISTS (SELECT 1 FROM key_grant g WHERE g.staff_id = s.id AND g.epoch = k.epoch)
                        ORDER BY s.username, k.epoch
                        """)
                .query((rs, n) ->
                        new Waiting(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4)))
                .list()
                .stream()
                .filter(w -> mine.forEpoch(w.epoch()).isPresent())
                .toList();
    }

    @Transactional
    public void grant(UUID staffId, int epoch, UnlockedKeys mine, StaffPrincipal granter) {
        TipLineKeyPair key = mine.forEpoch(epoch)
                .orElseThrow(() -> new IllegalStateException("this session holds no key for epoch " + epoch));
        record Recipient(int kemId, byte[] publicKey) {}
        Recipient recipient = jdbc.sql("""
                        SELECT s.kem_id, s.public_key FROM staff s JOIN staff_role r ON r.staff_id = s.id
                        WHERE s.id = :id AND s.enabled AND r.role = 'COORDINATOR'
                        """)
                .param("id", staffId)
                .query((rs, n) -> new Recipient(rs.getInt(1), rs.getBytes(2)))
                .optional()
                .orElseThrow(() -> new IllegalStateException("not an enabled coordinator"));
        jdbc.sql("INSERT INTO key_grant (staff_id, epoch, sealed_key) VALUES (:id, :epoch, :sealed) "
                        + "ON CONFLICT DO NOTHING")
                .param("id", staffId)
                .param("epoch", epoch)
                .param("sealed", KeyGrant.grant(key, HpkeSuite.ofKemId(recipient.kemId()), recipient.publicKey()))
                .update();
        audit.append(granter.username(), "KEY_GRANTED", null, "staff=" + staffId + " epoch=" + epoch);
    }
}

package org.tipline.intake;

import java.sql.SQLException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.tipline.model.crypto.HpkeSuite;
import org.tipline.model.crypto.TipLineKeyPair;
import org.tipline.testsupport.TestDatabase;

/** A migrated database with one tip-line key epoch, and intake configured to connect as its own role. */
final class IntakeTestDatabase {

    static final TestDatabase DATABASE = TestDatabase.migrated();
    static final TipLineKeyPair TIP_LINE_KEY = TipLineKeyPair.generate(1, HpkeSuite.XWING);

    static {
        try (var owner = DATABASE.connectAsOwner();
                var insert = owner.prepareStatement(
                        "INSERT INTO tip_line_key (epoch, kem_id, public_key) VALUES (?, ?, ?)")) {
            insert.setInt(1, TIP_LINE_KEY.epoch());
            insert.setInt(2, TIP_LINE_KEY.keys().suite().kemId());
            insert.setBytes(3, TIP_LINE_KEY.keys().publicKey());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private IntakeTestDatabase() {}

    static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DATABASE::jdbcUrl);
        registry.add("spring.datasource.username", () -> TestDatabase.INTAKE_ROLE);
        registry.add("spring.datasource.password", DATABASE::rolePassword);
        registry.add("tipline.intake.public-key", () -> TIP_LINE_KEY.publicKey().encode());
        // Every test class's context and pool stay alive for the run: small pools that let idle connections go.
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "4");
        registry.add("spring.datasource.hikari.minimum-idle", () -> "0");
        registry.add("spring.datasource.hikari.idle-timeout", () -> "10000");
        // Most tests send tips from HtmlUnit or plain HTTP, without JavaScript: an unbounded slow lane with no wait.
        // ProofOfWorkIntegrationTest and the browser tests set the real limits.
        registry.add("tipline.intake.proof-of-work.slow-lane-per-minute", () -> "1000000");
        registry.add("tipline.intake.proof-of-work.slow-lane-wait", () -> "0s");
    }
}

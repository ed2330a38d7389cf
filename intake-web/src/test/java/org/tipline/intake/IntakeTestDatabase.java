package org.tipline.intake;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
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
        properties().forEach((name, value) -> registry.add(name, () -> value));
    }

    /** The settings that point intake at the test database, for tests that start the application themselves. */
    static Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", DATABASE.jdbcUrl());
        properties.put("spring.datasource.username", TestDatabase.INTAKE_ROLE);
        properties.put("spring.datasource.password", DATABASE.rolePassword());
        properties.put("tipline.intake.public-key", TIP_LINE_KEY.publicKey().encode());
        // Every test class's context and pool stay alive for the run: small pools that let idle connections go.
        properties.put("spring.datasource.hikari.maximum-pool-size", "4");
        properties.put("spring.datasource.hikari.minimum-idle", "0");
        properties.put("spring.datasource.hikari.idle-timeout", "10000");
        // Most tests post tips straight from plain HTTP, without the review page's pass: no proof of work asked.
        // ProofOfWorkIntegrationTest, ReceiptFixationIntegrationTest and the browser tests switch it on.
        properties.put("tipline.intake.proof-of-work.enabled", "false");
        return properties;
    }
}

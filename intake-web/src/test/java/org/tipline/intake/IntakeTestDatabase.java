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

    /** Where the browser tests' quick exit goes: a page that loads without a network. */
    static final String NEUTRAL_SITE = "about:blank";

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

    /** How many tips the database holds, read as its owner. */
    static long tipCount() throws SQLException {
        try (var owner = DATABASE.connectAsOwner();
                var rs = owner.createStatement().executeQuery("SELECT count(*) FROM tip")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void register(DynamicPropertyRegistry registry) {
        properties().forEach((name, value) -> registry.add(name, () -> value));
    }

    /**
     * For the tests in Chromium: the quick exit to {@link #NEUTRAL_SITE}, and proof of work on with a slow-lane wait
     * longer than any test, so that with JavaScript on a tip lands only if the browser's proof of work is right.
     */
    static void registerForChromium(DynamicPropertyRegistry registry) {
        register(registry);
        registry.add("tipline.intake.quick-exit-url", () -> NEUTRAL_SITE);
        registry.add("tipline.intake.proof-of-work.enabled", () -> "true");
        registry.add("tipline.intake.proof-of-work.difficulty", () -> "3");
        registry.add("tipline.intake.proof-of-work.slow-lane-wait", () -> "50s");
        registry.add("tipline.intake.proof-of-work.slow-lane-max-wait", () -> "50s");
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

package org.tipline.triage;

import java.sql.SQLException;
import java.util.Set;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.tipline.model.crypto.Argon2idParameters;
import org.tipline.model.crypto.HpkeSuite;
import org.tipline.model.crypto.TipLineKeyPair;
import org.tipline.model.crypto.TipLinePublicKey;
import org.tipline.model.guidance.GuidanceLoader;
import org.tipline.model.provisioning.Provisioning;
import org.tipline.model.tip.SealedTip;
import org.tipline.model.tip.TipAnswers;
import org.tipline.testsupport.TestDatabase;

/**
 * An empty database that triage-service migrates itself, then staff and a key epoch provisioned as the launcher
 * does, and tips written as the intake role writes them.
 */
final class TriageTestSetup {

    static final String PASSWORD = "a long test passphrase";

    final TestDatabase database = TestDatabase.empty();
    private TipLinePublicKey publicKey;

    void register(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", database::jdbcUrl);
        registry.add("spring.datasource.username", () -> TestDatabase.TRIAGE_ROLE);
        registry.add("spring.datasource.password", database::rolePassword);
        registry.add("spring.flyway.url", database::jdbcUrl);
        registry.add("spring.flyway.user", database::ownerUser);
        registry.add("spring.flyway.password", database::ownerPassword);
        // HtmlUnit talks plain HTTP to the test server; production keeps Secure cookies.
        registry.add("server.servlet.session.cookie.secure", () -> "false");
    }

    /** Runs once the application has migrated the schema. */
    synchronized void provisionOnce() throws SQLException {
        if (publicKey != null) {
            return;
        }
        try (var owner = database.connectAsOwner()) {
            TipLineKeyPair key = Provisioning.createEpoch(owner, 1, HpkeSuite.XWING);
            var parameters = Argon2idParameters.STAFF_PASSWORD;
            UUID coordinator = Provisioning.createStaff(
                    owner, "casey", "Casey Coordinator", PASSWORD.toCharArray(), Set.of("COORDINATOR"), parameters);
            Provisioning.createStaff(
                    owner, "sam", "Sam Supervisor", PASSWORD.toCharArray(), Set.of("SUPERVISOR"), parameters);
            Provisioning.createStaff(owner, "ada", "Ada Admin", PASSWORD.toCharArray(), Set.of("ADMIN"), parameters);
            Provisioning.grant(owner, coordinator, key);
            publicKey = key.publicKey();
            key.wipe();
        }
    }

    /** Files a tip exactly as intake-web does, connected as the intake role. */
    UUID fileTip(TipAnswers answers) throws SQLException {
        SealedTip tip = SealedTip.seal(answers, GuidanceLoader.fromClasspath().urgency(), publicKey);
        try (var intake = database.connectAs(TestDatabase.INTAKE_ROLE);
                var insert = intake.prepareStatement("""
                        WITH new_tip AS (
                            INSERT INTO tip (id, urgency_tier, urgency_rank, child_protection_required,
                                             schema_version, receipt_lookup)
                            VALUES (?, ?, ?, ?, ?, ?)
                        ), new_key AS (
                            INSERT INTO tip_data_key (tip_id, epoch, wrapped) VALUES (?, ?, ?)
                        )
                        INSERT INTO tip_content (tip_id, field, sealed) VALUES (?, ?, ?)
                        """)) {
            insert.setObject(1, tip.id());
            insert.setString(2, tip.assessment().tier().id());
            insert.setInt(3, tip.assessment().tier().rank());
            insert.setBoolean(4, tip.assessment().childProtectionReferral());
            insert.setInt(5, tip.schemaVersion());
            insert.setBytes(6, tip.receiptLookup());
            insert.setObject(7, tip.id());
            insert.setInt(8, tip.epoch());
            insert.setBytes(9, tip.wrappedDataKey());
            insert.setObject(10, tip.id());
            insert.setString(11, tip.field());
            insert.setBytes(12, tip.sealedAnswers());
            insert.executeUpdate();
        }
        return tip.id();
    }
}

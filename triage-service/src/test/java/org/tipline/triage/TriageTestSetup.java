package org.tipline.triage;

import java.sql.SQLException;
import java.util.List;
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
                var insert = intake.prepareStatement(SealedTip.INSERT)) {
            List<Object> parameters = tip.insertParameters();
            for (int i = 0; i < parameters.size(); i++) {
                insert.setObject(i + 1, parameters.get(i));
            }
            insert.executeUpdate();
        }
        return tip.id();
    }
}

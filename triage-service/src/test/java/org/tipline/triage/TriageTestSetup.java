package org.tipline.triage;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.tipline.model.crypto.Argon2idParameters;
import org.tipline.model.crypto.HpkeSuite;
import org.tipline.model.crypto.TipLineKeyPair;
import org.tipline.model.crypto.Totp;
import org.tipline.model.guidance.GuidanceLoader;
import org.tipline.model.provisioning.Provisioning;
import org.tipline.model.tip.SealedTip;
import org.tipline.model.tip.TipAnswers;
import org.tipline.testsupport.Browsers;
import org.tipline.testsupport.TestDatabase;

/**
 * An empty database that triage-service migrates itself, then a key epoch and staff provisioned as the launcher
 * does, and tips written as the intake role writes them. Each test makes its own staff accounts, so one-time codes
 * and sign-in throttling in one test never affect another.
 */
final class TriageTestSetup {

    static final String PASSWORD = "a long test passphrase";
    /** Cheap Argon2id for test accounts; the parameters travel inside each locked key, so sign-in honours them. */
    private static final Argon2idParameters FAST = new Argon2idParameters(19 * 1024, 2, 1);

    private static final AtomicInteger NEXT_ACCOUNT = new AtomicInteger();

    final TestDatabase database = TestDatabase.empty();
    private TipLineKeyPair epoch;

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
        if (epoch != null) {
            return;
        }
        try (var owner = database.connectAsOwner()) {
            epoch = Provisioning.createEpoch(owner, 1, HpkeSuite.XWING);
        }
    }

    /** A ready account: its own password chosen, TOTP enrolled, and coordinators granted the tip-line key. */
    StaffAccount staff(String... roles) throws SQLException {
        StaffAccount account = newAccount(roles);
        byte[] secret = Totp.newSecret();
        try (var owner = database.connectAsOwner()) {
            Provisioning.enrolTotp(owner, account.id(), secret);
            Provisioning.passwordChosen(owner, account.id());
        }
        return account.withSecret(secret);
    }

    /** An account as an administrator creates it: a temporary password and no second factor yet. */
    StaffAccount newAccount(String... roles) throws SQLException {
        String username =
                String.join("-", roles).toLowerCase(java.util.Locale.ROOT) + "-" + NEXT_ACCOUNT.incrementAndGet();
        try (var owner = database.connectAsOwner()) {
            UUID id = Provisioning.createStaff(
                    owner, username, "Test " + username, PASSWORD.toCharArray(), Set.of(roles), FAST);
            if (Set.of(roles).contains("COORDINATOR")) {
                Provisioning.grant(owner, id, epoch);
            }
            return new StaffAccount(id, username, null);
        }
    }

    /** Files a tip exactly as intake-web does, connected as the intake role. */
    UUID fileTip(TipAnswers answers) throws SQLException {
        SealedTip tip = SealedTip.seal(answers, GuidanceLoader.fromClasspath().urgency(), epoch.publicKey());
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

    /** A test staff account and the one-time codes its authenticator app would show. */
    static final class StaffAccount {
        private final UUID id;
        private final String username;
        private byte[] secret;
        private long lastStep = Long.MIN_VALUE;

        StaffAccount(UUID id, String username, byte[] secret) {
            this.id = id;
            this.username = username;
            this.secret = secret;
        }

        StaffAccount withSecret(byte[] enrolled) {
            this.secret = enrolled;
            return this;
        }

        UUID id() {
            return id;
        }

        String username() {
            return username;
        }

        byte[] secret() {
            return secret;
        }

        /** A code not used before: the current step, or the next one when the current one is spent. */
        synchronized String nextCode() {
            long step = Math.max(Totp.step(Instant.now()), lastStep + 1);
            if (step > Totp.step(Instant.now()) + 1) {
                throw new IllegalStateException("more sign-ins than the drift window allows for " + username);
            }
            lastStep = step;
            return Totp.code(secret, step, Totp.DIGITS);
        }

        /** Signs in with password and code, as a person would, and returns the page they land on. */
        HtmlPage signIn(WebClient client, String baseUrl) throws Exception {
            HtmlPage login = client.getPage(baseUrl + "/login");
            login.<org.htmlunit.html.HtmlTextInput>getHtmlElementById("username")
                    .type(username);
            login.<org.htmlunit.html.HtmlPasswordInput>getHtmlElementById("password")
                    .type(PASSWORD);
            HtmlPage codePage = Browsers.submit(login, "login-form");
            codePage.<org.htmlunit.html.HtmlTextInput>getHtmlElementById("code").type(nextCode());
            return Browsers.submit(codePage, "code-form");
        }
    }
}

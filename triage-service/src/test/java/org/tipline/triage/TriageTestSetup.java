package org.tipline.triage;

import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.tipline.jdbc.provisioning.Provisioning;
import org.tipline.model.crypto.Argon2idParameters;
import org.tipline.model.crypto.HpkeSuite;
import org.tipline.model.crypto.Receipt;
import org.tipline.model.crypto.SealedField;
import org.tipline.model.crypto.TipLineKeyPair;
import org.tipline.model.crypto.Totp;
import org.tipline.model.guidance.GuidanceLoader;
import org.tipline.model.tip.Attachments;
import org.tipline.model.tip.Messages;
import org.tipline.model.tip.SealedTip;
import org.tipline.model.tip.TipAnswers;
import org.tipline.model.tip.TipAnswersCodec;
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
        properties().forEach((name, value) -> registry.add(name, () -> value));
    }

    /** The application properties that point triage at this database, for tests that start it themselves. */
    Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", database.jdbcUrl());
        properties.put("spring.datasource.username", TestDatabase.TRIAGE_ROLE);
        properties.put("spring.datasource.password", database.rolePassword());
        // Spring keeps every test class's context, and each its pool, alive for the whole run: keep them small and
        // let idle connections go, or the server runs out of connection slots.
        properties.put("spring.datasource.hikari.maximum-pool-size", "4");
        properties.put("spring.datasource.hikari.minimum-idle", "0");
        properties.put("spring.datasource.hikari.idle-timeout", "10000");
        properties.put("spring.flyway.url", database.jdbcUrl());
        properties.put("spring.flyway.user", database.ownerUser());
        properties.put("spring.flyway.password", database.ownerPassword());
        // HtmlUnit talks plain HTTP to the test server; production keeps Secure cookies.
        properties.put("server.servlet.session.cookie.secure", "false");
        return properties;
    }

    /** The tip-line key of the test epoch, for tests that compute what only a staff session can. */
    TipLineKeyPair tipLineKey() {
        return epoch;
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

    /** A web tip about a hotel or motel in Norwalk, a place type the console shows in words ("Hotel or motel"). */
    static TipAnswers atAMotel(String location, String details) {
        return TipAnswers.builder()
                .location(location)
                .placeType("hotel-motel")
                .details(details)
                .city("Norwalk")
                .build();
    }

    /** Files a tip exactly as intake-web does, connected as the intake role. */
    UUID fileTip(TipAnswers answers) throws SQLException {
        return fileSealedTip(answers).id();
    }

    /** Files a tip and returns it sealed, receipt included, for tests that play the tipster afterwards. */
    SealedTip fileSealedTip(TipAnswers answers) throws SQLException {
        SealedTip tip = SealedTip.seal(answers, GuidanceLoader.fromClasspath().urgency(), epoch.publicKey());
        try (var intake = database.connectAs(TestDatabase.INTAKE_ROLE)) {
            TestDatabase.update(intake, SealedTip.INSERT, tip.insertParameters());
        }
        return tip;
    }

    /** A tip's answers as stored: sealed under its data key, opened here with the tip-line key. */
    TipAnswers answersOf(UUID tipId) throws SQLException {
        try (var owner = database.connectAsOwner();
                var query = owner.prepareStatement("""
                        SELECT k.wrapped, c.sealed, t.schema_version FROM tip t
                        JOIN tip_data_key k ON k.tip_id = t.id JOIN tip_content c ON c.tip_id = t.id
                        WHERE t.id = ? AND c.field = ?""")) {
            query.setObject(1, tipId);
            query.setString(2, TipAnswers.FIELD);
            try (var rs = query.executeQuery()) {
                rs.next();
                byte[] dataKey = epoch.unwrapDataKey(tipId, rs.getBytes(1));
                return TipAnswersCodec.decode(
                        SealedField.open(dataKey, tipId, TipAnswers.FIELD, rs.getInt(3), rs.getBytes(2)));
            }
        }
    }

    /** The tipster adds information through the follow-up page's database function, as the intake role. */
    String tipsterReplies(String receipt, String text) throws SQLException {
        var sealed =
                Messages.answer(epoch.publicKey(), Receipt.tipsterKeys(receipt).publicKey(), text);
        try (var intake = database.connectAs(TestDatabase.INTAKE_ROLE);
                var call = intake.prepareStatement("SELECT tipster_reply(?, ?, ?, ?, ?, ?)")) {
            call.setBytes(1, Receipt.lookupId(receipt));
            call.setObject(2, sealed.id());
            call.setInt(3, sealed.epoch());
            call.setBytes(4, sealed.wrappedKey());
            call.setBytes(5, sealed.forStaff());
            call.setBytes(6, sealed.forTipster());
            try (var rs = call.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** The tipster adds a file through the follow-up page's database function, as the intake role. */
    String tipsterAttaches(String receipt, String mediaType, byte[] content) throws SQLException {
        var sealed = Attachments.seal(epoch.publicKey(), content);
        try (var intake = database.connectAs(TestDatabase.INTAKE_ROLE);
                var call = intake.prepareStatement("SELECT tipster_attach(?, ?, ?, ?, ?, ?, ?)")) {
            call.setBytes(1, Receipt.lookupId(receipt));
            call.setObject(2, sealed.id());
            call.setString(3, mediaType);
            call.setInt(4, content.length);
            call.setInt(5, sealed.epoch());
            call.setBytes(6, sealed.wrappedKey());
            call.setBinaryStream(7, sealed.content(), sealed.sealedLength());
            try (var rs = call.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** What the follow-up page would show the tipster: every message of their tip, opened with the receipt. */
    List<String> tipsterSees(String receipt) throws SQLException {
        var keys = Receipt.tipsterKeys(receipt);
        List<String> seen = new java.util.ArrayList<>();
        try (var intake = database.connectAs(TestDatabase.INTAKE_ROLE);
                var call =
                        intake.prepareStatement("SELECT id, direction, for_tipster FROM tipster_messages(?, 'UTC')")) {
            call.setBytes(1, Receipt.lookupId(receipt));
            try (var rs = call.executeQuery()) {
                while (rs.next()) {
                    seen.add(rs.getString(2) + ": "
                            + Messages.openForTipster(keys, rs.getObject(1, UUID.class), rs.getBytes(3)));
                }
            }
        }
        return seen;
    }

    /** Runs a statement as the database owner, for arranging what the console cannot. */
    void execute(String sql) throws SQLException {
        try (var owner = database.connectAsOwner()) {
            owner.createStatement().executeUpdate(sql);
        }
    }

    /** The first column of the first row a query returns, read as the database owner; null when there is none. */
    String text(String sql, Object... parameters) throws SQLException {
        try (var owner = database.connectAsOwner();
                var query = owner.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (var rs = query.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** A number a query returns, read as the database owner; 0 when it returns no row. */
    int count(String sql, Object... parameters) throws SQLException {
        String text = text(sql, parameters);
        return text == null ? 0 : Integer.parseInt(text);
    }

    /** Presses the sign-out button of a console page. */
    static void signOut(HtmlPage page) throws Exception {
        page.getForms().stream()
                .filter(f -> f.getActionAttribute().endsWith("/logout"))
                .findFirst()
                .orElseThrow()
                .getOneHtmlElementByAttribute("button", "type", "submit")
                .click();
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

package org.tipline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlCheckBoxInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTextArea;
import org.htmlunit.html.HtmlTextInput;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.tipline.jdbc.audit.AuditVerifier;
import org.tipline.model.audit.AuditChain;
import org.tipline.model.audit.AuditEntry;
import org.tipline.model.crypto.Totp;
import org.tipline.testsupport.Browsers;
import org.tipline.testsupport.Ports;
import org.tipline.testsupport.TestDatabase;

/**
 * The walking skeleton end to end, as an operator runs it: the packaged launcher starts both apps against real
 * PostgreSQL; a tip goes in through the public form and comes out decrypted in a coordinator's queue, is forwarded,
 * and every step is in the audit chain. Then the database, its dump and the logs are searched for the tip's words.
 * A tip taken by phone in the console is then followed up by its caller on the public page with the receipt read out
 * to them, and their answer reaches the console; their callback number is nowhere at rest or in the logs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WalkingSkeletonIT {

    /** Words that appear only in the tip, so finding one anywhere at rest means plaintext leaked. */
    private static final List<String> MARKERS =
            List.of("Quillfeather", "Zanzibarine", "Marmaduke-Vex", "ZX9-QW7", "Obsidianlane");

    /** Words and the callback number of the phone tip, likewise. */
    private static final List<String> CALL_MARKERS = List.of("Pellucidar", "Thornquist", "555-0173", "5550173");

    private static final Map<String, String> DIGIT_WORDS = Map.of(
            "Zero", "0", "One", "1", "Two", "2", "Three", "3", "Four", "4", "Five", "5", "Six", "6", "Seven", "7",
            "Eight", "8", "Nine", "9");

    /** The last TOTP step used to sign in: each code is accepted once, so the next sign-in uses a later step. */
    private static long lastTotpStep;

    @TempDir
    static Path dataDirectory;

    private static final TestDatabase DATABASE = TestDatabase.empty();
    private static Process launcher;
    private static int intakePort;
    private static int triagePort;

    @BeforeAll
    static void startLauncher() throws Exception {
        intakePort = Ports.free();
        triagePort = Ports.free();
        launcher =
                TestProcesses.startLauncher(TestProcesses.launcherOn(DATABASE, dataDirectory, intakePort, triagePort));
        TestProcesses.awaitLine(launcher, "Tipline is running", Duration.ofSeconds(180));
    }

    @AfterAll
    static void stopLauncher() throws InterruptedException {
        if (launcher != null) {
            launcher.destroy();
            assertThat(launcher.waitFor(60, TimeUnit.SECONDS))
                    .as("launcher stops on SIGTERM")
                    .isTrue();
            assertThat(portOpen(intakePort) || portOpen(triagePort))
                    .as("apps stopped")
                    .isFalse();
        }
    }

    @Test
    @Order(1)
    void aTipTravelsFromTheFormToAForwardAndLeavesNoPlaintextAtRest() throws Exception {
        String receipt = fileTip();
        assertThat(receipt).matches("([0-9A-Z]{4}-){4}[0-9A-Z]{4}");

        Path accounts = dataDirectory.resolve("demo-accounts.txt");
        assertThat(Files.getPosixFilePermissions(accounts))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

        try (var browser = Browsers.withoutJavaScript()) {
            HtmlPage queue = signInAsCoordinator(browser);

            var tipLinks = queue.getAnchors().stream()
                    .filter(a -> a.getHrefAttribute().startsWith("/tips/"))
                    .toList();
            assertThat(tipLinks).hasSize(1);
            UUID tipId = UUID.fromString(tipLinks.get(0).getHrefAttribute().substring("/tips/".length()));

            HtmlPage tip = tipLinks.get(0).click();
            assertThat(tip.getHtmlElementById("answer-location").getTextContent())
                    .isEqualTo("Quillfeather Spa, 40 Obsidianlane");
            assertThat(tip.getHtmlElementById("answer-vehicle-0").getTextContent())
                    .contains("ZX9-QW7")
                    .contains("red pickup");
            assertThat(tip.asNormalizedText()).contains("A minor may be involved");

            tip.<org.htmlunit.html.HtmlRadioButtonInput>getHtmlElementById("destination-ct-dcf-careline")
                    .setChecked(true);
            tip.<org.htmlunit.html.HtmlTextInput>getHtmlElementById("referenceNumber")
                    .type("DCF-77-1201");
            HtmlPage referred = Browsers.submit(tip, "referral-form");
            assertThat(referred.getHtmlElementById("referrals").asNormalizedText())
                    .contains("DCF-77-1201");

            // Entries commit with their actions and are sealed into the chain within about a second (ADR 23).
            for (int wait = 0; wait < 100 && unsealed() > 0; wait++) {
                Thread.sleep(100);
            }
            List<AuditChain.Stored> chain = auditChain();
            assertThat(AuditChain.verify(chain)).isEmpty();
            assertThat(chain.stream().map(AuditChain.Stored::entry).toList())
                    .extracting(AuditEntry::action)
                    .containsSubsequence("SIGN_IN", "QUEUE_VIEWED", "TIP_OPENED", "REFERRAL_RECORDED");
            assertThat(chain.stream().map(AuditChain.Stored::entry))
                    .filteredOn(
                            e -> e.action().equals("TIP_OPENED") || e.action().equals("REFERRAL_RECORDED"))
                    .allSatisfy(e -> assertThat(e.tipId()).isEqualTo(tipId));
        }

        assertNowhereAtRest(MARKERS);
    }

    @Test
    @Order(2)
    void aPhoneTipIsFollowedUpWithTheReceiptReadOutAndTheCallersAnswerReachesTheConsole() throws Exception {
        try (var console = Browsers.withoutJavaScript()) {
            signInAsCoordinator(console);
            HtmlPage form = console.getPage(triage("/calls/new"));
            form.<HtmlTextInput>getHtmlElementById("location").type("Pellucidar Motel, room 4");
            form.<HtmlTextInput>getHtmlElementById("person-0-marks").type("a scar over the eye, called Thornquist");
            form.<HtmlCheckBoxInput>getHtmlElementById("callbackWanted").setChecked(true);
            form.<org.htmlunit.html.HtmlInput>getHtmlElementById("callback-number")
                    .type("(860) 555-0173");
            HtmlPage filed = Browsers.submit(form, "call-form");
            String receipt = filed.getHtmlElementById("receipt").getTextContent();

            // The caller writes down what they hear: the first letter of each word, digits by name, group by group.
            String heard = filed.getHtmlElementById("spoken-receipt").getElementsByTagName("li").stream()
                    .map(li -> java.util.Arrays.stream(
                                    li.getTextContent().strip().split("\\s+"))
                            .map(word -> DIGIT_WORDS.getOrDefault(word, word.substring(0, 1)))
                            .collect(java.util.stream.Collectors.joining()))
                    .collect(java.util.stream.Collectors.joining(" "));
            assertThat(heard.replace(" ", "-")).isEqualTo(receipt);

            try (var caller = Browsers.withoutJavaScript()) {
                HtmlPage status = caller.getPage(intake("/status"));
                status.<HtmlTextInput>getHtmlElementById("receipt").type(heard);
                HtmlPage found = Browsers.submit(status, "status-form");
                assertThat(found.getElementById("status"))
                        .as(found.asNormalizedText())
                        .isNotNull();
                found.<HtmlTextArea>getHtmlElementById("text").type("He moves them on Fridays, Thornquist drives.");
                HtmlPage added = Browsers.submit(found, "add-form");
                assertThat(added.getElementById("added"))
                        .as(added.asNormalizedText())
                        .isNotNull();
            }

            HtmlPage tip = filed.getHtmlElementById("open-tip").click();
            assertThat(tip.getHtmlElementById("tip-state").getTextContent()).contains("Channel: Phone call");
            assertThat(tip.getHtmlElementById("answer-callback").getTextContent())
                    .isEqualTo("(860) 555-0173");
            assertThat(tip.getHtmlElementById("timeline-entries").asNormalizedText())
                    .contains("He moves them on Fridays, Thornquist drives.");
        }
        // The chain holds sealed entries; the sealer links new ones within a second or two (ADR 23).
        for (int i = 0;
                i < 100
                        && auditChain().stream()
                                .noneMatch(s -> s.entry().action().equals("TIP_ENTERED"));
                i++) {
            Thread.sleep(100);
        }
        assertThat(auditChain().stream().map(AuditChain.Stored::entry))
                .filteredOn(e -> e.action().equals("TIP_ENTERED"))
                .singleElement()
                .satisfies(e -> assertThat(e.detail()).isEqualTo("channel=phone"));
        assertNowhereAtRest(CALL_MARKERS);
    }

    /** Signs in as the demo coordinator, with a TOTP code of a step later than any used before. */
    private HtmlPage signInAsCoordinator(WebClient browser) throws IOException {
        Matcher coordinator = Pattern.compile("coordinator: username=(\\S+) password=(\\S+) totp=(\\S+)")
                .matcher(Files.readString(dataDirectory.resolve("demo-accounts.txt")));
        assertThat(coordinator.find()).isTrue();
        HtmlPage login = browser.getPage(triage("/login"));
        login.<HtmlTextInput>getHtmlElementById("username").type(coordinator.group(1));
        login.<org.htmlunit.html.HtmlPasswordInput>getHtmlElementById("password")
                .type(coordinator.group(2));
        HtmlPage codePage = Browsers.submit(login, "login-form");
        long step = Math.max(java.time.Instant.now().getEpochSecond() / 30, lastTotpStep + 1);
        lastTotpStep = step;
        codePage.<HtmlTextInput>getHtmlElementById("code")
                .type(Totp.code(Totp.fromBase32(coordinator.group(3)), java.time.Instant.ofEpochSecond(step * 30)));
        HtmlPage queue = Browsers.submit(codePage, "code-form");
        assertThat(queue.getUrl().getPath()).isEqualTo("/queue");
        return queue;
    }

    /** None of the markers in any stored value, in pg_dump's output or in the apps' logs. */
    private static void assertNowhereAtRest(List<String> markers) throws Exception {
        assertThat(markersInEveryStoredValue(markers)).isEmpty();
        assertThat(markersInPgDump(markers)).isEmpty();
        try (var logs = Files.list(dataDirectory.resolve("logs"))) {
            for (Path log : logs.toList()) {
                String text = Files.readString(log);
                assertThat(markers).as(log.toString()).noneMatch(text::contains);
            }
        }
    }

    private static String triage(String path) {
        return "http://localhost:" + triagePort + path;
    }

    private static String intake(String path) {
        return "http://localhost:" + intakePort + path;
    }

    private String fileTip() throws IOException {
        try (var browser = Browsers.withoutJavaScript()) {
            HtmlPage form = browser.getPage("http://localhost:" + intakePort + "/");
            form.<org.htmlunit.html.HtmlTextInput>getHtmlElementById("location")
                    .type("Quillfeather Spa, 40 Obsidianlane");
            // The form's pages, as a tipster walks them: what was seen, then who, then the vehicle.
            HtmlPage what = Browsers.fillIn(form, "details", "a man named Marmaduke-Vex takes the money");
            what.<org.htmlunit.html.HtmlCheckBoxInput>getHtmlElementById("indicator-minor-in-commercial-sex")
                    .setChecked(true);
            HtmlPage who = Browsers.fillIn(what, "person-0-marks", "a girl called Zanzibarine, looks 15");
            HtmlPage vehicles = Browsers.fillIn(who, "vehicle-0-features", "red pickup");
            vehicles.<org.htmlunit.html.HtmlTextInput>getHtmlElementById("vehicle-0-plate")
                    .type("ZX9-QW7");
            HtmlPage receipt = Browsers.sendTip(vehicles);
            return receipt.getHtmlElementById("receipt-code").getTextContent();
        }
    }

    /** Reads every column of every row of every table as raw bytes, as a thief with the database would. */
    private static List<String> markersInEveryStoredValue(List<String> markers) throws SQLException {
        List<String> found = new ArrayList<>();
        try (var owner = DATABASE.connectAsOwner();
                var tables = owner.createStatement()
                        .executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")) {
            List<String> names = new ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString(1));
            }
            assertThat(names).contains("tip", "tip_content", "tip_data_key", "referral", "audit_entry");
            for (String table : names) {
                try (ResultSet rows = owner.createStatement().executeQuery("SELECT * FROM " + table)) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int c = 1; c <= columns; c++) {
                            byte[] value = rows.getBytes(c);
                            String text = value == null ? "" : new String(value, StandardCharsets.ISO_8859_1);
                            for (String marker : markers) {
                                if (text.contains(marker)) {
                                    found.add(table + "." + rows.getMetaData().getColumnName(c) + ": " + marker);
                                }
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    /**
     * pg_dump's output, when this machine has a pg_dump able to read the server (CI does). Otherwise the scan of
     * every stored value above is the whole check.
     */
    private static List<String> markersInPgDump(List<String> markers) throws Exception {
        int serverMajor;
        try (var owner = DATABASE.connectAsOwner();
                var rs = owner.createStatement().executeQuery("SHOW server_version_num")) {
            rs.next();
            serverMajor = Integer.parseInt(rs.getString(1)) / 10000;
        }
        Integer dumpMajor = pgDumpMajorVersion();
        if (dumpMajor == null || dumpMajor < serverMajor) {
            return List.of();
        }
        var dump = new ProcessBuilder(
                        "pg_dump",
                        "-h",
                        DATABASE.host(),
                        "-p",
                        Integer.toString(DATABASE.port()),
                        "-U",
                        DATABASE.ownerUser(),
                        DATABASE.name())
                .redirectErrorStream(true);
        dump.environment().put("PGPASSWORD", DATABASE.ownerPassword());
        Process process = dump.start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("pg_dump: " + text).isZero();
        assertThat(text).contains("COPY public.tip_content");
        return markers.stream().filter(text::contains).toList();
    }

    private static Integer pgDumpMajorVersion() {
        try {
            Process version = new ProcessBuilder("pg_dump", "--version").start();
            Matcher m = Pattern.compile("(\\d+)\\.")
                    .matcher(new String(version.getInputStream().readAllBytes()));
            version.waitFor();
            return m.find() ? Integer.valueOf(m.group(1)) : null;
        } catch (IOException | InterruptedException e) {
            return null;
        }
    }

    private static long unsealed() throws SQLException {
        try (var owner = DATABASE.connectAsOwner()) {
            return org.tipline.jdbc.audit.AuditVerifier.unsealed(owner).count();
        }
    }

    private static List<AuditChain.Stored> auditChain() throws SQLException {
        try (var owner = DATABASE.connectAsOwner()) {
            return AuditVerifier.sealedChain(owner);
        }
    }

    private static boolean portOpen(int port) {
        try (var socket = new java.net.Socket("localhost", port)) {
            return socket.isConnected();
        } catch (IOException e) {
            return false;
        }
    }
}

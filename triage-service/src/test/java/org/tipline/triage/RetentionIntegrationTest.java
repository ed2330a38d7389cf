package org.tipline.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlCheckBoxInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTextInput;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipline.model.crypto.Receipt;
import org.tipline.model.tip.SealedTip;
import org.tipline.model.tip.TipAnswers;
import org.tipline.testsupport.Browsers;

/** Retention over real HTTP and PostgreSQL: due tips are destroyed beyond recovery, held and open ones are not. */
@TriageIntegrationTest
class RetentionIntegrationTest {

    static final TriageTestSetup SETUP = new TriageTestSetup();

    @LocalServerPort
    int port;

    @Test
    void aDueTipIsDestroyedWithEverythingItHadAHeldOneStays() throws Exception {
        // What the tipster adds to a closed tip reopens it (V15), so it is added before the tip is closed.
        SealedTip due = SETUP.fileSealedTip(TipAnswers.builder()
                .location("Due Drive")
                .details("to be closed")
                .build());
        SETUP.tipsterAttaches(due.receipt(), "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        SETUP.tipsterReplies(due.receipt(), "one more thing");
        closeLongAgo(due.id());
        SealedTip held = closedLongAgo("Held Harbor");
        SealedTip open =
                SETUP.fileSealedTip(TipAnswers.builder().location("Open Oaks").build());
        List<byte[]> dueCiphertexts = ciphertextsOf(due.id());
        assertThat(dueCiphertexts).hasSizeGreaterThanOrEqualTo(4);

        var supervisor = SETUP.staff("SUPERVISOR");
        try (WebClient browser = Browsers.withoutJavaScript()) {
            supervisor.signIn(browser, url(""));
            HtmlPage retention = browser.getPage(url("/retention"));
            retention
                    .<HtmlTextInput>getHtmlElementById("hold-tip")
                    .type(held.id().toString().substring(0, 8));
            retention.<HtmlTextInput>getHtmlElementById("hold-reason").type("Court order 2026-CV-0415");
            HtmlPage saved = Browsers.submit(retention, "hold-form");
            assertThat(saved.getHtmlElementById("held").asNormalizedText())
                    .contains("Tip " + held.id().toString().substring(0, 8))
                    .contains("reason: Court order 2026-CV-0415");

            // Unconfirmed, nothing goes: the page says why, with a 400.
            HtmlPage unconfirmed = Browsers.submit(saved, "purge-form");
            assertThat(unconfirmed.getWebResponse().getStatusCode()).isEqualTo(400);
            assertThat(unconfirmed.getHtmlElementById("retention-error").getTextContent())
                    .contains("Nothing was destroyed");
            assertThat(ciphertextsOf(due.id())).hasSameSizeAs(dueCiphertexts);

            unconfirmed.<HtmlCheckBoxInput>getHtmlElementById("purge-confirm").setChecked(true);
            HtmlPage purged = Browsers.submit(unconfirmed, "purge-form");
            assertThat(purged.getHtmlElementById("purged").getTextContent()).startsWith("1 tips");

            HtmlPage wrong = browser.getPage(url("/retention"));
            wrong.<HtmlTextInput>getHtmlElementById("hold-tip").type("not-a-tip");
            HtmlPage refused = Browsers.submit(wrong, "hold-form");
            assertThat(refused.getHtmlElementById("retention-error").getTextContent())
                    .contains("“not-a-tip” is not a tip id");
            assertThat(refused.<HtmlTextInput>getHtmlElementById("hold-tip").getValue())
                    .isEmpty();
        }

        try (Connection owner = SETUP.database.connectAsOwner()) {
            assertThat(exists(owner, due.id())).isFalse();
            assertThat(exists(owner, held.id())).isTrue();
            assertThat(exists(owner, open.id())).isTrue();
            for (byte[] ciphertext : dueCiphertexts) {
                assertThat(tablesHolding(owner, ciphertext)).isEmpty();
            }
            try (var status = owner.prepareStatement("SELECT tipster_status(?)")) {
                status.setBytes(1, Receipt.lookupId(due.receipt()));
                try (var rs = status.executeQuery()) {
                    rs.next();
                    assertThat(rs.getString(1)).isNull();
                }
            }
            try (var rs = owner.createStatement()
                    .executeQuery("SELECT action FROM audit_entry WHERE tip_id IN ('" + due.id() + "', '" + held.id()
                            + "') ORDER BY sequence")) {
                List<String> actions = new ArrayList<>();
                while (rs.next()) {
                    actions.add(rs.getString(1));
                }
                assertThat(actions).contains("LEGAL_HOLD_PLACED", "TIP_PURGED");
            }
            try (var rs = owner.createStatement()
                    .executeQuery(
                            "SELECT t.legal_hold_reason, a.detail FROM tip t JOIN audit_entry a ON a.tip_id = t.id"
                                    + " AND a.action = 'LEGAL_HOLD_PLACED' WHERE t.id = '" + held.id() + "'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("Court order 2026-CV-0415");
                assertThat(rs.getString(2)).isEqualTo("reason: Court order 2026-CV-0415");
            }
        }
    }

    private static SealedTip closedLongAgo(String location) throws SQLException {
        SealedTip tip = SETUP.fileSealedTip(
                TipAnswers.builder().location(location).details("to be closed").build());
        closeLongAgo(tip.id());
        return tip;
    }

    private static void closeLongAgo(UUID tipId) throws SQLException {
        try (var owner = SETUP.database.connectAsOwner();
                var close = owner.prepareStatement("UPDATE tip SET status = 'CLOSED', close_reason = 'INSUFFICIENT', "
                        + "closed_at = now() - interval '400 days' WHERE id = ?")) {
            close.setObject(1, tipId);
            close.executeUpdate();
        }
    }

    /** Every sealed value stored for the tip: content, wrapped key, files and messages. */
    private static List<byte[]> ciphertextsOf(UUID tipId) throws SQLException {
        List<byte[]> found = new ArrayList<>();
        try (var owner = SETUP.database.connectAsOwner()) {
            for (String query : List.of(
                    "SELECT sealed FROM tip_content WHERE tip_id = ?",
                    "SELECT wrapped FROM tip_data_key WHERE tip_id = ?",
                    "SELECT sealed FROM tip_attachment WHERE tip_id = ?",
                    "SELECT for_staff FROM tip_message WHERE tip_id = ?")) {
                try (var select = owner.prepareStatement(query)) {
                    select.setObject(1, tipId);
                    try (var rs = select.executeQuery()) {
                        while (rs.next()) {
                            found.add(rs.getBytes(1));
                        }
                    }
                }
            }
        }
        return found;
    }

    /** Every bytea column of every table that still holds this value. */
    private static List<String> tablesHolding(Connection owner, byte[] value) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (var rs = owner.createStatement()
                .executeQuery("SELECT table_name, column_name FROM information_schema.columns "
                        + "WHERE table_schema = 'public' AND data_type = 'bytea'")) {
            while (rs.next()) {
                columns.add(rs.getString(1) + "." + rs.getString(2));
            }
        }
        List<String> holding = new ArrayList<>();
        for (String column : columns) {
            String[] parts = column.split("\\.");
            try (var select =
                    owner.prepareStatement("SELECT count(*) FROM " + parts[0] + " WHERE " + parts[1] + " = ?")) {
                select.setBytes(1, value);
                try (var rs = select.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        holding.add(column);
                    }
                }
            }
        }
        return holding;
    }

    private static boolean exists(Connection owner, UUID tipId) throws SQLException {
        try (var select = owner.prepareStatement("SELECT count(*) FROM tip WHERE id = ?")) {
            select.setObject(1, tipId);
            try (var rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 1;
            }
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

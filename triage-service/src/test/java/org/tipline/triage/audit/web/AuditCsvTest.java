package org.tipline.triage.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tipline.model.audit.AuditEntry;

class AuditCsvTest {

    @Test
    void quotesEveryTextCellAndDefusesSpreadsheetFormulas() {
        var entries = List.of(
                new AuditEntry(7, Instant.parse("2026-11-26T10:00:00Z"), "=HYPERLINK(\"x\")", "SIGN_IN", null, "a,b"),
                new AuditEntry(8, Instant.parse("2026-11-26T10:00:01Z"), "sam", "NOTE_ADDED", null, "@cmd"));

        assertThat(AuditController.csv(entries))
                .isEqualTo("sequence,occurred_at,actor,action,tip_id,detail\r\n"
                        + "7,2026-11-26T10:00:00Z,\"'=HYPERLINK(\"\"x\"\")\",\"SIGN_IN\",,\"a,b\"\r\n"
                        + "8,2026-11-26T10:00:01Z,\"sam\",\"NOTE_ADDED\",,\"'@cmd\"\r\n");
    }
}

package org.tipline.triage.tips;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A bad example for {@code ArchitectureTest}: a tips class that changes a tip's row with SQL behind its entity's back,
 * and does not say why. Not a bean; never called.
 */
public class RawTipWriterFixture {

    private final JdbcClient jdbc;

    public RawTipWriterFixture(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void close(UUID tipId) {
        jdbc.sql("UPDATE tip SET status = 'CLOSED' WHERE id = :id")
                .param("id", tipId)
                .update();
    }
}

package org.tipline.triage.dashboard;

import java.sql.Timestamp;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard's latest figures in PostgreSQL (V20), so the replica that ran the refresh computes them and every
 * replica shows the same ones (ADR 24). Counts and timings only: nothing here is tip content.
 */
@Component
@RequiredArgsConstructor
class StoredFigures {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final JdbcClient jdbc;

    Optional<Dashboard.View> read() {
        return jdbc.sql("SELECT figures::text FROM dashboard_figures")
                .query(String.class)
                .optional()
                .map(json -> JSON.readValue(json, Dashboard.View.class));
    }

    void write(Dashboard.View view) {
        jdbc.sql("""
                        INSERT INTO dashboard_figures (computed_at, figures) VALUES (:at, CAST(:figures AS jsonb))
                        ON CONFLICT (singleton) DO UPDATE SET computed_at = excluded.computed_at, figures = excluded.figures
                        """)
                .param("at", Timestamp.from(view.computedAt()))
                .param("figures", JSON.writeValueAsString(view))
                .update();
    }
}

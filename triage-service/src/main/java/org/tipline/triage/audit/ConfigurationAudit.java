package org.tipline.triage.audit;

import java.util.Base64;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records the settings that decide what the console keeps, shows and lets in, each time triage starts, and marks a
 * change from the last recorded values: configuration lives outside the database, so this is where its history is.
 */
@Component
@RequiredArgsConstructor
class ConfigurationAudit {

    static final String ACTION = "CONFIGURATION_CHANGED";

    private final Environment environment;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final AuditCheckpoints checkpoints;

    @EventListener(ApplicationReadyEvent.class)
    void recordIfChanged() {
        String current = current();
        Optional<String> last = jdbc.sql(
                        "SELECT detail FROM audit_entry WHERE action = :action " + "ORDER BY sequence DESC LIMIT 1")
                .param("action", ACTION)
                .query(String.class)
                .optional();
        if (last.filter(current::equals).isEmpty()) {
            audit.append("system", ACTION, null, current);
        }
    }

    String current() {
        var settings = new TreeMap<String, String>();
        for (String key : new String[] {
            "tipline.triage.retention.closed",
            "tipline.triage.retention.referred",
            "tipline.triage.session.idle-timeout",
            "tipline.triage.session.absolute-timeout",
            "tipline.triage.webauthn.rp-id",
            "tipline.triage.webauthn.origins",
            "tipline.triage.audit.checkpoint-interval"
        }) {
            settings.put(key, environment.getProperty(key, "default"));
        }
        settings.put(
                "checkpoint-key",
                checkpoints
                        .publicKey()
                        .map(key -> Base64.getEncoder().encodeToString(key.getEncoded()))
                        .orElse("none"));
        return settings.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
    }
}

package org.tipline.triage.staff;

import java.util.Optional;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tipline.model.guidance.Guidance;
import org.tipline.triage.audit.AuditTrail;

/**
 * Each staff member's console language, kept on their staff row (ADR 26) so it follows them to any browser and any
 * replica. Only the deployment's languages (the seeds') can be chosen; the choice is audited like a password change.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ConsoleLanguages {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Guidance guidance;

    /** The language this staff member chose, if any and if the deployment still offers it. */
    public Optional<String> chosenBy(UUID staffId) {
        return jdbc
                .sql("SELECT language FROM staff WHERE id = :id")
                .param("id", staffId)
                .query(String.class)
                .list()
                .stream()
                .filter(language -> language != null && guidance.supportsLanguage(language))
                .findFirst();
    }

    /** Saves the choice; false (and nothing saved) for a language the deployment does not offer. */
    @Transactional
    public boolean choose(StaffPrincipal me, String language) {
        if (!guidance.supportsLanguage(language)) {
            return false;
        }
        jdbc.sql("UPDATE staff SET language = :language WHERE id = :id")
                .param("language", language)
                .param("id", me.id())
                .update();
        audit.append(me.username(), "LANGUAGE_CHANGED", null, "language=" + language);
        return true;
    }
}

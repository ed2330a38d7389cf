package org.tipline.triage.tips;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tipline.model.guidance.Guidance;
import org.tipline.model.linking.BlindIndex.Kind;
import org.tipline.model.linking.Normalizers;
import org.tipline.model.tip.TipAnswers;
import org.tipline.triage.audit.AuditTrail;
import org.tipline.triage.persistence.JdbcAccess;
import org.tipline.triage.security.IsCoordinator;
import org.tipline.triage.staff.StaffPrincipal;
import org.tipline.triage.staff.UnlockedKeys;

/**
 * Finding a tip by what it says. An exact plate, phone number, address, web address or business is looked up through
 * the blind indexes across every indexed tip; words are matched in the most recent tips this session can decrypt,
 * decrypted one at a time in memory and dropped once scored. Nothing typed or decrypted is written anywhere: the audit
 * entry says that a search ran and how many tips it found, never what was searched for.
 */
@JdbcAccess({JdbcAccess.Use.READ_MODEL})
@Service
@IsCoordinator
public class TipSearch {

    /** Results shown at most; a search that finds more asks for more words. */
    public static final int MAX_RESULTS = 50;

    public static final int MAX_QUERY_LENGTH = 200;

    private static final Pattern STATE_AND_PLATE = Pattern.compile("^\\s*([A-Za-z]{2})[\\s:]+(.+)$");

    private final JdbcClient jdbc;
    private final TipLinks links;
    private final TipKeys keys;
    private final AuditTrail audit;
    private final String defaultState;
    private final int recentTips;
    private final Semaphore decrypting;
    private final TransactionTemplate readOnly;
    private final TransactionTemplate write;

    TipSearch(
            JdbcClient jdbc,
            TipLinks links,
            TipKeys keys,
            AuditTrail audit,
            Guidance guidance,
            PlatformTransactionManager transactions,
            @Value("${tipline.triage.search.recent-tips:1000}") int recentTips,
            @Value("${tipline.triage.search.concurrent:2}") int concurrent) {
        this.jdbc = jdbc;
        this.links = links;
        this.keys = keys;
        this.audit = audit;
        this.defaultState = guidance.deployment().state();
        this.recentTips = recentTips;
        // Each search decrypts up to recentTips tips: a few at once keep the console's other pages fast.
        this.decrypting = new Semaphore(concurrent, true);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.write = new TransactionTemplate(transactions);
    }

    /** One tip found: what the queue shows of it, and where it matched. Exact matches rank first. */
    public record Hit(
            UUID tipId,
            Instant receivedAt,
            String tier,
            TipStatus status,
            List<Kind> exactKinds,
            Set<String> fields,
            int score) {}

    /** The hits, best first; {@code searched} is how many recent tips were read for words. */
    public record Results(List<Hit> hits, int searched, int recentLimit, boolean more) {}

    /** Too many searches are decrypting on this replica right now; the coordinator is asked to try again. */
    public static class Busy extends RuntimeException {
        Busy() {
            super("searches busy");
        }
    }

    public Results search(String query, StaffPrincipal me, UnlockedKeys unlocked) {
        try {
            if (!decrypting.tryAcquire(10, TimeUnit.SECONDS)) {
                throw new Busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy();
        }
        try {
            Results results = readOnly.execute(status -> find(query, unlocked));
            write.executeWithoutResult(status -> audit.append(
                    me.username(),
                    "TIPS_SEARCHED",
                    null,
                    "found=" + results.hits().size() + " searched=" + results.searched()));
            return results;
        } finally {
            decrypting.release();
        }
    }

    private Results find(String query, UnlockedKeys unlocked) {
        Map<Kind, String> exact = exactValues(query);
        Map<UUID, List<Kind>> exactHits = new LinkedHashMap<>();
        exact.forEach((kind, value) -> links.holding(kind, value, unlocked, id -> keys.answersOrNone(id, unlocked))
                .forEach(id ->
                        exactHits.computeIfAbsent(id, k -> new ArrayList<>()).add(kind)));

        SearchText words = SearchText.of(query);
        Map<UUID, Hit> hits = new LinkedHashMap<>();
        List<Recent> recent = recent();
        for (Recent tip : recent) {
            Optional<TipAnswers> answers = TipKeys.answersFrom(
                    tip.id(), tip.schemaVersion(), tip.epoch(), tip.wrapped(), tip.sealed(), unlocked);
            if (answers.isEmpty()) {
                continue;
            }
            Map<Kind, Set<String>> terms = LinkTerms.of(answers.get(), defaultState);
            exact.forEach((kind, value) -> {
                if (terms.getOrDefault(kind, Set.of()).contains(value)) {
                    List<Kind> kinds = exactHits.computeIfAbsent(tip.id(), k -> new ArrayList<>());
                    if (!kinds.contains(kind)) {
                        kinds.add(kind);
                    }
                }
            });
            SearchText.Match match = words.isEmpty() ? null : words.in(answers.get());
            if (exactHits.containsKey(tip.id()) || (match != null && match.found())) {
                hits.put(tip.id(), hit(tip, exactHits.getOrDefault(tip.id(), List.of()), match));
            }
        }
        exactHits.keySet().stream()
                .filter(id -> !hits.containsKey(id))
                .forEach(id -> older(id).ifPresent(tip -> hits.put(id, hit(tip, exactHits.get(id), null))));
        List<Hit> ranked = hits.values().stream()
                .sorted(Comparator.comparingInt(Hit::score)
                        .reversed()
                        .thenComparing(Hit::receivedAt, Comparator.reverseOrder()))
                .toList();
        return new Results(
                ranked.subList(0, Math.min(MAX_RESULTS, ranked.size())),
                recent.size(),
                recentTips,
                ranked.size() > MAX_RESULTS);
    }

    private static Hit hit(Recent tip, List<Kind> exactKinds, SearchText.Match match) {
        Set<String> fields = match == null ? Set.of() : new LinkedHashSet<>(match.fields());
        int score = exactKinds.size() * 100 + (match == null ? 0 : match.score());
        return new Hit(tip.id(), tip.receivedAt(), tip.tier(), tip.status(), List.copyOf(exactKinds), fields, score);
    }

    /** The query read as each kind of exact value it can be; a plate may start with its state ("NY ABC123"). */
    private Map<Kind, String> exactValues(String query) {
        Map<Kind, String> values = new LinkedHashMap<>();
        Matcher stateAndPlate = STATE_AND_PLATE.matcher(query);
        Optional<String> plate = stateAndPlate.matches()
                ? Normalizers.plate(stateAndPlate.group(1), stateAndPlate.group(2))
                : Optional.empty();
        plate.or(() -> Normalizers.plate(defaultState, query)).ifPresent(v -> values.put(Kind.PLATE, v));
        Normalizers.phone(query).ifPresent(v -> values.put(Kind.PHONE, v));
        Normalizers.address(query).ifPresent(v -> values.put(Kind.ADDRESS, v));
        Normalizers.url(query).ifPresent(v -> values.put(Kind.URL, v));
        Normalizers.businessName(query).ifPresent(v -> values.put(Kind.BUSINESS_NAME, v));
        return values;
    }

    private record Recent(
            UUID id,
            Instant receivedAt,
            String tier,
            TipStatus status,
            int schemaVersion,
            int epoch,
            byte[] wrapped,
            byte[] sealed) {}

    private static final String RECENT = """
            SELECT t.id, t.received_at, t.urgency_tier, t.status, t.schema_version, k.epoch, k.wrapped, c.sealed
            FROM tip t
            JOIN tip_data_key k ON k.tip_id = t.id
            JOIN tip_content c ON c.tip_id = t.id AND c.field = :field
            """;

    private List<Recent> recent() {
        return jdbc.sql(RECENT + "ORDER BY t.received_at DESC LIMIT :limit")
                .param("field", TipAnswers.FIELD)
                .param("limit", recentTips)
                .query(TipSearch::recentRow)
                .list();
    }

    private Optional<Recent> older(UUID tipId) {
        return jdbc.sql(RECENT + "WHERE t.id = :id")
                .param("field", TipAnswers.FIELD)
                .param("id", tipId)
                .query(TipSearch::recentRow)
                .optional();
    }

    private static Recent recentRow(ResultSet rs, int row) throws SQLException {
        return new Recent(
                rs.getObject(1, UUID.class),
                rs.getTimestamp(2).toInstant(),
                rs.getString(3),
                TipStatus.valueOf(rs.getString(4)),
                rs.getInt(5),
                rs.getInt(6),
                rs.getBytes(7),
                rs.getBytes(8));
    }
}

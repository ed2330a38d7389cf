package org.tipline.triage.tips;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tipline.model.crypto.TipLineKeyPair;
import org.tipline.model.guidance.Guidance;
import org.tipline.model.linking.BlindIndex;
import org.tipline.model.linking.BlindIndex.Kind;
import org.tipline.model.linking.SealedLinkTerms;
import org.tipline.model.tip.TipAnswers;
import org.tipline.triage.persistence.JdbcAccess;
import org.tipline.triage.staff.UnlockedKeys;

/**
 * Finds other tips that mention the same plate, phone number, address, web address or business. Each tip's values
 * are indexed with truncated blind indexes under the linking epoch's key (the oldest key not retired, so indexes stay
 * comparable across a rotation until that key is retired); an index match is only a candidate, confirmed by
 * comparing the other tip's normalized values, kept sealed beside its indexes ({@link SealedLinkTerms}).
 */
@JdbcAccess({JdbcAccess.Use.SIDE_TABLES})
@Component
class TipLinks {

    /** Bounds the decryption work one page view can cause; a common index value is shared by unrelated tips. */
    static final int MAX_CANDIDATES = 200;

    /** No tip id is the nil UUID, so a search excludes no tip from its candidates. */
    private static final UUID NO_TIP = new UUID(0, 0);

    private final JdbcClient jdbc;
    private final String defaultState;
    private final Clock clock;

    TipLinks(JdbcClient jdbc, Guidance guidance, Clock clock) {
        this.jdbc = jdbc;
        this.defaultState = guidance.deployment().state();
        this.clock = clock;
    }

    /** Other tips that share one value with this one; the kind is worded by {@code link.kind.*} in the messages. */
    public record Link(Kind kind, String value, List<UUID> otherTips) {}

    /**
     * The tip's confirmed links, and the index rows to write when the tip is not yet indexed under the linking key.
     * Reads only: the caller writes {@link Found#index()} with {@link #write} in its own, short transaction.
     */
    Found linksOf(UUID tipId, TipAnswers answers, UnlockedKeys keys, Function<UUID, TipAnswers> decrypt) {
        Optional<TipLineKeyPair> key = linkingKey(keys);
        if (key.isEmpty()) {
            return new Found(List.of(), Optional.empty());
        }
        Map<Kind, Set<String>> terms = LinkTerms.of(answers, defaultState);
        Map<Kind, Map<String, Integer>> indexes = blindIndexes(terms, key.get());
        List<Candidate> candidates = candidates(tipId, key.get().epoch(), indexes);
        Map<UUID, Map<Kind, Set<String>>> confirmed =
                sealedTerms(candidates.stream().map(Candidate::tipId).distinct().toList(), key.get());
        List<Link> links = new ArrayList<>();
        indexes.forEach((kind, byValue) -> byValue.forEach((value, index) -> {
            List<UUID> others = candidates.stream()
                    .filter(c -> c.kind() == kind && c.value() == index)
                    .map(Candidate::tipId)
                    .distinct()
                    .filter(other -> confirmed
                            .computeIfAbsent(other, id -> LinkTerms.of(decrypt.apply(id), defaultState))
                            .getOrDefault(kind, Set.of())
                            .contains(value))
                    .toList();
            if (!others.isEmpty()) {
                links.add(new Link(kind, value, others));
            }
        }));
        return new Found(
                links,
                indexed(tipId, key.get().epoch())
                        ? Optional.empty()
                        : Optional.of(pending(tipId, terms, indexes, key.get())));
    }

    /**
     * The indexed tips that hold this normalized value, each confirmed like a link; a search's exact tier. Tips never
     * indexed are not found here (the search reads the most recent tips itself).
     */
    Set<UUID> holding(Kind kind, String value, UnlockedKeys keys, Function<UUID, TipAnswers> decrypt) {
        Optional<TipLineKeyPair> key = linkingKey(keys);
        if (key.isEmpty()) {
            return Set.of();
        }
        Map<Kind, Map<String, Integer>> index = blindIndexes(Map.of(kind, Set.of(value)), key.get());
        List<UUID> candidates = candidates(NO_TIP, key.get().epoch(), index).stream()
                .map(Candidate::tipId)
                .distinct()
                .toList();
        Map<UUID, Map<Kind, Set<String>>> confirmed = sealedTerms(candidates, key.get());
        Set<UUID> holding = new LinkedHashSet<>();
        for (UUID candidate : candidates) {
            if (confirmed
                    .computeIfAbsent(candidate, id -> LinkTerms.of(decrypt.apply(id), defaultState))
                    .getOrDefault(kind, Set.of())
                    .contains(value)) {
                holding.add(candidate);
            }
        }
        return holding;
    }

    /** A tip's links, and its index rows still to be written (empty when it is indexed already). */
    record Found(List<Link> links, Optional<PendingIndex> index) {}

    /** A tip's blind indexes and sealed terms, computed while reading, written later. */
    record PendingIndex(UUID tipId, int epoch, byte[] sealedTerms, Map<Kind, Map<String, Integer>> indexes) {}

    /** The ids of tips never indexed under the linking key, oldest first, for a linking pass. */
    List<UUID> unindexed(UnlockedKeys keys, int limit) {
        return linkingKey(keys)
                .map(key -> jdbc.sql("""
                                SELECT t.id FROM tip t LEFT JOIN tip_indexed i ON i.tip_id = t.id AND i.epoch = :epoch
                                WHERE i.tip_id IS NULL ORDER BY t.received_at LIMIT :limit
                                """)
                        .param("epoch", key.epoch())
                        .param("limit", limit)
                        .query(UUID.class)
                        .list())
                .orElse(List.of());
    }

    /** Indexes a tip for the linking pass; returns whether the session could. */
    boolean index(UUID tipId, TipAnswers answers, UnlockedKeys keys) {
        Optional<TipLineKeyPair> key = linkingKey(keys);
        key.ifPresent(k -> {
            Map<Kind, Set<String>> terms = LinkTerms.of(answers, defaultState);
            if (!indexed(tipId, k.epoch())) {
                write(pending(tipId, terms, blindIndexes(terms, k), k));
            }
        });
        return key.isPresent();
    }

    private Optional<TipLineKeyPair> linkingKey(UnlockedKeys keys) {
        return jdbc.sql("SELECT min(epoch) FROM tip_line_key WHERE retired_at IS NULL")
                .query(Integer.class)
                .optional()
                .flatMap(keys::forEpoch);
    }

    private static Map<Kind, Map<String, Integer>> blindIndexes(Map<Kind, Set<String>> terms, TipLineKeyPair key) {
        Map<Kind, Map<String, Integer>> indexes = new EnumMap<>(Kind.class);
        terms.forEach((kind, values) -> {
            BlindIndex blindIndex = BlindIndex.forKind(kind, key);
            try {
                Map<String, Integer> byValue = new LinkedHashMap<>();
                values.forEach(value -> byValue.put(value, blindIndex.of(value)));
                indexes.put(kind, byValue);
            } finally {
                blindIndex.wipe();
            }
        });
        return indexes;
    }

    private boolean indexed(UUID tipId, int epoch) {
        return jdbc.sql("SELECT count(*) FROM tip_indexed WHERE tip_id = :tip AND epoch = :epoch")
                        .param("tip", tipId)
                        .param("epoch", epoch)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    private static PendingIndex pending(
            UUID tipId, Map<Kind, Set<String>> terms, Map<Kind, Map<String, Integer>> indexes, TipLineKeyPair key) {
        SealedLinkTerms sealer = SealedLinkTerms.forEpoch(key);
        try {
            return new PendingIndex(tipId, key.epoch(), sealer.seal(tipId, LinkTerms.serialize(terms)), indexes);
        } finally {
            sealer.wipe();
        }
    }

    /** Replaces the tip's index rows with these; needs a read-write transaction. */
    void write(PendingIndex pending) {
        UUID tipId = pending.tipId();
        jdbc.sql("""
                        INSERT INTO tip_link_terms (tip_id, epoch, sealed) VALUES (:tip, :epoch, :sealed)
                        ON CONFLICT (tip_id) DO UPDATE SET epoch = excluded.epoch, sealed = excluded.sealed
                        """)
                .param("tip", tipId)
                .param("epoch", pending.epoch())
                .param("sealed", pending.sealedTerms())
                .update();
        jdbc.sql("DELETE FROM tip_blind_index WHERE tip_id = :tip")
                .param("tip", tipId)
                .update();
        pending.indexes()
                .forEach((kind, byValue) -> byValue.values().stream()
                        .distinct()
                        .forEach(value -> jdbc.sql("""
                                INSERT INTO tip_blind_index (tip_id, kind, epoch, value)
                                VALUES (:tip, :kind, :epoch, :value) ON CONFLICT DO NOTHING
                                """)
                                .param("tip", tipId)
                                .param("kind", kind.name())
                                .param("epoch", pending.epoch())
                                .param("value", value)
                                .update()));
        jdbc.sql("""
                        INSERT INTO tip_indexed (tip_id, epoch, indexed_at) VALUES (:tip, :epoch, :now)
                        ON CONFLICT (tip_id) DO UPDATE SET epoch = excluded.epoch, indexed_at = excluded.indexed_at
                        """)
                .param("tip", tipId)
                .param("epoch", pending.epoch())
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    private record Candidate(UUID tipId, Kind kind, int value) {}

    /** The candidates' values, each opened with one symmetric decryption; a tip without them is decrypted instead. */
    private Map<UUID, Map<Kind, Set<String>>> sealedTerms(List<UUID> tipIds, TipLineKeyPair key) {
        Map<UUID, Map<Kind, Set<String>>> terms = new LinkedHashMap<>();
        if (tipIds.isEmpty()) {
            return terms;
        }
        SealedLinkTerms sealer = SealedLinkTerms.forEpoch(key);
        try {
            jdbc.sql("SELECT tip_id, sealed FROM tip_link_terms WHERE epoch = :epoch AND tip_id = ANY(:ids)")
                    .param("epoch", key.epoch())
                    .param("ids", tipIds.toArray(UUID[]::new))
                    .query((rs, n) -> {
                        UUID id = rs.getObject(1, UUID.class);
                        return terms.put(id, LinkTerms.parse(sealer.open(id, rs.getBytes(2))));
                    })
                    .list();
        } finally {
            sealer.wipe();
        }
        return terms;
    }

    private List<Candidate> candidates(UUID tipId, int epoch, Map<Kind, Map<String, Integer>> indexes) {
        List<Candidate> found = new ArrayList<>();
        indexes.forEach((kind, byValue) -> {
            if (found.size() >= MAX_CANDIDATES) {
                return;
            }
            found.addAll(jdbc.sql("""
                            SELECT tip_id, value FROM tip_blind_index
                            WHERE kind = :kind AND epoch = :epoch AND value = ANY(:values) AND tip_id <> :tip
                            LIMIT :limit
                            """)
                    .param("kind", kind.name())
                    .param("epoch", epoch)
                    .param("values", byValue.values().toArray(Integer[]::new))
                    .param("tip", tipId)
                    .param("limit", MAX_CANDIDATES - found.size())
                    .query((rs, n) -> new Candidate(rs.getObject(1, UUID.class), kind, rs.getInt(2)))
                    .list());
        });
        return found;
    }
}

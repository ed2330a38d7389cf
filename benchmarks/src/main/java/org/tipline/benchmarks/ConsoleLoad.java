package org.tipline.benchmarks;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tipline.jdbc.audit.AuditVerifier;
import org.tipline.model.audit.AuditChain;
import org.tipline.model.audit.AuditEntry;
import org.tipline.model.crypto.TipLineKeyPair;
import org.tipline.model.guidance.GuidanceLoader;
import org.tipline.model.tip.SealedTip;
import org.tipline.model.tip.TipAnswers;

/**
 * The console's three latency targets against a running triage-service and its PostgreSQL:
 *
 * <ol>
 *   <li>the queue's first page with 1,000,000 tips stored, 10,000 of them open;
 *   <li>"take next" with 8 coordinators claiming in parallel;
 *   <li>opening a tip: decrypt and render.
 * </ol>
 *
 * It stores the tips itself (metadata straight into the table, 500 fully sealed tips as intake writes them), makes
 * coordinator accounts with TOTP through the same provisioning code as the launcher, and signs them in over HTTP like
 * a browser: password, code, session cookie, CSRF token. Only ever talks to this machine.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.tipline.benchmarks.ConsoleLoad \
 *     http://127.0.0.1:18081 jdbc:postgresql://127.0.0.1:5432/db?user=postgres demo-accounts.txt</pre>
 */
public final class ConsoleLoad {

    private static final int STORED = 1_000_000;
    private static final int OPEN = 10_000;
    private static final int SEALED = 500;
    private static final int CLAIMERS = 8;

    private ConsoleLoad() {}

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        if (!Set.of("127.0.0.1", "localhost", "[::1]").contains(base.getHost())) {
            throw new IllegalArgumentException("load is only ever sent to this machine");
        }
        List<UUID> sealed;
        List<ConsoleSession.Staff> coordinators = new ArrayList<>();
        ConsoleSession.Staff supervisor;
        try (Connection owner = DriverManager.getConnection(args[1])) {
            TipLineKeyPair key = ConsoleSession.demoCoordinatorKey(owner, Files.readString(Path.of(args[2])));
            for (int i = 0; i < CLAIMERS; i++) {
                coordinators.add(ConsoleSession.Staff.provision(
                        owner, key, "bench-" + i + "-" + System.nanoTime(), "COORDINATOR"));
            }
            sealed = storeTips(owner, key);
            supervisor =
                    ConsoleSession.Staff.provision(owner, null, "bench-supervisor-" + System.nanoTime(), "SUPERVISOR");
            key.wipe();
            // The launcher keeps the console's checkpoint key beside the demo accounts.
            verifyAMillionAuditEntries(owner, Path.of(args[2]).resolveSibling("audit-checkpoint.key"));
        }
        List<ConsoleSession> sessions = new ArrayList<>();
        for (ConsoleSession.Staff staff : coordinators) {
            sessions.add(ConsoleSession.signIn(base, staff));
        }
        ConsoleSession first = sessions.get(0);

        warmUp(first, sealed);
        Latencies.report("queue first page (1 coordinator, 300 requests)", measure(300, i -> first.get("/queue")));
        Latencies.report(
                "open, decrypt and render a tip (1 coordinator, 300 requests)",
                measure(300, i -> first.get("/tips/" + sealed.get(i % sealed.size()))));
        ConsoleSession supervising = ConsoleSession.signIn(base, supervisor);
        long started = System.nanoTime();
        String firstView = supervising.get("/dashboard").body();
        System.out.printf(
                "dashboard first view: %d ms; the figures it showed (ADR 13): %s%n",
                Duration.ofNanos(System.nanoTime() - started).toMillis(), computedIn(firstView));
        for (int i = 0; i < 10; i++) {
            supervising.get("/dashboard");
        }
        Latencies.report(
                "dashboard over 1,000,000 tips (1 supervisor, 50 requests)",
                measure(50, i -> supervising.get("/dashboard")));
        TakeNext.inParallel("one replica", sessions, Duration.ofSeconds(10), Duration.ofMillis(100));
        TakeNext.inParallel("one replica", sessions, Duration.ofSeconds(20), Duration.ZERO);
        System.out.printf(
                "dashboard figures recomputed in the background meanwhile: %s%n",
                computedIn(supervising.get("/dashboard").body()));
    }

    private static String computedIn(String dashboardPage) {
        Matcher m = Pattern.compile("computed in (\\d+) ms").matcher(dashboardPage);
        return m.find() ? "computing took " + m.group(1) + " ms" : "no computation time on the page";
    }

    /**
     * Extends the audit chain to 1,000,000 entries with correct links (through COPY), signs a checkpoint over it, and
     * times the verifier the supervisors' page and {@code audit verify} use: read every row, re-link the chain, check
     * the checkpoint's Merkle root and signature.
     */
    private static void verifyAMillionAuditEntries(Connection owner, Path checkpointKey) throws Exception {
        long started = System.nanoTime();
        // The console seals what start-up wrote within a second; then this holds the seal lock while it writes
        // entries and their seals itself. No session has signed in yet, so nothing else takes sequence numbers.
        for (int wait = 0; wait < 100 && AuditVerifier.unsealed(owner).count() > 0; wait++) {
            Thread.sleep(100);
        }
        owner.setAutoCommit(false);
        owner.createStatement().execute("SELECT pg_advisory_xact_lock(" + 0x7469706c696e6573L + ")");
        long position;
        byte[] link;
        try (var rs = owner.createStatement()
                .executeQuery("SELECT position, link FROM audit_seal ORDER BY position DESC LIMIT 1")) {
            position = rs.next() ? rs.getLong(1) : 0;
            link = position == 0 ? AuditChain.GENESIS : rs.getBytes(2);
        }
        long sequence;
        try (var rs = owner.createStatement().executeQuery("SELECT coalesce(max(sequence), 0) FROM audit_entry")) {
            rs.next();
            sequence = rs.getLong(1);
        }
        owner.createStatement()
                .execute("SELECT setval('audit_entry_sequence', " + (sequence + 1_000_000 - position) + ")");
        var entries = new StringBuilder();
        var seals = new StringBuilder();
        var hex = java.util.HexFormat.of();
        java.time.Instant at = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        var copier = owner.unwrap(org.postgresql.PGConnection.class).getCopyAPI();
        while (position < 1_000_000) {
            var entry = new AuditEntry(++sequence, at, "bench", "TIP_OPENED", UUID.randomUUID(), "");
            link = AuditChain.link(link, entry);
            entries.append(sequence)
                    .append('\t')
                    .append(at)
                    .append("\tbench\tTIP_OPENED\t")
                    .append(entry.tipId())
                    .append("\t\n");
            seals.append(++position)
                    .append('\t')
                    .append(sequence)
                    .append("\t\\\\x")
                    .append(hex.formatHex(link))
                    .append('\n');
            if (seals.length() > 8_000_000 || position == 1_000_000) {
                copier.copyIn(
                        "COPY audit_entry (sequence, occurred_at, actor, action, tip_id, detail) FROM STDIN",
                        new java.io.StringReader(entries.toString()));
                copier.copyIn(
                        "COPY audit_seal (position, sequence, link) FROM STDIN",
                        new java.io.StringReader(seals.toString()));
                entries.setLength(0);
                seals.setLength(0);
            }
        }
        // Signed with the console's own key before the seal lock is released, so the console's scheduled checkpoint
        // finds this size covered, and every checkpoint in the database verifies under one key.
        var key = AuditVerifier.privateKey(Files.readString(checkpointKey));
        AuditVerifier.checkpoint(owner, key, java.time.Instant.now());
        owner.commit();
        owner.setAutoCommit(true);
        System.out.printf(
                "stored 1,000,000 audit entries and a checkpoint in %d s%n",
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
        long[] runs = new long[3];
        for (int i = 0; i < runs.length; i++) {
            long t0 = System.nanoTime();
            var result = AuditVerifier.verify(owner, key.generatePublicKey());
            runs[i] = System.nanoTime() - t0;
            if (!result.intact() || result.entries() != 1_000_000) {
                throw new IllegalStateException("verification did not pass: " + result);
            }
        }
        Latencies.report("verify 1,000,000 audit entries and their checkpoint (3 runs)", runs);
    }

    private static List<UUID> storeTips(Connection owner, TipLineKeyPair key) throws Exception {
        long started = System.nanoTime();
        try (var statement = owner.createStatement()) {
            statement.executeUpdate("""
                    INSERT INTO tip (id, received_at, urgency_tier, urgency_rank, child_protection_required, status,
                                     schema_version, receipt_lookup, close_reason, place_type)
                    SELECT gen_random_uuid(), now() - random() * interval '730 days', 'STANDARD', 2, false, 'CLOSED',
                           2, sha256(('bench-closed-' || g)::text::bytea), 'INSUFFICIENT', 'residence'
                    FROM generate_series(1, %d) g
                    """.formatted(STORED - OPEN));
            statement.executeUpdate("""
                    INSERT INTO tip (id, received_at, urgency_tier, urgency_rank, child_protection_required,
                                     schema_version, receipt_lookup, place_type)
                    SELECT gen_random_uuid(), now() - random() * interval '30 days',
                           (ARRAY['IMMEDIATE', 'MINOR', 'STANDARD', 'STANDARD'])[1 + g %% 4],
                           (ARRAY[0, 1, 2, 2])[1 + g %% 4], g %% 4 = 1, 2,
                           sha256(('bench-open-' || g)::text::bytea), 'hotel-motel'
                    FROM generate_series(1, %d) g
                    """.formatted(OPEN - SEALED));
        }
        var urgency = GuidanceLoader.fromClasspath().urgency();
        List<UUID> sealed = new ArrayList<>();
        try (var insert = owner.prepareStatement(SealedTip.INSERT)) {
            for (int i = 0; i < SEALED; i++) {
                SealedTip tip = SealedTip.seal(
                        TipAnswers.builder()
                                .location("Sunrise Spa, 1200 Connecticut Ave, Norwalk")
                                .businessName("Sunrise Spa")
                                .placeType("massage-parlor")
                                .zip("06854")
                                .seenWhen("most nights after 10")
                                .people("two women about 20, a man about 45 who answers for them")
                                .youngestAge("18-25")
                                .vehicles("grey minivan CT AB-1234")
                                .indicators(List.of("appears-controlled", "lives-at-workplace"))
                                .details("lights on all night, customers by appointment only. ".repeat(8))
                                .onlineDetails("ad on a listings site, phone 203-555-0147")
                                .howKnown("saw-it")
                                .build(),
                        urgency,
                        key.publicKey());
                List<Object> parameters = tip.insertParameters();
                for (int p = 0; p < parameters.size(); p++) {
                    insert.setObject(p + 1, parameters.get(p));
                }
                insert.addBatch();
                sealed.add(tip.id());
            }
            insert.executeBatch();
            owner.createStatement().execute("ANALYZE tip");
        }
        System.out.printf(
                "stored %,d tips (%,d open, %,d sealed) in %d s%n",
                STORED,
                OPEN,
                SEALED,
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
        return sealed;
    }

    private static void warmUp(ConsoleSession session, List<UUID> sealed) throws Exception {
        for (int i = 0; i < 200; i++) {
            session.get("/queue");
            session.get("/tips/" + sealed.get(i % sealed.size()));
        }
    }

    private interface Request {
        HttpResponse<String> send(int index) throws Exception;
    }

    private static long[] measure(int count, Request request) throws Exception {
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            long t0 = System.nanoTime();
            var response = request.send(i);
            nanos[i] = System.nanoTime() - t0;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode() + " during measurement");
            }
        }
        return nanos;
    }
}

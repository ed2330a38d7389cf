package org.tipline.benchmarks;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tipline.model.crypto.TipLineKeyPair;

/**
 * Staff actions per second with one and with two triage replicas, each behind the same nginx (issue 18 item 4): eight
 * coordinators claim with "take next", paced (every 100 ms each) for the latency and without pause for the
 * throughput. Behind two replicas the coordinators are pinned four and four by the balancer's route cookie.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.tipline.benchmarks.ReplicaLoad \
 *     http://127.0.0.1:PORT_ONE http://127.0.0.1:PORT_TWO jdbc:postgresql://127.0.0.1:5432/db?user=postgres \
 *     demo-accounts.txt</pre>
 */
public final class ReplicaLoad {

    private static final int COORDINATORS = 8;
    private static final int OPEN = 60_000;

    private ReplicaLoad() {}

    public static void main(String[] args) throws Exception {
        URI one = URI.create(args[0]);
        URI two = URI.create(args[1]);
        for (URI base : List.of(one, two)) {
            if (!Set.of("127.0.0.1", "localhost", "[::1]").contains(base.getHost())) {
                throw new IllegalArgumentException("load is only ever sent to this machine");
            }
        }
        List<ConsoleSession.Staff> coordinators = new ArrayList<>();
        try (Connection owner = DriverManager.getConnection(args[2])) {
            TipLineKeyPair key = ConsoleSession.demoCoordinatorKey(owner, Files.readString(Path.of(args[3])));
            for (int i = 0; i < COORDINATORS; i++) {
                coordinators.add(ConsoleSession.Staff.provision(
                        owner, key, "replica-bench-" + i + "-" + System.nanoTime(), "COORDINATOR"));
            }
            key.wipe();
            storeOpenTips(owner);
        }
        measure("one replica", one, coordinators, 1);
        measure("two replicas", two, coordinators, 2);
    }

    private static void measure(String label, URI base, List<ConsoleSession.Staff> coordinators, int replicas)
            throws Exception {
        List<ConsoleSession> sessions = pinned(base, coordinators, replicas);
        TakeNext.inParallel(label + ", warm-up", sessions, Duration.ofSeconds(10), Duration.ZERO);
        TakeNext.inParallel(label, sessions, Duration.ofSeconds(10), Duration.ofMillis(100));
        double saturated = TakeNext.inParallel(label, sessions, Duration.ofSeconds(20), Duration.ZERO);
        System.out.printf("staff actions per second, %s: %.0f%n", label, saturated);
    }

    /** Opens browsers until each replica has its share of the coordinators, then signs each in where it landed. */
    private static List<ConsoleSession> pinned(URI base, List<ConsoleSession.Staff> coordinators, int replicas)
            throws Exception {
        int share = coordinators.size() / replicas;
        Map<String, Integer> perReplica = new HashMap<>();
        List<ConsoleSession> sessions = new ArrayList<>();
        for (ConsoleSession.Staff staff : coordinators) {
            ConsoleSession session = ConsoleSession.open(base);
            for (int tries = 0; tries < 100 && perReplica.getOrDefault(session.replica(), 0) >= share; tries++) {
                session = ConsoleSession.open(base);
            }
            perReplica.merge(session.replica(), 1, Integer::sum);
            sessions.add(session.signIn(staff));
        }
        System.out.println("coordinators per replica: " + perReplica);
        return sessions;
    }

    private static void storeOpenTips(Connection owner) throws Exception {
        try (var statement = owner.createStatement()) {
            statement.executeUpdate("""
                    INSERT INTO tip (id, received_at, urgency_tier, urgency_rank, child_protection_required,
                                     schema_version, receipt_lookup, place_type)
                    SELECT gen_random_uuid(), now() - random() * interval '30 days', 'STANDARD', 2, false, 2,
                           sha256(('replica-bench-' || g)::text::bytea), 'hotel-motel'
                    FROM generate_series(1, %d) g
                    """.formatted(OPEN));
            statement.execute("ANALYZE tip");
        }
    }
}

package org.tipline.benchmarks.attackday;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Issue 14's attack day: every attack at once against the launcher on this machine, for a bounded time, while a
 * genuine tipster files and follows up and a genuine coordinator signs in and works. Prints each genuine flow's
 * success rate, each attack's responses, and each app's peak heap, readiness and OutOfMemoryError count.
 * Exit status 0 only when every genuine flow always succeeded, no attack got a 5xx, and no app ran out of memory.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.tipline.benchmarks.attackday.AttackDay \
 *     http://127.0.0.1:8080 http://127.0.0.1:8081 .tipline 120</pre>
 */
public final class AttackDay {

    private AttackDay() {}

    public static void main(String[] args) throws Exception {
        URI intake = URI.create(args[0]);
        URI triage = URI.create(args[1]);
        Path data = Path.of(args[2]);
        Duration length = Duration.ofSeconds(Long.parseLong(args[3]));
        if (length.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("the attack day is bounded: at most 10 minutes");
        }
        var tipster = new GenuineTipster(intake);
        var coordinator = new GenuineCoordinator(triage, Files.readString(data.resolve("demo-accounts.txt")));
        var attacks = new Attacks(intake, triage, coordinator.username()).all();
        var monitors =
                List.of(new AppMonitor("intake-web", intake, data), new AppMonitor("triage-service", triage, data));

        long deadline = System.nanoTime() + length.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (var attack : attacks) {
            for (int i = 0; i < attack.attackers(); i++) {
                threads.add(start("attacker", () -> {
                    while (System.nanoTime() < deadline) {
                        try {
                            attack.tally().record(false, attack.attempt().once());
                        } catch (Exception e) {
                            attack.tally().record(false, Web.outcome(e));
                        }
                    }
                }));
            }
        }
        threads.add(start("genuine tipster", () -> tipster.runUntil(deadline)));
        threads.add(start("genuine coordinator", () -> {
            try {
                coordinator.runUntil(deadline);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        System.out.printf(
                "Attack day: %d attackers and 2 genuine users for %d s%n", threads.size() - 2, length.toSeconds());
        while (System.nanoTime() < deadline) {
            monitors.forEach(AppMonitor::sample);
            Thread.sleep(2000);
        }
        for (Thread thread : threads) {
            // A request still in flight ends at its own timeout.
            thread.join(Web.TIMEOUT.toMillis() + 5000);
        }
        monitors.forEach(AppMonitor::sample);

        System.out.println("\nGenuine users (goal: 100%)");
        List<Tally> genuine =
                List.of(tipster.filed, tipster.followedUp, tipster.added, coordinator.signIns, coordinator.work);
        genuine.forEach(t -> System.out.println("  " + t.successLine()));
        System.out.println("\nAttacks (goal: no 5xx)");
        attacks.forEach(a -> System.out.println("  " + a.tally().attackLine()));
        System.out.println("\nApps (goal: healthy, 0 OutOfMemoryError)");
        long outOfMemory = 0;
        for (var monitor : monitors) {
            System.out.println("  " + monitor.report());
            outOfMemory += monitor.outOfMemoryErrors();
        }
        boolean passed = genuine.stream().allMatch(t -> t.tries() > 0 && t.successes() == t.tries())
                && attacks.stream().allMatch(a -> a.tally().serverErrors() == 0)
                && outOfMemory == 0;
        System.out.println("\n" + (passed ? "PASSED" : "FAILED") + ": the tip line "
                + (passed ? "held" : "did not hold") + " under attack");
        System.exit(passed ? 0 : 1);
    }

    private static Thread start(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}

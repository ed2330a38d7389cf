package org.tipline.benchmarks.attackday;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Issue 14's attack day against the launcher on this machine: first the genuine users alone (the baseline), then
 * every attack at once for a bounded time while a genuine tipster files and follows up and a genuine coordinator
 * signs in and works. Prints each genuine flow's success rate, each attack's responses, the audit entries the attack
 * caused, and each app's peak heap, readiness and OutOfMemoryError count. Exit status 0 only when every genuine step
 * succeeded under attack, no attack got a 5xx but the apps' deliberate 503 busy pages, and no app ran out of memory.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.tipline.benchmarks.attackday.AttackDay \
 *     http://127.0.0.1:8080 http://127.0.0.1:8081 .tipline 120 35 jdbc:postgresql://127.0.0.1:54329/tipline</pre>
 */
public final class AttackDay {

    private AttackDay() {}

    public static void main(String[] args) throws Exception {
        URI intake = URI.create(args[0]);
        URI triage = URI.create(args[1]);
        Path data = Path.of(args[2]);
        Duration attack = Duration.ofSeconds(Long.parseLong(args[3]));
        Duration baseline = Duration.ofSeconds(args.length > 4 ? Long.parseLong(args[4]) : 0);
        if (attack.plus(baseline).compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("the attack day is bounded: at most 10 minutes");
        }
        var audit = AuditTrail.of(args.length > 5 ? args[5] : null, data);
        var coordinator = new GenuineCoordinator(triage, Files.readString(data.resolve("demo-accounts.txt")));

        if (!baseline.isZero()) {
            System.out.printf("Baseline: the genuine users alone for %d s%n", baseline.toSeconds());
            var calm = new Phase(intake, triage, data, coordinator, false);
            calm.run(baseline);
            calm.genuine().forEach(t -> System.out.println("  " + t.successLine()));
        }

        var attacked = new Phase(intake, triage, data, coordinator, true);
        Map<String, Long> auditBefore = audit == null ? Map.of() : audit.countsByAction();
        System.out.printf(
                "%nUnder attack: %d attackers and the genuine users for %d s%n",
                attacked.attacks().stream().mapToInt(Attacks.Attack::attackers).sum(), attack.toSeconds());
        attacked.run(attack);

        System.out.println("\nGenuine users under attack (goal: 100%)");
        attacked.genuine().forEach(t -> System.out.println("  " + t.successLine()));
        System.out.println("\nAttacks (goal: no 5xx; a 503 busy page for the attacker is by design)");
        attacked.attacks().forEach(a -> System.out.println("  " + a.tally().attackLine()));
        if (audit != null) {
            System.out.println("\n5 audit entries written during the attack, by action (goal: aggregated, bounded)");
            System.out.println("  " + AuditTrail.added(auditBefore, audit.countsByAction()));
        }
        System.out.println("\nApps (goal: healthy, 0 OutOfMemoryError)");
        long outOfMemory = 0;
        for (var monitor : attacked.monitors()) {
            System.out.println("  " + monitor.report());
            outOfMemory += monitor.outOfMemoryErrors();
        }
        List<Tally> genuine = attacked.genuine();
        boolean held = genuine.stream().allMatch(t -> t.tries() > 0 && t.successes() == t.tries())
                && attacked.attacks().stream().allMatch(a -> a.tally().serverErrors() == 0)
                && outOfMemory == 0;
        System.out.println(
                "\n" + (held ? "PASSED: the tip line held under attack" : "FAILED: the tip line did not hold"));
        System.exit(held ? 0 : 1);
    }
}

package org.tipline.benchmarks.attackday;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A stretch of time with the genuine users at work, with or without every attack at once, and its tallies. */
final class Phase {

    private final GenuineTipster tipster;
    private final GenuineCoordinator coordinator;
    private final List<Attacks.Attack> attacks;
    private final List<AppMonitor> monitors;

    Phase(URI intake, URI triage, Path data, GenuineCoordinator coordinator, boolean underAttack) throws IOException {
        this.tipster = new GenuineTipster(intake);
        this.coordinator = coordinator;
        coordinator.startCounting();
        this.attacks = underAttack ? new Attacks(intake, triage, coordinator.username()).all() : List.of();
        this.monitors =
                List.of(new AppMonitor("intake-web", intake, data), new AppMonitor("triage-service", triage, data));
    }

    void run(Duration length) throws InterruptedException {
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
        threads.add(start("genuine tipster without JavaScript", () -> tipster.runWithoutScriptUntil(deadline)));
        threads.add(start("genuine coordinator", () -> coordinator.runUntil(deadline)));
        for (var monitor : monitors) {
            // Each app watched on its own, so a struggling one does not thin the other's samples.
            threads.add(start("monitor", () -> {
                while (System.nanoTime() < deadline) {
                    monitor.sample();
                    sleep(1000);
                }
            }));
        }
        for (Thread thread : threads) {
            // A request still in flight ends at its own timeout.
            thread.join(Web.TIMEOUT.toMillis() + 5000);
        }
        monitors.forEach(AppMonitor::sample);
    }

    List<Tally> genuine() {
        return List.of(
                tipster.filed,
                tipster.filedWithoutScript,
                tipster.followedUp,
                tipster.added,
                tipster.photoAdded,
                coordinator.signIns(),
                coordinator.work());
    }

    List<Attacks.Attack> attacks() {
        return attacks;
    }

    List<AppMonitor> monitors() {
        return monitors;
    }

    private static Thread start(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

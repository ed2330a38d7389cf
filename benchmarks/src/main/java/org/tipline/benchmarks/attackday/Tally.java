package org.tipline.benchmarks.attackday;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts per flow or attack: how many tries, how many succeeded, and which HTTP statuses (or errors) came back. */
final class Tally {

    private final String name;
    private final LongAdder tries = new LongAdder();
    private final LongAdder successes = new LongAdder();
    private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();

    Tally(String name) {
        this.name = name;
    }

    void record(boolean success, String outcome) {
        tries.increment();
        if (success) {
            successes.increment();
        }
        outcomes.computeIfAbsent(outcome, o -> new LongAdder()).increment();
    }

    long tries() {
        return tries.sum();
    }

    long successes() {
        return successes.sum();
    }

    private static final java.util.regex.Pattern SERVER_ERROR =
            java.util.regex.Pattern.compile("(^|\\s)5(0[0-24-9]|[1-9]\\d)(\\s|$)");
    private static final java.util.regex.Pattern BUSY = java.util.regex.Pattern.compile("(^|\\s)503(\\s|$)");

    /**
     * Responses with a 5xx status other than 503 (an outcome naming one): an attack must never produce one. A 503 is
     * the apps' deliberate "busy, try again" page when a memory budget is full (ADR 18, uploads), counted apart.
     */
    long serverErrors() {
        return count(SERVER_ERROR);
    }

    long busy() {
        return count(BUSY);
    }

    private long count(java.util.regex.Pattern status) {
        return outcomes.entrySet().stream()
                .filter(e -> status.matcher(e.getKey()).find())
                .mapToLong(e -> e.getValue().sum())
                .sum();
    }

    String successLine() {
        long n = tries();
        return String.format(
                "%-44s %5d/%-5d = %6.1f%%   %s",
                name, successes(), n, n == 0 ? 0.0 : 100.0 * successes() / n, outcomes());
    }

    String attackLine() {
        return String.format(
                "%-44s %6d requests, 5xx: %d, 503 busy: %d   %s", name, tries(), serverErrors(), busy(), outcomes());
    }

    private Map<String, Long> outcomes() {
        Map<String, Long> sorted = new TreeMap<>();
        outcomes.forEach((k, v) -> sorted.put(k, v.sum()));
        return sorted;
    }
}

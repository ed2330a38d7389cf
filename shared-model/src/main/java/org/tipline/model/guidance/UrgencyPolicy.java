package org.tipline.model.guidance;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.tipline.model.tip.TipAnswers;

/**
 * The seeds' urgency rules. Every rule with a matching condition applies (ADR 21): the most urgent of their tiers (lowest
 * rank) orders the tip, and a child-protection referral is required when any of them requires one, so a child in
 * danger right now is both handled first and referred to child protection. The result is the only thing derived from a
 * tip's content that is stored in clear, because it orders the queue.
 */
public record UrgencyPolicy(List<Tier> tiers, List<Rule> rules, String defaultTier) {

    public record Tier(String id, Integer rank, Integer firstLookMinutes, LocalizedText label) {}

    /** {@code childProtectionReferral} may be left out of the seeds and then means false. */
    public record Rule(String tier, Boolean childProtectionReferral, List<Condition> whenAny) {

        public boolean requiresChildProtection() {
            return Boolean.TRUE.equals(childProtectionReferral);
        }
    }

    /** Exactly one of indicator, happeningNow and answer is set; anyOf goes with answer (a CHOICE question id). */
    public record Condition(String indicator, Boolean happeningNow, String answer, List<String> anyOf) {

        boolean matches(TipAnswers answers) {
            if (indicator != null) {
                return answers.indicators().contains(indicator);
            }
            if (answer != null) {
                return anyOf != null && answers.choices(answer).stream().anyMatch(anyOf::contains);
            }
            return Objects.equals(happeningNow, answers.happeningNow());
        }
    }

    public record Assessment(Tier tier, boolean childProtectionReferral) {}

    /**
     * Whether a tip in this tier was put there for a child: only tiers that a child-protection rule assigns. A tip
     * that may involve a minor in any other tier (one happening now) needs saying so beside its tier.
     */
    public boolean tierMeansMinor(String tierId) {
        return rules.stream().anyMatch(rule -> rule.tier().equals(tierId) && rule.requiresChildProtection());
    }

    public Assessment assess(TipAnswers answers) {
        List<Rule> matching = rules.stream()
                .filter(rule -> rule.whenAny().stream().anyMatch(condition -> condition.matches(answers)))
                .toList();
        Tier mostUrgent = matching.stream()
                .map(rule -> tier(rule.tier()))
                .min(Comparator.comparing(Tier::rank))
                .orElseGet(() -> tier(defaultTier));
        return new Assessment(mostUrgent, matching.stream().anyMatch(Rule::requiresChildProtection));
    }

    public Tier tier(String id) {
        return tiers.stream()
                .filter(tier -> tier.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown urgency tier " + id));
    }

    public List<Tier> tiersByRank() {
        return tiers.stream().sorted(Comparator.comparing(Tier::rank)).toList();
    }
}

package org.tipline.triage.tips.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.tipline.triage.tips.TipCases;
import org.tipline.triage.tips.TipIds;
import org.tipline.triage.tips.TipReading;

/**
 * The tips a coordinator can pick for "same case" or "duplicate of" instead of typing an id: those that share a detail
 * with this one, those already in its case, and those opened recently in this session. Each once, in that order.
 */
final class TipChoices {

    /** How many recently opened tips are offered. */
    static final int RECENT = 10;

    private TipChoices() {}

    /** A tip to pick: its short id as the console shows it, and the message code saying why it is offered. */
    record Choice(UUID id, String shortId, String why) {}

    static List<Choice> of(TipReading.OpenedTip opened, List<UUID> recentlyOpened) {
        UUID self = opened.tip().id();
        Map<UUID, String> why = new LinkedHashMap<>();
        opened.linkedTips().forEach(other -> why.putIfAbsent(other, "tip.pick.linked"));
        for (TipCases.CaseMember member : opened.sameCase()) {
            why.putIfAbsent(member.tipId(), "tip.pick.sameCase");
        }
        recentlyOpened.stream().limit(RECENT).forEach(recent -> why.putIfAbsent(recent, "tip.pick.recent"));
        why.remove(self);
        List<Choice> choices = new ArrayList<>();
        why.forEach((id, reason) -> choices.add(new Choice(id, id.toString().substring(0, TipIds.SHORT), reason)));
        return choices;
    }
}

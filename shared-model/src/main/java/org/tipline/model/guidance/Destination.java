package org.tipline.model.guidance;

import java.util.List;

/** Somewhere a coordinator can forward a tip. {@code tiers} lists the urgency tiers it is suggested for. */
public record Destination(
        String id,
        Kind kind,
        LocalizedText name,
        String phone,
        String text,
        String textKeyword,
        LocalizedText hours,
        LocalizedText appliesWhen,
        List<String> tiers,
        String source) {

    public enum Kind {
        EMERGENCY,
        LOCAL_POLICE,
        STATE_POLICE,
        CHILD_PROTECTION,
        NATIONAL_HOTLINE
    }
}

package org.tipline.model.guidance;

import java.time.ZoneId;
import java.util.List;

/** Where the line serves. {@code timeZone} is the zone the console shows times in; seeds without it show UTC. */
public record Deployment(
        String city,
        String state,
        String country,
        List<String> languages,
        String defaultLanguage,
        String emergencyNumber,
        LocalizedText name,
        String timeZone) {

    public ZoneId zone() {
        return timeZone == null ? ZoneId.of("UTC") : ZoneId.of(timeZone);
    }
}

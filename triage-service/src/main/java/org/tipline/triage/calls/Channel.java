package org.tipline.triage.calls;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** How a tip reached the tip line; stored in clear in {@code tip.channel} (V18). Intake files only web tips. */
public enum Channel {
    WEB("web"),
    PHONE("phone"),
    WALK_IN("walk-in"),
    OTHER("other");

    private final String id;

    Channel(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The channels staff can enter a tip for: everything but the public form. */
    public static List<Channel> enteredByStaff() {
        return List.of(PHONE, WALK_IN, OTHER);
    }

    public static Optional<Channel> byId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }
}

package org.tipline.triage.referrals;

/**
 * What a coordinator may share with a destination. How the tipster knows what they saw is never offered: it is the
 * answer most likely to identify them ("I work there"). The tipster's files are not offered either: even without
 * metadata, a photo can show where it was taken from.
 */
public enum PacketField {
    PLACE("Where: address, city, ZIP, business and type of place"),
    WHEN("When, and whether it was happening at the time"),
    PEOPLE("The people seen"),
    VEHICLES("The vehicles seen"),
    SIGNS("Warning signs the tipster ticked"),
    DETAILS("What the tipster described (edit below to remove anything that could identify them)"),
    ONLINE("Online details: ads, sites, accounts, phone numbers (edit below as well)");

    private final String label;

    PacketField(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

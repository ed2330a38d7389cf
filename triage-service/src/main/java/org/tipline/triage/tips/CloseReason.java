package org.tipline.triage.tips;

/** Why a tip was closed; stored with it and shown in reports. */
public enum CloseReason {
    REFERRED("Forwarded; nothing more to do here"),
    INSUFFICIENT("Not enough to act on"),
    DUPLICATE("Duplicate of another tip"),
    NOT_TRAFFICKING("Not trafficking"),
    SPAM("Spam or abuse");

    private final String label;

    CloseReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

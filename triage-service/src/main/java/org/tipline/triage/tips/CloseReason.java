package org.tipline.triage.tips;

/** Why a tip was closed; stored with it and shown in reports, worded by {@code closeReason.*} in the messages. */
public enum CloseReason {
    REFERRED,
    INSUFFICIENT,
    DUPLICATE,
    NOT_TRAFFICKING,
    SPAM
}

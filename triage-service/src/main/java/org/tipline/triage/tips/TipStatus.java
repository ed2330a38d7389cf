package org.tipline.triage.tips;

public enum TipStatus {
    NEW,
    IN_REVIEW,
    AWAITING_TIPSTER,
    REFERRED,
    CLOSED
}

package org.tipline.triage.alerts;

import java.time.Instant;
import java.util.UUID;

/**
 * One claimed row of the alert outbox: which tip, its tier, the channel, when it was queued. {@code lease} is the
 * {@code next_attempt_at} the claim wrote; the outcome is recorded only while it is still there (ADR 24).
 */
record UrgentAlert(long id, UUID tipId, String tier, String channel, Instant createdAt, int attempts, Instant lease) {}

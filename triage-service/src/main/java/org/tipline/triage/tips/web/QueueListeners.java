package org.tipline.triage.tips.web;

import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.tipline.model.guidance.Guidance;
import org.tipline.model.guidance.UrgencyPolicy;
import org.tipline.triage.staff.SessionLimits;
import org.tipline.triage.tips.QueueChanges;

/**
 * The coordinators' pages listening for queue changes on this replica. Each replica looks at the database itself
 * and tells its own listeners (reading is not a job that must run once). Listeners are capped: a stream holds a
 * connection, and the queue page works without one (it falls back to reloading).
 *
 * <p>When the replica shuts down, its streams are ended before the web server's graceful shutdown begins: that waits
 * for open requests, and a stream (ten minutes long, its heartbeats stopped with the scheduler) held every shutdown
 * for the whole grace period. Browsers reconnect on their own, to a replica that is still running.
 */
@Component
class QueueListeners implements SmartLifecycle {

    /** A stream ends after this long and the browser opens a new one, so a signed-out session is noticed. */
    static final long STREAM_MILLIS = 10 * 60 * 1000L;

    private static final long RECONNECT_MILLIS = 5_000;

    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private Instant lastHeartbeat = Instant.EPOCH;

    private record Listener(SseEmitter emitter, HttpSession session, String language) {}

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean running;
    private final QueueChanges changes;
    private final SessionLimits sessionLimits;
    private final int maxListeners;
    private final UrgencyPolicy urgency;

    QueueListeners(
            QueueChanges changes,
            SessionLimits sessionLimits,
            Guidance guidance,
            @Value("${tipline.triage.live.max-listeners:200}") int maxListeners) {
        this.changes = changes;
        this.sessionLimits = sessionLimits;
        this.maxListeners = maxListeners;
        this.urgency = guidance.urgency();
    }

    /** A new stream, or empty when this replica already holds as many as it allows. */
    Optional<SseEmitter> listen(HttpSession session, Locale locale) {
        if (!running || listeners.size() >= maxListeners) {
            return Optional.empty();
        }
        SseEmitter emitter = new SseEmitter(STREAM_MILLIS);
        Listener listener = new Listener(emitter, session, locale.getLanguage());
        listeners.add(listener);
        emitter.onCompletion(() -> listeners.remove(listener));
        emitter.onTimeout(emitter::complete);
        emitter.onError(error -> listeners.remove(listener));
        try {
            // Sent at once, so the browser knows the stream is open, and told to wait a little before reconnecting.
            emitter.send(SseEmitter.event().comment("open").reconnectTime(RECONNECT_MILLIS));
        } catch (IOException e) {
            listeners.remove(listener);
            return Optional.empty();
        }
        return Optional.of(emitter);
    }

    int count() {
        return listeners.size();
    }

    @Override
    public void start() {
        running = true;
    }

    /** Runs in the first phase of shutdown, before the web server waits for open requests. */
    @Override
    public void stop() {
        running = false;
        for (Listener listener : listeners) {
            listener.emitter().complete();
        }
        listeners.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Scheduled(fixedDelayString = "${tipline.triage.live.poll:PT3S}")
    void announce() {
        if (listeners.isEmpty()) {
            return;
        }
        List<QueueChanges.Change> found = changes.sinceLastLook();
        Instant now = Instant.now();
        // A comment now and then finds streams whose browser has gone, and keeps proxies from closing quiet ones.
        boolean heartbeat = now.isAfter(lastHeartbeat.plus(HEARTBEAT));
        if (heartbeat) {
            lastHeartbeat = now;
        }
        for (Listener listener : listeners) {
            if (sessionLimits.expired(listener.session())) {
                listener.emitter().complete();
                listeners.remove(listener);
                continue;
            }
            try {
                if (!found.isEmpty()) {
                    listener.emitter()
                            .send(SseEmitter.event()
                                    .name("queue")
                                    .data(payload(found, listener.language()), MediaType.APPLICATION_JSON));
                } else if (heartbeat) {
                    listener.emitter().send(SseEmitter.event().comment(""));
                }
            } catch (IOException | IllegalStateException gone) {
                listeners.remove(listener);
            }
        }
    }

    /** Ids and the tier's label only: nothing a tipster wrote. */
    private List<Map<String, Object>> payload(List<QueueChanges.Change> found, String language) {
        return found.stream()
                .map(change -> Map.<String, Object>of(
                        "kind", change.kind().name(),
                        "id", change.tipId().toString(),
                        "tier", urgency.tier(change.tier()).label().in(language),
                        "urgent", change.urgent()))
                .toList();
    }
}

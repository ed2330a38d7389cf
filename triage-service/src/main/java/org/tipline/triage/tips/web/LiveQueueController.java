package org.tipline.triage.tips.web;

import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.tipline.triage.staff.SessionLimits;

/** The queue's live stream: new tips, urgent ones named, and tipsters' replies, as they arrive. */
@Controller
@RequiredArgsConstructor
class LiveQueueController {

    private final QueueListeners listeners;

    @GetMapping(SessionLimits.PASSIVE_PATH)
    ResponseEntity<SseEmitter> events(HttpSession session, Locale locale) {
        return listeners
                .listen(session, locale)
                // A proxy that buffers would hold the events back until the stream ends.
                .map(emitter ->
                        ResponseEntity.ok().header("X-Accel-Buffering", "no").body(emitter))
                .orElseGet(() ->
                        ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build());
    }
}

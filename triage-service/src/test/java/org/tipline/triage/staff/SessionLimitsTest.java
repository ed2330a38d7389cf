package org.tipline.triage.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

class SessionLimitsTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-26T08:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final SessionLimits limits = new SessionLimits(clock, Duration.ofMinutes(30), Duration.ofHours(8));
    private final MockHttpSession session = new MockHttpSession();

    @Test
    void activeSessionsLiveUntilEightHoursThenEnd() throws Exception {
        limits.started(session);
        for (int minutes = 25; minutes < 8 * 60; minutes += 25) {
            now.set(Instant.parse("2026-11-26T08:00:00Z").plus(Duration.ofMinutes(minutes)));
            assertThat(request().getRedirectedUrl()).isNull();
        }
        now.set(Instant.parse("2026-11-26T16:00:01Z"));
        assertThat(request().getRedirectedUrl()).isEqualTo("/login?expired");
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void thirtyMinutesWithoutARequestEndTheSession() throws Exception {
        limits.started(session);
        now.set(now.get().plus(Duration.ofMinutes(29)));
        assertThat(request().getRedirectedUrl()).isNull();
        now.set(now.get().plus(Duration.ofMinutes(30).plusSeconds(1)));
        assertThat(request().getRedirectedUrl()).isEqualTo("/login?expired");
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void sessionsThatNeverSignedInAreLeftAlone() throws Exception {
        now.set(now.get().plus(Duration.ofDays(2)));
        assertThat(request().getRedirectedUrl()).isNull();
        assertThat(session.isInvalid()).isFalse();
    }

    private MockHttpServletResponse request() throws Exception {
        var request = new MockHttpServletRequest("GET", "/queue");
        request.setSession(session);
        var response = new MockHttpServletResponse();
        limits.doFilter(request, response, new MockFilterChain());
        return response;
    }
}

package org.tipline.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.tipline.model.tip.TipAnswers;
import org.tipline.testsupport.Ports;

/** A tip that arrives while triage is stopped is alerted when triage starts again: the outbox is in the database. */
class OnCallAlertsSurviveRestartTest {

    static final TriageTestSetup SETUP = new TriageTestSetup();

    @Test
    void anAlertQueuedWhileTriageWasDownIsSentWhenItIsBack() throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(Ports.free(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            // The first run migrates the schema; then triage is stopped.
            ConfigurableApplicationContext first = start(smtp);
            SETUP.provisionOnce();
            first.close();
            assertThat(first.isActive()).isFalse();
            UUID tipId = SETUP.fileTip(TipAnswers.builder()
                    .location("stopped triage")
                    .happeningNow(true)
                    .details("now")
                    .build());
            assertThat(SETUP.count(
                            "SELECT count(*) FROM alert_outbox WHERE status = 'PENDING' AND tip_id = '" + tipId + "'"))
                    .isEqualTo(2);

            ConfigurableApplicationContext again = start(smtp);
            try {
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> Arrays.stream(smtp.getReceivedMessages()).anyMatch(m -> {
                            try {
                                return m.getContent().toString().contains(tipId.toString());
                            } catch (Exception e) {
                                return false;
                            }
                        }));
            } finally {
                again.close();
            }
            assertThat(SETUP.count(
                            "SELECT count(*) FROM alert_outbox WHERE status = 'SENT' AND channel = 'EMAIL' AND tip_id = '"
                                    + tipId + "'"))
                    .isEqualTo(1);
            assertThat(SETUP.count(
                            "SELECT count(*) FROM alert_outbox WHERE status = 'NOT_CONFIGURED' AND channel = 'WEBHOOK' "
                                    + "AND tip_id = '" + tipId + "'"))
                    .as("no webhook is configured here, and the row says so instead of waiting forever")
                    .isEqualTo(1);
        } finally {
            smtp.stop();
        }
    }

    private static ConfigurableApplicationContext start(GreenMail smtp) {
        Map<String, Object> properties = new LinkedHashMap<>(SETUP.properties());
        properties.put("server.port", "0");
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", smtp.getSmtp().getPort());
        properties.put("tipline.triage.alerts.email", "oncall@tipline.example");
        properties.put("tipline.triage.alerts.poll", "PT1S");
        String[] arguments = properties.entrySet().stream()
                .map(p -> "--" + p.getKey() + "=" + p.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(TriageApplication.class).run(arguments);
    }
}

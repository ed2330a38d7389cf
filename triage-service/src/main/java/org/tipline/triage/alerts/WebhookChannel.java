package org.tipline.triage.alerts;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The on-call webhook: a JSON POST per urgent tip, signed with HMAC-SHA256 over "timestamp.body" so the receiver can
 * refuse forgeries. Unsigned webhooks are refused at start. Never called with a connection or row lock held.
 */
@Component
class WebhookChannel {

    static final String SIGNATURE_HEADER = "Tipline-Signature";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AlertProperties properties;
    private final Clock clock;
    private final byte[] secret;
    private final HttpClient http;

    WebhookChannel(AlertProperties properties, Clock clock) throws IOException {
        this.properties = properties;
        this.clock = clock;
        if (properties.webhook() != null && properties.webhookSecretFile() == null) {
            throw new IllegalStateException(
                    "tipline.triage.alerts.webhook is set but tipline.triage.alerts.webhook-secret-file is not:"
                            + " unsigned webhooks are refused");
        }
        this.secret = properties.webhookSecretFile() == null
                ? new byte[0]
                : Files.readString(properties.webhookSecretFile()).strip().getBytes(StandardCharsets.UTF_8);
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    boolean configured() {
        return properties.webhook() != null;
    }

    void send(UrgentAlert alert) throws IOException, InterruptedException, DeliveryRefused {
        var json = JSON.createObjectNode();
        json.put("event", "urgent_tip");
        json.put("alertId", alert.id());
        json.put("tipId", alert.tipId().toString());
        json.put("tier", alert.tier());
        json.put("receivedAt", alert.createdAt().toString());
        json.put("link", properties.link(alert.tipId()));
        String body = JSON.writeValueAsString(json);
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(properties.webhook())
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header(SIGNATURE_HEADER, "t=" + timestamp + ",v1=" + sign(timestamp + "." + body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status / 100 != 2) {
            throw new DeliveryRefused("the webhook answered HTTP " + status);
        }
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static final class DeliveryRefused extends Exception {
        DeliveryRefused(String message) {
            super(message);
        }
    }
}

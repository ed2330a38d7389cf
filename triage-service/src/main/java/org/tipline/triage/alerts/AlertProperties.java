package org.tipline.triage.alerts;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The on-call channel. Alerts carry the tier, the time and a console link, never tip content.
 *
 * @param email the on-call address for urgent alerts and the digest; empty for none
 * @param webhook a URL that receives a signed JSON POST per urgent tip; empty for none
 * @param webhookSecretFile a file holding the shared HMAC secret for the webhook's signature
 * @param consoleUrl the console's address as the on-call staff reach it, for links
 * @param poll how often the outbox is checked; alerts leave within this plus the send time
 * @param digestEvery how often the digest of the other tiers goes out (once across all replicas)
 * @param lease how long a claimed alert or digest is left to its sender before another replica may retry it; longer
 *     than the mail and webhook timeouts
 */
@ConfigurationProperties("tipline.triage.alerts")
public record AlertProperties(
        String email,
        URI webhook,
        Path webhookSecretFile,
        @DefaultValue("http://localhost:8081") String consoleUrl,
        @DefaultValue("PT10S") Duration poll,
        @DefaultValue("PT1H") Duration digestEvery,
        @DefaultValue("PT15S") Duration retryAfter,
        @DefaultValue("10") int maxAttempts,
        @DefaultValue("PT2M") Duration lease) {

    public AlertProperties {
        email = email == null || email.isBlank() ? null : email.strip();
        webhook = webhook == null || webhook.toString().isBlank() ? null : webhook;
        webhookSecretFile =
                webhookSecretFile == null || webhookSecretFile.toString().isBlank() ? null : webhookSecretFile;
    }

    /** The console's page for a tip, the only pointer to it an alert carries. */
    String link(java.util.UUID tipId) {
        return consoleUrl + "/tips/" + tipId;
    }
}

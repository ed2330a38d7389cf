package org.tipline.triage.referrals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How referrals leave by email. Each destination that takes email has an address and the path of its S/MIME
 * certificate (PEM), which the operator obtained from the destination and pinned here: mail is only ever sent
 * encrypted to that certificate.
 *
 * @param organisation the name the packet gives as the referring organisation; blank means the seeds' deployment name
 * @param from the sender address of referral and alert mail
 * @param email destination id to its address and certificate
 * @param retryAfter the wait before the first retry; each further retry waits twice as long
 * @param maxAttempts after this many failed attempts the referral is marked FAILED for a coordinator to act on
 * @param signingKey the tip line's own S/MIME private key (PEM); every referral email is signed with it, then
 *     encrypted, and email is not offered without it
 * @param signingCertificate the certificate of that key (PEM), sent inside each signature for destinations to pin
 * @param callbackContact how a destination reaches the tip line about a packet (a phone number, an address)
 */
@ConfigurationProperties("tipline.triage.referrals")
public record ReferralProperties(
        @DefaultValue("") String organisation,
        @DefaultValue("tipline@localhost") String from,
        Map<String, EmailDestination> email,
        @DefaultValue("PT30S") Duration retryAfter,
        @DefaultValue("8") int maxAttempts,
        Path signingKey,
        Path signingCertificate,
        @DefaultValue("") String callbackContact) {

    public ReferralProperties {
        email = email == null ? Map.of() : Map.copyOf(email);
    }

    public record EmailDestination(String address, Path certificate) {}
}

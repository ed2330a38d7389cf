package org.tipline.model.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {

    private static final byte[] RFC_SECRET = Bytes.utf8("12345678901234567890");

    /** RFC 6238 Appendix B, the SHA-1 column (8 digits). */
    @ParameterizedTest
    @CsvSource({
        "59, 94287082",
        "1111111109, 07081804",
        "1111111111, 14050471",
        "1234567890, 89005924",
        "2000000000, 69279037",
        "20000000000, 65353130"
    })
    void matchesTheRfc6238TestVectors(long unixSeconds, String expected) {
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(unixSeconds)), 8))
                .isEqualTo(expected);
    }

    @Test
    void acceptsOneStepOfDriftEitherSideAndNoMore() {
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        long step = Totp.step(now);
        for (long offset = -1; offset <= 1; offset++) {
            String code = Totp.code(RFC_SECRET, step + offset, Totp.DIGITS);
            assertThat(Totp.matchingStep(RFC_SECRET, code, now)).hasValue(step + offset);
        }
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step + 2, Totp.DIGITS), now))
                .isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 2, Totp.DIGITS), now))
                .isEmpty();
    }

    @Test
    void refusesMalformedCodesAndIgnoresSpaces() {
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        String code = Totp.code(RFC_SECRET, now);
        assertThat(Totp.matchingStep(RFC_SECRET, code.substring(0, 3) + " " + code.substring(3), now))
                .isPresent();
        assertThat(Totp.matchingStep(RFC_SECRET, "12345", now)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, "abcdef", now)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, null, now)).isEmpty();
    }

    @Test
    void base32RoundTripsAndMatchesRfc4648() {
        assertThat(Totp.base32(Bytes.utf8("foobar"))).isEqualTo("MZXW6YTBOI");
        byte[] secret = Totp.newSecret();
        assertThat(Totp.fromBase32(Totp.base32(secret))).isEqualTo(secret);
        assertThatThrownBy(() -> Totp.fromBase32("A1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void provisioningUriNamesIssuerAccountAndSecret() {
        byte[] secret = Bytes.utf8("foobar");
        assertThat(Totp.provisioningUri("Tipline staff", "casey", secret))
                .isEqualTo("otpauth://totp/Tipline%20staff:casey?secret=MZXW6YTBOI&issuer=Tipline%20staff"
                        + "&algorithm=SHA1&digits=6&period=30");
    }

    @Test
    void aSealedSecretOpensOnlyWithThePersonalKeyAndUsernameItWasSealedFor() {
        HpkeKeyPair personal = HpkeSuite.XWING.generateKeyPair();
        byte[] secret = Totp.newSecret();
        byte[] sealed = Totp.seal(HpkeSuite.XWING, personal.publicKey(), "casey", secret);

        assertThat(Totp.open(personal, "casey", sealed)).isEqualTo(secret);
        assertThatThrownBy(() -> Totp.open(personal, "sam", sealed)).isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> Totp.open(HpkeSuite.XWING.generateKeyPair(), "casey", sealed))
                .isInstanceOf(CryptoException.class);
    }
}

package org.tipline.triage.staff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "short",
                "elevenchars",
                "password1234",
                "P@ssw0rd2024!",
                "Qwerty123456789",
                "dragondragondragon",
                "111111111111",
                "abababababab",
                "Tipline2026!!",
                "casey-staff-2026"
            })
    void refusesShortCommonAndPersonalPasswords(String password) {
        assertThat(PasswordPolicy.problems("casey-staff", password)).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"harbour lantern quietly seven", "correct horse battery staple", "Mq7#vT2!pLx9wZ"})
    void acceptsLongUnguessablePasswords(String password) {
        assertThat(PasswordPolicy.problems("casey", password)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void refusesMoreThan256Characters() {
        assertThat(PasswordPolicy.problems("casey", "word ".repeat(60))).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Kite-Harbor-7342",
                "kite-harbor-7342",
                "KITE-HARBOR-7342!!",
                "Kite-Harbor-73",
                "kite harbor 7342",
                "Kite-Harbour-7343"
            })
    void aPasswordWithinThreeEditsOfTheOneTimeOneIsNearIt(String candidate) {
        assertThat(PasswordPolicy.near(candidate, "Kite-Harbor-7342".toCharArray()))
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Kite-Harbor-7342-lantern", "harbour lantern quietly seven", "Kite-Hxxxxx-7342"})
    void aPasswordFourOrMoreEditsAwayIsNotNear(String candidate) {
        assertThat(PasswordPolicy.near(candidate, "Kite-Harbor-7342".toCharArray()))
                .isFalse();
    }
}

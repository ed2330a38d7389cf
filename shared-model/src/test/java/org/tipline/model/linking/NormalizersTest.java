package org.tipline.model.linking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NormalizersTest {

    @Test
    void platesMatchHoweverTheyAreWritten() {
        assertThat(Normalizers.plate("ct", "ab-1234")).contains("CT:AB1234");
        assertThat(Normalizers.plate(" CT ", "AB 1234")).contains("CT:AB1234");
        assertThat(Normalizers.plate("NY", "OI1 5O5")).isEqualTo(Normalizers.plate("NY", "011505"));
        assertThat(Normalizers.plate("Connecticut", "AB1234")).isEmpty();
        assertThat(Normalizers.plate("CT", "---")).isEmpty();
        assertThat(Normalizers.plate("CT", "ABCDEFGHIJ")).isEmpty();
    }

    @Test
    void phonesBecomeE164() {
        assertThat(Normalizers.phone("(203) 854-3111")).contains("+12038543111");
        assertThat(Normalizers.phone("1-203-854-3111")).contains("+12038543111");
        assertThat(Normalizers.phone("203.854.3111")).contains("+12038543111");
        assertThat(Normalizers.phone("+44 20 7946 0958")).contains("+442079460958");
        assertThat(Normalizers.phone("854-3111")).isEmpty();
        assertThat(Normalizers.phone("call me")).isEmpty();
    }

    @Test
    void addressesUseUspsAbbreviations() {
        assertThat(Normalizers.address("12 North Main Street, Apartment 4")).contains("12 n main st apt 4");
        assertThat(Normalizers.address("12 N. Main St. Apt 4")).contains("12 n main st apt 4");
        assertThat(Normalizers.address("Main Street & Wall Street")).contains("main st & wall st");
        assertThat(Normalizers.address("MAIN ST AND WALL ST")).contains("main st & wall st");
        assertThat(Normalizers.address("  ")).isEmpty();
    }

    @Test
    void adUrlsIgnoreSchemeWwwTrackingAndTrailingSlash() {
        assertThat(Normalizers.url("https://www.Example.com/ads/123/?utm_source=x&id=7#photos"))
                .contains("example.com/ads/123?id=7");
        assertThat(Normalizers.url("example.com/ads/123?id=7")).contains("example.com/ads/123?id=7");
        assertThat(Normalizers.url("http://example.com/Ads/123")).contains("example.com/Ads/123");
        assertThat(Normalizers.url("not a url at all")).isEmpty();
    }

    @Test
    void businessNamesDropPunctuationAndLegalSuffixes() {
        assertThat(Normalizers.businessName("Golden Lotus Spa, LLC")).contains("golden lotus spa");
        assertThat(Normalizers.businessName("GOLDEN LOTUS SPA")).contains("golden lotus spa");
        assertThat(Normalizers.businessName("Nails & Spa Inc.")).contains("nails and spa");
        assertThat(Normalizers.businessName("LLC")).isEmpty();
    }
}

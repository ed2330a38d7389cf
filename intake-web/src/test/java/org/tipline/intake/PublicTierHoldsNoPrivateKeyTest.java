package org.tipline.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tipline.intake.fixture.HoldsAPrivateKey;
import org.tipline.intake.fixture.OpensATip;
import org.tipline.model.crypto.HpkeKeyPair;
import org.tipline.model.crypto.StaffKeyMaterial;
import org.tipline.model.crypto.TipLineKeyPair;
import org.tipline.model.crypto.TipLinePublicKey;
import org.tipline.testsupport.TiplineArchitecture;

/** Invariant 1: the public tier can encrypt and never decrypt. */
@SpringBootTest
class PublicTierHoldsNoPrivateKeyTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        IntakeTestDatabase.register(registry);
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    ConfigurableEnvironment environment;

    @Test
    void theContextHoldsThePublicKeyAndNoPrivateKeyType() {
        assertThat(context.getBeansOfType(TipLinePublicKey.class)).hasSize(1);
        assertThat(context.getBeansOfType(TipLineKeyPair.class)).isEmpty();
        assertThat(context.getBeansOfType(HpkeKeyPair.class)).isEmpty();
        assertThat(context.getBeansOfType(StaffKeyMaterial.class)).isEmpty();
        assertThat(context.getBeansOfType(java.security.PrivateKey.class)).isEmpty();
    }

    @Test
    void noConfigurationValueCarriesThePrivateKey() {
        byte[] privateKey = IntakeTestDatabase.TIP_LINE_KEY.keys().privateKey();
        String base64 = Base64.getEncoder().encodeToString(privateKey);
        String hex = HexFormat.of().formatHex(privateKey);
        int inspected = 0;
        for (var source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (String name : enumerable.getPropertyNames()) {
                    String value = String.valueOf(enumerable.getProperty(name));
                    assertThat(value).as(name).doesNotContain(base64).doesNotContainIgnoringCase(hex);
                    inspected++;
                }
            }
        }
        assertThat(inspected).isGreaterThan(20);
        assertThat(environment.getProperty("tipline.intake.public-key"))
                .isEqualTo(IntakeTestDatabase.TIP_LINE_KEY.publicKey().encode());
    }

    @Test
    void theRuleCatchesCodeThatOpensContentOrHoldsAPrivateKey() {
        var importer = new ClassFileImporter();

        assertThat(TiplineArchitecture.INTAKE_CANNOT_DECRYPT
                        .evaluate(importer.importClasses(OpensATip.class))
                        .hasViolation())
                .isTrue();
        assertThat(TiplineArchitecture.INTAKE_CANNOT_DECRYPT
                        .evaluate(importer.importClasses(HoldsAPrivateKey.class))
                        .hasViolation())
                .isTrue();
        assertThat(TiplineArchitecture.INTAKE_CANNOT_DECRYPT
                        .evaluate(importer.importClasses(org.tipline.intake.fixture.ReadsStaffCopies.class))
                        .getFailureReport()
                        .getDetails())
                .hasSize(2);
    }

    @Test
    void noIntakeCodeTouchesAPrivateKeyOrOpensSealedContent() {
        TiplineArchitecture.INTAKE_CANNOT_DECRYPT.check(new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.tipline.intake"));
    }
}

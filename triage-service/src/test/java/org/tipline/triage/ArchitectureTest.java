package org.tipline.triage;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tipline.testsupport.TiplineArchitecture;
import org.tipline.triage.persistence.JdbcAccess;
import org.tipline.triage.tips.RawTipWriterFixture;

class ArchitectureTest {

    private static final JavaClasses TRIAGE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.tipline.triage");

    private static final DescribedPredicate<JavaClass> SQL = DescribedPredicate.describe(
            "JdbcClient, JdbcTemplate or NamedParameterJdbcTemplate",
            type -> type.isEquivalentTo(JdbcClient.class)
                    || type.isEquivalentTo(JdbcTemplate.class)
                    || type.isEquivalentTo(NamedParameterJdbcTemplate.class));

    private static final DescribedPredicate<JavaClass> USE_SQL = DescribedPredicate.describe(
            "use " + SQL.getDescription(),
            type -> type.getDirectDependenciesFromSelf().stream().anyMatch(d -> SQL.test(d.getTargetClass())));

    /**
     * ADR 25: tip and referral rows are changed through their JPA entities. In the modules that own or purge them, a
     * class may use SQL only if it says why ({@link JdbcAccess}): read models, the tip's side tables, queue claims,
     * bulk work.
     */
    static final ArchRule SQL_IN_JPA_MODULES_SAYS_WHY = classes()
            .that()
            .resideInAnyPackage("org.tipline.triage.tips..", "org.tipline.triage.referrals..", "..triage.retention..")
            .and(USE_SQL)
            .should()
            .beAnnotatedWith(JdbcAccess.class)
            .because("ADR 25: tip and referral rows are written through their entities; SQL elsewhere says why");

    /** ADR 25: staff rows are SQL only, so no entity of them can go stale against the SQL that writes them. */
    static final ArchRule STAFF_HAS_NO_ENTITY = noClasses()
            .that()
            .resideInAPackage("org.tipline.triage.staff..")
            .should()
            .beAnnotatedWith(Entity.class)
            .orShould()
            .dependOnClassesThat()
            .resideInAPackage("org.springframework.data.repository..")
            .because("ADR 25: the staff aggregate is read and written with JdbcClient only");

    @Test
    void triageNeverImportsIntake() {
        TiplineArchitecture.TRIAGE_DOES_NOT_USE_INTAKE.check(TRIAGE);
    }

    @Test
    void onePersistenceStylePerAggregate() {
        SQL_IN_JPA_MODULES_SAYS_WHY.check(TRIAGE);
        STAFF_HAS_NO_ENTITY.check(TRIAGE);
    }

    @Test
    void aTipsClassWritingSqlWithoutSayingWhyFailsTheRule() {
        JavaClasses fixture = new ClassFileImporter().importClasses(RawTipWriterFixture.class);

        var result = SQL_IN_JPA_MODULES_SAYS_WHY.evaluate(fixture);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains(RawTipWriterFixture.class.getName());
    }
}

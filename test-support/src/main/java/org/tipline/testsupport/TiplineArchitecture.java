package org.tipline.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;

/** The module boundaries every module's architecture test enforces on its own classes. */
public final class TiplineArchitecture {

    private TiplineArchitecture() {}

    /** shared-model is plain Java: the domain and crypto must run without any framework. */
    public static final ArchRule SHARED_MODEL_IS_FREE_OF_SPRING = noClasses()
            .that()
            .resideInAPackage("org.tipline.model..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "jakarta.persistence..", "jakarta.servlet..")
            .because("shared-model stays a plain library that both apps and the launcher can use");

    /**
     * The JDBC entry points left in shared-model: key provisioning, and reading and checkpointing the sealed audit
     * chain. Both serve triage-service, the launcher (deploy) and the benchmarks, so no one app can own them; moving
     * them out needs a module of their own between shared-model and those three (db-schema would close a cycle through
     * test-support, which shared-model's tests use). Nothing else may join them.
     */
    private static final Set<String> JDBC_ENTRY_POINTS =
            Set.of("org.tipline.model.provisioning.Provisioning", "org.tipline.model.audit.AuditVerifier");

    /** shared-model is the domain and its crypto: talking to a database is the apps' and the launcher's business. */
    public static final ArchRule SHARED_MODEL_DOES_NOT_USE_JDBC = noClasses()
            .that()
            .resideInAPackage("org.tipline.model..")
            .and(DescribedPredicate.describe(
                    "are not the listed JDBC entry points",
                    javaClass -> !JDBC_ENTRY_POINTS.contains(javaClass.getName())
                            && javaClass
                                    .getEnclosingClass()
                                    .map(outer -> !JDBC_ENTRY_POINTS.contains(outer.getName()))
                                    .orElse(true)))
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("java.sql..", "javax.sql..")
            .because("shared-model stays a plain library: SQL lives with the apps and the launcher");

    /** The public tier must not reach into the staff tier; they meet only in PostgreSQL. */
    public static final ArchRule INTAKE_DOES_NOT_USE_TRIAGE = noClasses()
            .that()
            .resideInAPackage("org.tipline.intake..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.tipline.triage..")
            .because("intake-web and triage-service never import each other");

    private static final DescribedPredicate<JavaMethodCall> OPENS_SEALED_CONTENT = DescribedPredicate.describe(
            "open sealed content",
            call -> (call.getName().equals("open")
                            && call.getTargetOwner().getFullName().startsWith("org.tipline.model.crypto."))
                    || (call.getName().equals("open")
                            && call.getTargetOwner().getFullName().equals("org.tipline.model.tip.Attachments"))
                    || ((call.getName().equals("openQuestion") || call.getName().equals("openAnswer"))
                            && call.getTargetOwner().getFullName().equals("org.tipline.model.tip.Messages")));

    /**
     * The public tier encrypts and never decrypts: it may not touch private-key types or any opening operation.
     * Together with the configuration test this shows intake cannot read even one past tip.
     */
    public static final ArchRule INTAKE_CANNOT_DECRYPT = noClasses()
            .that()
            .resideInAPackage("org.tipline.intake..")
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("org.tipline.model.crypto.TipLineKeyPair")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("org.tipline.model.crypto.HpkeKeyPair")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("org.tipline.model.crypto.KeyGrant")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("org.tipline.model.crypto.StaffKeyMaterial")
            .orShould()
            .callMethodWhere(OPENS_SEALED_CONTENT)
            .because("the public tier holds only the tip line's public key");

    public static final ArchRule TRIAGE_DOES_NOT_USE_INTAKE = noClasses()
            .that()
            .resideInAPackage("org.tipline.triage..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.tipline.intake..")
            .because("intake-web and triage-service never import each other");
}

package org.tipline.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchRule;

/** The module boundaries every module's architecture test enforces on its own classes. */
public final class TiplineArchitecture {

    private TiplineArchitecture() {}

    /** shared-model and shared-jdbc are plain Java: the domain, crypto and their JDBC tools run without a framework. */
    public static final ArchRule SHARED_MODEL_IS_FREE_OF_SPRING = noClasses()
            .that()
            .resideInAnyPackage("org.tipline.model..", "org.tipline.jdbc..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "jakarta.persistence..", "jakarta.servlet..")
            .because("shared-model stays a plain library that both apps and the launcher can use");

    /** shared-model is the domain and its crypto: talking to a database is the apps' and the launcher's business. */
    public static final ArchRule SHARED_MODEL_DOES_NOT_USE_JDBC = noClasses()
            .that()
            .resideInAPackage("org.tipline.model..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("java.sql..", "javax.sql..")
            .because("shared-model stays a plain library: SQL lives in shared-jdbc, the apps and the launcher");

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

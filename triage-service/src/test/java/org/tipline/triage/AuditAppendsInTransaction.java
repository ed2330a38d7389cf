package org.tipline.triage;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaEnumConstant;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.transaction.support.TransactionOperations;
import org.tipline.triage.audit.AuditTrail;

/**
 * An action and its audit entry commit together only when the entry is appended inside the action's transaction
 * (invariant 4). {@code AuditTrail.append} would open a transaction of its own, so a caller outside one commits its
 * change first and its entry after: a crash in between leaves an unaudited action. The rule: a call to {@code append}
 * runs in a transaction when
 *
 * <ul>
 *   <li>it sits in a lambda of a method that calls {@code TransactionTemplate.execute}/{@code executeWithoutResult}
 *       (ArchUnit attributes a lambda's calls to its enclosing method, so which lambda is not checked), or
 *   <li>its method is a proxied write transaction: {@code @Transactional} on the method or else its class, not
 *       private or static, not read-only, propagation REQUIRED, REQUIRES_NEW, MANDATORY or NESTED, and every call to
 *       it from its own class (which bypasses the proxy) itself runs in a transaction, or
 *   <li>its method carries no {@code @Transactional}, is called at all, and every call to it runs in a transaction.
 * </ul>
 *
 * Callers in the audit module itself are left out: they write entries that stand alone, with no other write to pair
 * with (refused sign-in tallies, the configuration snapshot, the export record), so {@code append}'s own transaction
 * is the whole action.
 */
final class AuditAppendsInTransaction {

    private AuditAppendsInTransaction() {}

    private static final Set<String> WRITE_PROPAGATIONS = Set.of("REQUIRED", "REQUIRES_NEW", "MANDATORY", "NESTED");

    static final ArchRule RULE = classes()
            .that()
            .resideOutsideOfPackage("org.tipline.triage.audit..")
            .should(appendToTheAuditTrailOnlyInsideATransaction())
            .because("an action and its audit entry commit or roll back together (invariant 4)");

    private static ArchCondition<JavaClass> appendToTheAuditTrailOnlyInsideATransaction() {
        return new ArchCondition<>("append to the audit trail only inside a transaction") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                javaClass.getMethodCallsFromSelf().stream()
                        .filter(AuditAppendsInTransaction::isAppend)
                        .filter(call -> !inTransaction(call, new HashSet<>()))
                        .forEach(call -> events.add(SimpleConditionEvent.violated(
                                call, call.getDescription() + " runs outside a transaction")));
            }
        };
    }

    private static boolean isAppend(JavaCall<?> call) {
        return call.getTargetOwner().isEquivalentTo(AuditTrail.class)
                && call.getName().equals("append");
    }

    private static boolean inTransaction(JavaCall<?> call, Set<JavaCodeUnit> seen) {
        JavaCodeUnit origin = call.getOrigin();
        if (call.isDeclaredInLambda() && callsTransactionTemplate(origin)) {
            return true;
        }
        return inTransaction(origin, seen);
    }

    private static boolean inTransaction(JavaCodeUnit unit, Set<JavaCodeUnit> seen) {
        if (!seen.add(unit)) {
            return false; // a recursion that no transaction enters
        }
        Optional<JavaAnnotation<?>> transactional = transactional(unit);
        if (transactional.isPresent()) {
            return proxied(unit)
                    && opensOrJoinsAWriteTransaction(transactional.get())
                    && unit.getCallsOfSelf().stream()
                            .filter(call -> call.getOriginOwner().equals(unit.getOwner()))
                            .allMatch(selfCall -> inTransaction(selfCall, seen));
        }
        Set<? extends JavaCall<?>> callers = unit.getCallsOfSelf();
        return !callers.isEmpty() && callers.stream().allMatch(caller -> inTransaction(caller, seen));
    }

    private static boolean callsTransactionTemplate(JavaCodeUnit unit) {
        return unit.getMethodCallsFromSelf().stream()
                .anyMatch(call -> call.getTargetOwner().isAssignableTo(TransactionOperations.class)
                        && call.getName().startsWith("execute"));
    }

    private static Optional<JavaAnnotation<?>> transactional(JavaCodeUnit unit) {
        Optional<JavaAnnotation<?>> onMethod = transactionalAnnotation(unit.getAnnotations());
        return onMethod.isPresent()
                ? onMethod
                : transactionalAnnotation(unit.getOwner().getAnnotations());
    }

    private static Optional<JavaAnnotation<?>> transactionalAnnotation(Set<? extends JavaAnnotation<?>> annotations) {
        return annotations.stream()
                .filter(a -> a.getRawType().getName().equals("org.springframework.transaction.annotation.Transactional")
                        || a.getRawType().getName().equals("jakarta.transaction.Transactional"))
                .<JavaAnnotation<?>>map(a -> a)
                .findFirst();
    }

    private static boolean proxied(JavaCodeUnit unit) {
        return unit instanceof JavaMethod
                && !unit.getModifiers().contains(JavaModifier.PRIVATE)
                && !unit.getModifiers().contains(JavaModifier.STATIC);
    }

    private static boolean opensOrJoinsAWriteTransaction(JavaAnnotation<?> transactional) {
        boolean readOnly =
                transactional.get("readOnly").map(Boolean.TRUE::equals).orElse(false);
        String propagation = transactional
                .get(transactional.getRawType().getName().startsWith("jakarta") ? "value" : "propagation")
                .map(value -> ((JavaEnumConstant) value).name())
                .orElse("REQUIRED");
        return !readOnly && WRITE_PROPAGATIONS.contains(propagation);
    }
}

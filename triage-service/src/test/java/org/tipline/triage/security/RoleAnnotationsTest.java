package org.tipline.triage.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tipline.testsupport.TestDatabase;
import org.tipline.triage.audit.AuditTrail;
import org.tipline.triage.staff.StaffDirectory;
import org.tipline.triage.staff.StaffPrincipal;
import org.tipline.triage.tips.TipQueue;

/**
 * The inner wall: each role meta-annotation admits its role and refuses the others, even for a caller that got past
 * the URL rules. One test per role, each calling a service guarded by every annotation.
 */
@SpringBootTest
class RoleAnnotationsTest {

    static final TestDatabase DATABASE = TestDatabase.empty();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DATABASE::jdbcUrl);
        registry.add("spring.datasource.username", () -> TestDatabase.TRIAGE_ROLE);
        registry.add("spring.datasource.password", DATABASE::rolePassword);
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "2");
        registry.add("spring.datasource.hikari.minimum-idle", () -> "0");
        registry.add("spring.flyway.url", DATABASE::jdbcUrl);
        registry.add("spring.flyway.user", DATABASE::ownerUser);
        registry.add("spring.flyway.password", DATABASE::ownerPassword);
    }

    @Autowired
    TipQueue coordinatorsOnly;

    @Autowired
    AuditTrail supervisorsRead;

    @Autowired
    StaffDirectory adminsOnly;

    private final StaffPrincipal someone = new StaffPrincipal(UUID.randomUUID(), "someone", "Someone");

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void isCoordinatorAdmitsCoordinatorsOnly() {
        as("COORDINATOR");
        assertThatCode(() -> coordinatorsOnly.coordinators()).doesNotThrowAnyException();
        assertThatThrownBy(() -> supervisorsRead.actions()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> adminsOnly.accounts(someone)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void isSupervisorAdmitsSupervisorsOnly() {
        as("SUPERVISOR");
        assertThatCode(() -> supervisorsRead.actions()).doesNotThrowAnyException();
        assertThatThrownBy(() -> coordinatorsOnly.coordinators()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> adminsOnly.accounts(someone)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void isAdminAdmitsAdministratorsOnly() {
        as("ADMIN");
        assertThatCode(() -> adminsOnly.accounts(someone)).doesNotThrowAnyException();
        assertThatThrownBy(() -> coordinatorsOnly.coordinators()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> supervisorsRead.actions()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void nobodySignedInIsRefusedEverywhere() {
        assertThatThrownBy(() -> coordinatorsOnly.coordinators())
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> supervisorsRead.actions())
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> adminsOnly.accounts(someone))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void aPasswordWithoutTheSecondFactorHoldsNoRole() {
        as(Factors.PASSWORD);
        assertThatThrownBy(() -> coordinatorsOnly.coordinators()).isInstanceOf(AccessDeniedException.class);
    }

    private void as(String role) {
        String authority = role.startsWith("FACTOR_") ? role : "ROLE_" + role;
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                someone, null, List.of(new SimpleGrantedAuthority(authority))));
        SecurityContextHolder.setContext(context);
    }
}

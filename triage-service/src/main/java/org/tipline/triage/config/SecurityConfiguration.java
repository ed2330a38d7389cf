package org.tipline.triage.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.tipline.triage.security.Factors;
import org.tipline.triage.staff.SignOutAudit;
import org.tipline.triage.staff.web.SignInFailures;

/**
 * URL rules are the outer wall; the role meta-annotations on services ({@code @IsCoordinator}, {@code @IsSupervisor},
 * {@code @IsAdmin}) are the inner one. Anything not listed is denied. A password alone reaches only the sign-in
 * duty pages: roles are granted once the second factor is checked.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    SecurityFilterChain staffConsole(HttpSecurity http, SignOutAudit signOutAudit, SignInFailures failures)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/actuator/health",
                                "/actuator/health/**",
                                "/actuator/prometheus",
                                "/css/**",
                                "/js/**",
                                "/login",
                                "/error")
                        .permitAll()
                        .requestMatchers("/account/passkeys", "/account/passkeys/**", "/account/language")
                        .hasAuthority(Factors.SECOND)
                        .requestMatchers("/sign-in/**", "/account/**")
                        .hasAuthority(Factors.PASSWORD)
                        .requestMatchers(
                                "/queue",
                                "/queue/**",
                                "/tips/**",
                                "/keys",
                                "/keys/**",
                                "/calls",
                                "/calls/**",
                                "/search")
                        .hasRole("COORDINATOR")
                        .requestMatchers("/audit", "/audit/**", "/retention", "/retention/**", "/dashboard")
                        .hasRole("SUPERVISOR")
                        .requestMatchers("/help")
                        .hasAnyRole("COORDINATOR", "SUPERVISOR")
                        .requestMatchers("/admin", "/admin/**")
                        .hasRole("ADMIN")
                        .requestMatchers("/")
                        .hasAuthority(Factors.SECOND)
                        .anyRequest()
                        .denyAll())
                .formLogin(form -> form.loginPage("/login")
                        .defaultSuccessUrl("/sign-in/next", true)
                        .failureHandler(failures))
                .exceptionHandling(exceptions -> exceptions.accessDeniedHandler(unfinishedSignInGoesBack()))
                .logout(logout -> logout.addLogoutHandler(signOutAudit).logoutSuccessUrl("/login?signedOut"))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers.contentSecurityPolicy(
                                csp -> csp.policyDirectives(StrictHeaders.CONTENT_SECURITY_POLICY))
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        // Sent on every response: browsers ignore it over plain HTTP, and behind TLS it pins HTTPS.
                        .httpStrictTransportSecurity(hsts ->
                                hsts.requestMatcher(AnyRequestMatcher.INSTANCE).maxAgeInSeconds(31_536_000))
                        // Not sent at all: the XSS auditor it switched on could itself be abused, and is gone.
                        .xssProtection(xss -> xss.disable()));
        return http.build();
    }

    /** Someone past the password but not the second factor is sent back to finish; anyone else gets a 403. */
    private static AccessDeniedHandler unfinishedSignInGoesBack() {
        var forbidden = new AccessDeniedHandlerImpl();
        return (request, response, denied) -> {
            Authentication who = SecurityContextHolder.getContext().getAuthentication();
            if (who != null && has(who, Factors.PASSWORD) && !has(who, Factors.SECOND)) {
                response.sendRedirect(request.getContextPath() + "/sign-in/next");
                return;
            }
            forbidden.handle(request, response, denied);
        };
    }

    private static boolean has(Authentication who, String authority) {
        return who.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(authority));
    }
}

package org.tipline.triage.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.tipline.triage.staff.SignOutAudit;

/**
 * URL rules are the outer wall; the role meta-annotations on services ({@code @IsCoordinator}, {@code @IsSupervisor})
 * are the inner one. Anything not listed is denied.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    SecurityFilterChain staffConsole(HttpSecurity http, SignOutAudit signOutAudit) throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/actuator/health", "/actuator/health/**", "/css/**", "/login", "/error")
                        .permitAll()
                        .requestMatchers("/queue", "/tips/**")
                        .hasRole("COORDINATOR")
                        .requestMatchers("/audit", "/audit/**")
                        .hasRole("SUPERVISOR")
                        .requestMatchers("/")
                        .authenticated()
                        .anyRequest()
                        .denyAll())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", true))
                .logout(logout -> logout.addLogoutHandler(signOutAudit).logoutSuccessUrl("/login?signedOut"))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
                                        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; "
                                        + "object-src 'none'"))
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }
}

package org.tipline.triage.config;

import jakarta.servlet.DispatcherType;
import org.apache.catalina.Host;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Every response gets the strict headers and a page of ours: Spring Security's headers on requests, {@link
 * StrictHeaders} on the error dispatch, and {@link StrictErrorReportValve} in place of Tomcat's error report for what
 * never reaches Spring.
 */
@Configuration(proxyBeanMethods = false)
class ErrorPages {

    /**
     * On the error dispatch only: every other response gets the headers from Spring Security, which leaves a header a
     * controller set itself (an attachment's sandbox policy) alone, where setting them first here would add a second.
     */
    @Bean
    FilterRegistrationBean<StrictHeaders> strictHeaders() {
        var registration = new FilterRegistrationBean<>(new StrictHeaders());
        registration.setDispatcherTypes(DispatcherType.ERROR);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Runs after Spring Boot's own customizer, which installs a plain ErrorReportValve that this one replaces. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> strictErrorReport() {
        return new OrderedCustomizer();
    }

    private static final class OrderedCustomizer
            implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                Host host = (Host) context.getParent();
                for (var valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.getPipeline().addValve(new StrictErrorReportValve());
                if (host instanceof org.apache.catalina.core.StandardHost standard) {
                    standard.setErrorReportValveClass(StrictErrorReportValve.class.getName());
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}

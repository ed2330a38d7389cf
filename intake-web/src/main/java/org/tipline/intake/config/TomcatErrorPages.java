package org.tipline.intake.config;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.tipline.model.guidance.Guidance;

/**
 * Tomcat answers some requests itself, before any filter: a request line it cannot parse (400), an HTTP version it
 * does not speak (505). Its own report page carries none of our headers; this one has them, in the deployment's
 * language (such a request cannot be trusted to say which one), and says nothing about the request.
 */
@Component
class TomcatErrorPages implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final String page;

    TomcatErrorPages(Guidance guidance, MessageSource messages) {
        Locale language = Locale.forLanguageTag(guidance.deployment().defaultLanguage());
        String title = HtmlUtils.htmlEscape(messages.getMessage("error.title", null, language));
        String body = HtmlUtils.htmlEscape(messages.getMessage("error.body.400", null, language));
        this.page = "<!DOCTYPE html><html lang=\"" + language.getLanguage() + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title
                + "</title><link rel=\"stylesheet\" href=\"/css/tipline.css\"></head><body><main><h1>" + title
                + "</h1><p>" + body + "</p><p><a href=\"/\">Tipline</a></p></main></body></html>";
    }

    /** After Spring Boot's own customizer, whose plain report valve this one replaces. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            StandardHost host = (StandardHost) context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.getPipeline().addValve(new ReportValve(page));
            // The host adds a report valve of this class at start only when none is there.
            host.setErrorReportValveClass(ReportValve.class.getName());
        });
    }

    /** Writes our page for any error that reaches Tomcat with nothing written yet. */
    static class ReportValve extends ErrorReportValve {

        private final String page;

        ReportValve(String page) {
            this.page = page;
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            if (response.getStatus() < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            PublicPageHeaders.apply(response);
            response.setContentType("text/html");
            response.setCharacterEncoding(StandardCharsets.UTF_8);
            try {
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(page);
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException gone) {
                // The client has gone or the response cannot be written: nothing more to do.
            }
        }
    }
}

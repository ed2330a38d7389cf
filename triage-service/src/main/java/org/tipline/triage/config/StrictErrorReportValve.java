package org.tipline.triage.config;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Replaces Tomcat's own error page for what fails before the application (a request line Tomcat cannot parse, an
 * HTTP version it does not speak): our page, the console's strict headers, and nothing from the request echoed.
 */
public class StrictErrorReportValve extends ErrorReportValve {

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Error · Tipline staff</title></head>
            <body><main><h1>The request could not be read</h1>
            <p>The console could not understand this request. Go back and try again.</p>
            <p><a href="/">Back to the console</a></p></main></body>
            </html>
            """;

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        if (response.getStatus() < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        StrictHeaders.apply(response);
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        try {
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(PAGE);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response was already sent: nothing more to tell it.
        }
    }
}

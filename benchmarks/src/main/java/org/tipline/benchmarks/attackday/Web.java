package org.tipline.benchmarks.attackday;

import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser-like client for one app on this machine: its own cookie jar, no redirects followed, same-origin headers
 * (a real form post carries them). Refuses any address but loopback.
 */
final class Web {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"");
    private static final Pattern VALUE = Pattern.compile("\\bvalue=\"([^\"]*)\"");

    private final URI base;
    private final HttpClient http;

    Web(URI base) {
        if (!List.of("127.0.0.1", "localhost", "[::1]").contains(base.getHost())) {
            throw new IllegalArgumentException("the attack day only ever targets this machine, not " + base);
        }
        this.base = base;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postForm(String path, List<Map.Entry<String, String>> fields)
            throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder();
        for (var field : fields) {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8));
        }
        return http.send(
                request(path)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A multipart body produced as it is sent, so a 50 MB flood costs the attacker no memory. */
    HttpResponse<String> postMultipart(String path, String boundary, Supplier<InputStream> body)
            throws IOException, InterruptedException {
        return http.send(
                request(path)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofInputStream(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(TIMEOUT)
                .header("Origin", base.getScheme() + "://" + base.getAuthority())
                .header("Sec-Fetch-Site", "same-origin");
    }

    /** The named inputs of the form with this id, as a browser would send them (buttons and unticked boxes aside). */
    static List<Map.Entry<String, String>> inputsOf(String html, String formId) {
        int start = html.indexOf("id=\"" + formId + "\"");
        if (start < 0) {
            throw new IllegalStateException("no form " + formId + " on the page");
        }
        int end = html.indexOf("</form>", start);
        Matcher input = INPUT.matcher(html.substring(start, end < 0 ? html.length() : end));
        List<Map.Entry<String, String>> fields = new java.util.ArrayList<>();
        while (input.find()) {
            String tag = input.group();
            Matcher name = NAME.matcher(tag);
            boolean choice = tag.contains("type=\"checkbox\"") || tag.contains("type=\"radio\"");
            if (!name.find()
                    || tag.contains("type=\"submit\"")
                    || tag.contains("type=\"file\"")
                    || (choice && !tag.matches("(?s).*\\schecked(=\"checked\")?[\\s/>].*"))) {
                continue;
            }
            Matcher value = VALUE.matcher(tag);
            fields.add(Map.entry(unescape(name.group(1)), value.find() ? unescape(value.group(1)) : ""));
        }
        return fields;
    }

    static String unescape(String html) {
        return html.replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    /** A failure as a tally outcome: the exception's simple name, with our own messages (never a page's text). */
    static String outcome(Exception e) {
        boolean ours = e instanceof GenuineTipster.RefusedException || e instanceof IllegalStateException;
        return ours ? e.getMessage() : e.getClass().getSimpleName();
    }
}

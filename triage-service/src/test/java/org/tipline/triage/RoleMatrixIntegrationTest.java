package org.tipline.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.tipline.model.tip.TipAnswers;
import org.tipline.testsupport.Browsers;

/**
 * Every endpoint the console serves, against anonymous, coordinator, supervisor and administrator, over real HTTP with
 * real sign-ins. The list of endpoints comes from the application itself: a new endpoint without a row here fails.
 */
@TriageIntegrationTest
class RoleMatrixIntegrationTest {

    static final TriageTestSetup SETUP = new TriageTestSetup();

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private static final Set<String> EVERYONE = Set.of("ANONYMOUS", "COORDINATOR", "SUPERVISOR", "ADMIN");
    private static final Set<String> STAFF = Set.of("COORDINATOR", "SUPERVISOR", "ADMIN");

    /** Who may use each endpoint. Anyone else is refused: 403 when signed in, sent to sign in when anonymous. */
    private static final Map<String, Set<String>> ALLOWED = new LinkedHashMap<>();

    static {
        ALLOWED.put("GET /login", EVERYONE);
        ALLOWED.put("GET /error", EVERYONE);
        // An anonymous visitor has no session and so no CSRF token: every POST of theirs is refused.
        ALLOWED.put("POST /error", STAFF);
        ALLOWED.put("GET /", STAFF);
        ALLOWED.put("GET /sign-in/next", STAFF);
        ALLOWED.put("GET /sign-in/code", STAFF);
        ALLOWED.put("POST /sign-in/code", STAFF);
        ALLOWED.put("GET /account/password", STAFF);
        ALLOWED.put("POST /account/password", STAFF);
        ALLOWED.put("GET /account/second-factor", STAFF);
        ALLOWED.put("POST /account/second-factor", STAFF);
        ALLOWED.put("GET /account/second-factor/qr.svg", STAFF);
        ALLOWED.put("POST /sign-in/passkey/options", STAFF);
        ALLOWED.put("POST /sign-in/passkey", STAFF);
        ALLOWED.put("GET /account/passkeys", STAFF);
        ALLOWED.put("POST /account/passkeys/options", STAFF);
        ALLOWED.put("POST /account/passkeys", STAFF);
        ALLOWED.put("POST /account/passkeys/{id}/delete", STAFF);
        ALLOWED.put("POST /account/language", STAFF);
        ALLOWED.put("GET /queue", Set.of("COORDINATOR"));
        ALLOWED.put("GET /search", Set.of("COORDINATOR"));
        ALLOWED.put("POST /queue/take-next", Set.of("COORDINATOR"));
        ALLOWED.put("GET /queue/events", Set.of("COORDINATOR"));
        ALLOWED.put("GET /calls/new", Set.of("COORDINATOR"));
        ALLOWED.put("POST /calls", Set.of("COORDINATOR"));
        ALLOWED.put("GET /tips/{id}", Set.of("COORDINATOR"));
        ALLOWED.put("POST /tips/{id}/take", Set.of("COORDINATOR"));
        ALLOWED.put("POST /tips/{id}/referrals", Set.of("COORDINATOR"));
        ALLOWED.put("POST /tips/{id}/status", Set.of("COORDINATOR"));
        ALLOWED.put("POST /tips/{id}/assignee", Set.of("COORDINATOR"));
        ALLOWED.put("POST /tips/{id}/labels", Set.of("COORDINATOR"));
        ALLOWED.put("POST /tips/{id}/notes", Set.of("COORDINATOR"));
        ALLOWED.put("POST /tips/{id}/messages", Set.of("COORDINATOR"));
        ALLOWED.put("GET /tips/{id}/link", Set.of("COORDINATOR"));
        ALLOWED.put("POST /tips/{id}/case", Set.of("COORDINATOR"));
        ALLOWED.put("POST /tips/{id}/duplicate", Set.of("COORDINATOR"));
        ALLOWED.put("POST /queue/index-links", Set.of("COORDINATOR"));
        ALLOWED.put("POST /queue/bulk", Set.of("COORDINATOR"));
        ALLOWED.put("GET /help", Set.of("COORDINATOR", "SUPERVISOR"));
        ALLOWED.put("GET /tips/{id}/packet", Set.of("COORDINATOR"));
        ALLOWED.put("POST /tips/{id}/packet", Set.of("COORDINATOR"));
        ALLOWED.put("POST /tips/{id}/referrals/{referralId}/retry", Set.of("COORDINATOR"));
        ALLOWED.put("GET /tips/{id}/attachments/{attachmentId}", Set.of("COORDINATOR"));
        ALLOWED.put("GET /tips/{id}/attachments/{attachmentId}/view", Set.of("COORDINATOR"));
        ALLOWED.put("GET /tips/{id}/attachments/{attachmentId}/pages/{page}", Set.of("COORDINATOR"));
        ALLOWED.put("GET /audit", Set.of("SUPERVISOR"));
        ALLOWED.put("GET /audit/export", Set.of("SUPERVISOR"));
        ALLOWED.put("GET /retention", Set.of("SUPERVISOR"));
        ALLOWED.put("GET /dashboard", Set.of("SUPERVISOR"));
        ALLOWED.put("POST /retention/holds", Set.of("SUPERVISOR"));
        ALLOWED.put("POST /retention/purge", Set.of("SUPERVISOR"));
        ALLOWED.put("GET /admin/staff", Set.of("ADMIN"));
        ALLOWED.put("POST /admin/staff", Set.of("ADMIN"));
        ALLOWED.put("POST /admin/staff/{id}/enabled", Set.of("ADMIN"));
        ALLOWED.put("POST /admin/staff/{id}/roles", Set.of("ADMIN"));
        ALLOWED.put("POST /admin/staff/{id}/reset", Set.of("ADMIN"));
        ALLOWED.put("POST /admin/staff/{id}/second-factor", Set.of("ADMIN"));
        ALLOWED.put("GET /keys", Set.of("COORDINATOR"));
        ALLOWED.put("POST /keys/grant", Set.of("COORDINATOR"));
    }

    @Test
    void theMatrixNamesEveryEndpointTheApplicationServes() {
        Set<String> served = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> {
            Set<String> methods = info.getMethodsCondition().getMethods().isEmpty()
                    ? Set.of("GET", "POST")
                    : info.getMethodsCondition().getMethods().stream()
                            .map(Enum::name)
                            .collect(Collectors.toSet());
            for (String pattern : info.getPatternValues()) {
                methods.forEach(method -> served.add(method + " " + pattern));
            }
        });
        assertThat(served).containsExactlyInAnyOrderElementsOf(ALLOWED.keySet());
    }

    @Test
    void everyRoleReachesExactlyWhatTheMatrixAllows() throws Exception {
        UUID tipId = SETUP.fileTip(TipAnswers.builder()
                .location("matrix street")
                .details("https://x.example")
                .build());
        List<String> mismatches = new ArrayList<>();
        for (String role : EVERYONE) {
            try (WebClient client = Browsers.withoutJavaScript()) {
                client.getOptions().setThrowExceptionOnFailingStatusCode(false);
                String csrf = "";
                if (!role.equals("ANONYMOUS")) {
                    HtmlPage landing = SETUP.staff(role).signIn(client, url(""));
                    csrf = landing.getElementsByName("_csrf").get(0).getAttribute("content");
                }
                client.getOptions().setRedirectEnabled(false);
                for (var rule : ALLOWED.entrySet()) {
                    String[] parts = rule.getKey().split(" ");
                    String path = parts[1].replace("{id}", tipId.toString())
                            .replace("{attachmentId}", UUID.randomUUID().toString())
                            .replace("{referralId}", UUID.randomUUID().toString())
                            .replace("{page}", "1");
                    var request = new WebRequest(new URL(url(path)), HttpMethod.valueOf(parts[0]));
                    if (parts[0].equals("POST")) {
                        request.setRequestBody("_csrf=" + csrf + "&url=https%3A%2F%2Fx.example");
                        request.setAdditionalHeader("Content-Type", "application/x-www-form-urlencoded");
                    } else if (path.endsWith("/link")) {
                        request.setUrl(new URL(url(path + "?n=0")));
                    }
                    int status;
                    String location;
                    if (path.equals("/queue/events")) {
                        // A live stream never ends on its own: read only its status and headers.
                        var stream = streamHeaders(client, path);
                        status = stream.statusCode();
                        location = stream.headers().firstValue("Location").orElse(null);
                        stream.body().close();
                    } else {
                        var response = client.loadWebResponse(request);
                        status = response.getStatusCode();
                        location = response.getResponseHeaderValue("Location");
                    }
                    boolean sentToSignIn = status == 302 && location != null && location.endsWith("/login");
                    boolean refused = status == 403 || sentToSignIn;
                    boolean allowed = rule.getValue().contains(role);
                    if (allowed == refused) {
                        mismatches.add(role + " " + rule.getKey() + " -> " + status + " " + location);
                    }
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    private HttpResponse<InputStream> streamHeaders(WebClient client, String path) throws Exception {
        String cookies = client.getCookieManager().getCookies().stream()
                .map(cookie -> cookie.getName() + "=" + cookie.getValue())
                .collect(Collectors.joining("; "));
        var request = HttpRequest.newBuilder(URI.create(url(path)));
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

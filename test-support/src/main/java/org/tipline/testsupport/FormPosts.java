package org.tipline.testsupport;

import java.net.URI;
import java.net.http.HttpRequest;

/** Form posts as a browser sends them, for tests that speak HTTP without a browser. */
public final class FormPosts {

    private FormPosts() {}

    /** A POST of a URL-encoded body to {@code url}; the caller adds any other header (a cookie, a language). */
    public static HttpRequest.Builder to(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }
}

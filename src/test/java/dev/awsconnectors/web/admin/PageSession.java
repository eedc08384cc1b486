package dev.awsconnectors.web.admin;

import dev.awsconnectors.testhost.demo.DemoHost;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A browser-like session with the demo host's pages: logged in with cookies, and for an admin past WebSudo. */
record PageSession(HttpClient client, String base) {
    static PageSession loggedIn(DemoHost jira, String user, boolean webSudo) throws Exception {
        PageSession session = new PageSession(HttpClient.newBuilder().cookieHandler(new CookieManager()).build(),
                jira.baseUrl().toString());
        HttpResponse<String> login = session.post("/login.jsp", "os_username=" + user + "&os_password=" + user);
        assertThat(login.statusCode()).isEqualTo(302);
        if (webSudo) {
            String form = session.get("/secure/admin/WebSudoAuthenticate.jspa").body();
            HttpResponse<String> confirmed = session.post("/secure/admin/WebSudoAuthenticate.jspa",
                    "webSudoPassword=" + user + "&atl_token=" + encode(token(form)));
            assertThat(confirmed.statusCode()).isEqualTo(302);
        }
        return session;
    }

    HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String form) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The XSRF token a page's forms post. */
    static String token(String page) {
        Matcher token = Pattern.compile("name=\"atl_token\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).as("the page holds an XSRF token").isTrue();
        return token.group(1);
    }

    /** A page's text as the browser shows it: the escapes the templates write, undone. */
    static String text(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

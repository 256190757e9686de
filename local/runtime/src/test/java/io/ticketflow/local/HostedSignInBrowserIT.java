package io.ticketflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ticketflow.testsupport.ProjectRoot;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The page's sign-in on a deployed stage, against a stand-in for the user pool's hosted UI served by this test over
 * real HTTP on another origin (as Cognito's domain is): {@code /oauth2/authorize} sends the browser straight back with
 * a code, {@code /oauth2/token} redeems it only with the verifier whose S256 hash was the challenge, {@code /logout}
 * returns to the page. The page itself is served from {@code web/} with a {@code config.json} pointing there, as
 * CloudFront serves it with the web stack's.
 */
@ExtendWith(FanBrowser.Installed.class)
class HostedSignInBrowserIT {

    private static final String CLIENT_ID = "fan-client-1";
    private static final String CODE = "code-4711";

    private final List<Map<String, String>> authorizations = new CopyOnWriteArrayList<>();
    private final List<Map<String, String>> redemptions = new CopyOnWriteArrayList<>();
    private final List<Map<String, String>> logouts = new CopyOnWriteArrayList<>();
    private final List<String> bearers = new CopyOnWriteArrayList<>();
    private final String accessToken = unsignedJwt("{\"sub\":\"6f1c-fan\",\"username\":\"fan-1\",\"client_id\":\"" + CLIENT_ID + "\"}");
    private HttpServer page;
    private HttpServer identity;
    private volatile String config;

    @BeforeEach
    void serve() throws IOException {
        identity = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        page = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String pageUrl = "http://127.0.0.1:" + page.getAddress().getPort() + "/";
        String identityUrl = "http://127.0.0.1:" + identity.getAddress().getPort();
        config = """
                {"signIn":"cognito","authorizeUrl":"%1$s/oauth2/authorize","tokenUrl":"%1$s/oauth2/token",
                 "logoutUrl":"%1$s/logout","clientId":"%2$s","redirectUri":"%3$s","scope":"openid"}"""
                .formatted(identityUrl, CLIENT_ID, pageUrl);

        identity.createContext("/oauth2/authorize", exchange -> {
            Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
            authorizations.add(query);
            redirect(exchange, query.get("redirect_uri") + "?code=" + CODE + "&state=" + query.get("state"));
        });
        identity.createContext("/oauth2/token", exchange -> {
            Map<String, String> sent = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            redemptions.add(sent);
            exchange.getResponseHeaders().set("access-control-allow-origin", pageUrl.substring(0, pageUrl.length() - 1));
            Map<String, String> authorized = authorizations.isEmpty() ? Map.of() : authorizations.get(authorizations.size() - 1);
            boolean valid = exchange.getRequestMethod().equals("POST") && CODE.equals(sent.get("code"))
                    && "authorization_code".equals(sent.get("grant_type")) && CLIENT_ID.equals(sent.get("client_id"))
                    && pageUrl.equals(sent.get("redirect_uri")) && sent.get("code_verifier") != null
                    && s256(sent.get("code_verifier")).equals(authorized.get("code_challenge"));
            send(exchange, valid ? 200 : 400, valid
                    ? "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}"
                    : "{\"error\":\"invalid_grant\"}");
        });
        identity.createContext("/logout", exchange -> {
            Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
            logouts.add(query);
            redirect(exchange, query.get("logout_uri"));
        });

        WebAssets web = new WebAssets(ProjectRoot.find().resolve("web"));
        page.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            var asset = web.find(exchange.getRequestMethod(), path);
            if (asset.isPresent()) {
                web.send(exchange, asset.get());
            } else if (path.equals("/config.json")) {
                send(exchange, 200, config);
            } else if (path.equals("/concerts")) {
                send(exchange, 200, "{\"concerts\":[]}");
            } else if (path.equals("/points/balance")) {
                bearers.add(String.valueOf(exchange.getRequestHeaders().getFirst("authorization")));
                send(exchange, 200, "{\"balance\":0}");
            } else {
                send(exchange, 404, "{}");
            }
        });
        identity.start();
        page.start();
    }

    @AfterEach
    void stop() {
        page.stop(0);
        identity.stop(0);
    }

    @Test
    void signIn_goesToTheHostedUiWithAnS256ChallengeAndState_andRedeemsTheCodeWithItsVerifier() {
        try (FanBrowser fan = FanBrowser.open(pageUri())) {
            fan.click(By.id("sign-in"));
            fan.visible(By.id("sign-out"));

            assertThat(authorizations).singleElement().satisfies(query -> {
                assertThat(query).containsEntry("response_type", "code").containsEntry("client_id", CLIENT_ID)
                        .containsEntry("redirect_uri", pageUri().toString()).containsEntry("scope", "openid")
                        .containsEntry("code_challenge_method", "S256");
                assertThat(query.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");
                assertThat(query.get("state")).matches("[A-Za-z0-9_-]{43}");
            });
            // the token endpoint answered 200 only for the verifier whose S256 hash was the challenge
            assertThat(redemptions).singleElement().satisfies(sent ->
                    assertThat(s256(sent.get("code_verifier"))).isEqualTo(authorizations.get(0).get("code_challenge")));
            assertThat(fan.text(By.id("who"))).startsWith("Signed in as fan-1");
            assertThat(fan.driver.getCurrentUrl()).doesNotContain("code=").doesNotContain("state=");
            // kept for this tab only, and sent as the bearer of the API's calls
            assertThat((String) fan.script("return JSON.parse(sessionStorage.getItem('ticketflow.session')).token"))
                    .isEqualTo(accessToken);
            assertThat(fan.script("return localStorage.getItem('ticketflow.session')")).isNull();
            fan.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + " import('/api.js').then((api) => api.call('GET', '/points/balance')).then(() => done(), done);");
            assertThat(bearers).containsExactly("Bearer " + accessToken);

            fan.click(By.id("sign-out"));
            fan.visible(By.id("sign-in"));
            assertThat(logouts).singleElement().satisfies(query -> assertThat(query)
                    .containsEntry("client_id", CLIENT_ID).containsEntry("logout_uri", pageUri().toString()));
            assertThat(fan.script("return sessionStorage.getItem('ticketflow.session')")).isNull();
        }
    }

    @Test
    void aReturnWithAStateThisPageNeverSent_isRefused_andNoCodeIsRedeemed() {
        try (FanBrowser fan = FanBrowser.open(pageUri())) {
            fan.visible(By.id("sign-in"));
            fan.driver.get(pageUri().resolve("/?code=" + CODE + "&state=forged").toString());

            assertThat(fan.alert()).isEqualTo("That sign-in was not started on this page. Please sign in again.");
            assertThat(redemptions).isEmpty();
            assertThat(fan.script("return sessionStorage.getItem('ticketflow.session')")).isNull();
        }
    }

    @Test
    void withAnExternalIssuer_thePageSaysSignInIsTheIssuers() {
        config = "{\"signIn\":\"issuer\",\"issuer\":\"https://login.example.test/\"}";
        try (FanBrowser fan = FanBrowser.open(pageUri())) {
            assertThat(fan.text(By.id("sign-in-elsewhere"))).contains("https://login.example.test/")
                    .contains("cannot sign you in");
            assertThat(fan.driver.findElements(By.id("sign-in"))).isEmpty();
        }
    }

    private URI pageUri() {
        return URI.create("http://127.0.0.1:" + page.getAddress().getPort() + "/");
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unsignedJwt(String claims) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".";
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("content-type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}

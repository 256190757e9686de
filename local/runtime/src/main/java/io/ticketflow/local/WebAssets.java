package io.ticketflow.local;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * The fan's page ({@code web/} at the top of the checkout) on the API's own origin, as CloudFront serves it on AWS:
 * same origin, so the page needs no CORS. Only {@code /} and top-level file names with a known extension are
 * assets; every API path has neither, so no route can be shadowed. Read from disk on each request, so an edit
 * shows on reload; gzipped when the browser accepts it, as CloudFront compresses.
 */
final class WebAssets {

    private static final Pattern ASSET = Pattern.compile("/[a-z0-9][a-z0-9.-]*\\.(html|js|css|svg|png|ico)");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon");

    private final Path root;

    WebAssets(Path root) {
        this.root = root;
    }

    /** The file {@code path} names, if it names an asset that exists. */
    Optional<Path> find(String method, String path) {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return Optional.empty();
        }
        String name = path.equals("/") ? "/index.html" : path;
        if (!ASSET.matcher(name).matches()) {
            return Optional.empty();
        }
        Path file = root.resolve(name.substring(1));
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    void send(HttpExchange exchange, Path file) throws IOException {
        String fileName = file.getFileName().toString();
        String extension = fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        byte[] body = Files.readAllBytes(file);
        String accepted = exchange.getRequestHeaders().getFirst("accept-encoding");
        boolean compressible = !extension.equals("png") && !extension.equals("ico");
        if (compressible && accepted != null && accepted.toLowerCase(Locale.ROOT).contains("gzip")) {
            body = gzip(body);
            exchange.getResponseHeaders().set("content-encoding", "gzip");
        }
        exchange.getResponseHeaders().set("content-type", TYPES.get(extension));
        exchange.getResponseHeaders().set("vary", "accept-encoding");
        // the page polls and changes under a developer's hands: always revalidate, never serve a stale app
        exchange.getResponseHeaders().set("cache-control", "no-cache");
        boolean head = exchange.getRequestMethod().equalsIgnoreCase("HEAD");
        exchange.sendResponseHeaders(200, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(plain.length / 3 + 64);
        try (GZIPOutputStream out = new GZIPOutputStream(buffer)) {
            out.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }
}

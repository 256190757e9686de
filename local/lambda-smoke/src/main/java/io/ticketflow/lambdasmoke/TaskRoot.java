package io.ticketflow.lambdasmoke;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A deployment package unpacked as Lambda unpacks it into {@code /var/task}. Running the jar from the
 * classpath instead would differ where it matters: the Runtime Interface Client loads the handler from the
 * task root, and class-path scanning sees that directory, not the jar.
 */
final class TaskRoot {

    private TaskRoot() {
    }

    /** @return {@code parent/<jar name>}, unpacked once per asset (its name is the content hash) */
    static Path unpack(Path jar, Path parent) {
        String name = jar.getFileName().toString().replaceFirst("\\.jar$", "");
        Path root = parent.resolve(name).toAbsolutePath().normalize();
        Path done = parent.resolve(name + ".unpacked");
        if (Files.exists(done)) {
            return root;
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Files.createDirectories(root);
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root)) {
                    throw new IllegalStateException(jar + " has an entry outside its root: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            Files.createFile(done);
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + jar, e);
        }
    }
}

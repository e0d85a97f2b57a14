package nl.dijkwacht.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key behind keyed hashes and pseudonyms. In production it comes from {@code dijkwacht.secret-key}
 * (base64, e.g. from a vault via DIJKWACHT_SECRET_KEY); on the embedded default a random key is created once
 * in the data directory, so pseudonyms stay stable across restarts.
 */
final class SecretKeys {

    private SecretKeys() {
    }

    static byte[] load(DijkwachtProperties properties) {
        if (properties.secretKey() != null && !properties.secretKey().isBlank()) {
            byte[] key = Base64.getDecoder().decode(properties.secretKey().strip());
            if (key.length < 32) {
                throw new IllegalStateException("dijkwacht.secret-key must be at least 32 bytes (base64)");
            }
            return key;
        }
        Path file = properties.dataDir().resolve("secret.key");
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).strip());
            }
            Files.createDirectories(properties.dataDir());
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }
}

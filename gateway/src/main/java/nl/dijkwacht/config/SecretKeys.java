package nl.dijkwacht.config;

import java.io.IOException;
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

    private static final String SETTING = "dijkwacht.secret-key";

    private SecretKeys() {
    }

    static byte[] load(DijkwachtProperties properties) {
        if (properties.secretKey() != null && !properties.secretKey().isBlank()) {
            byte[] key;
            try {
                key = Base64.getDecoder().decode(properties.secretKey().strip());
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingException(SETTING, "the value is not base64 (standard alphabet A-Z a-z 0-9 + /, with = padding).",
                        "Create a key with `openssl rand -base64 32` and set it as DIJKWACHT_SECRET_KEY (the same on every replica).");
            }
            if (key.length < 32) {
                throw new InvalidSettingException(SETTING, "the key is " + key.length + " bytes; at least 32 bytes are needed.",
                        "Create a key with `openssl rand -base64 32` and set it as DIJKWACHT_SECRET_KEY (the same on every replica).");
            }
            return key;
        }
        Path file = properties.dataDir().resolve("secret.key");
        try {
            if (Files.exists(file)) {
                try {
                    return Base64.getDecoder().decode(Files.readString(file).strip());
                } catch (IllegalArgumentException e) {
                    throw new InvalidSettingException("dijkwacht.data-dir", "the key file " + file + " is not base64.",
                            "Restore the key file from your backup, or set DIJKWACHT_SECRET_KEY.");
                }
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
            throw new InvalidSettingException("dijkwacht.data-dir", "cannot read or create the key file " + file
                    + " (" + e.getClass().getSimpleName() + ").",
                    "Set DIJKWACHT_SECRET_KEY (production, read-only file systems), or give the gateway a writable DIJKWACHT_DATA_DIR.");
        }
    }
}

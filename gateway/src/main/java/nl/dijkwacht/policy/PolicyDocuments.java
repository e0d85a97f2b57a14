package nl.dijkwacht.policy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the files of one policy load, each checked against its JSON Schema, and hashes every file read (name and
 * bytes, in reading order) into the policy {@link #version()}. A file that cannot be read or fails its schema is
 * reported to {@link Problems} and comes back as {@code null}.
 */
final class PolicyDocuments {

    private final PolicySchemas schemas;
    private final Problems problems;
    private final MessageDigest digest = sha256();

    PolicyDocuments(PolicySchemas schemas, Problems problems) {
        this.schemas = schemas;
        this.problems = problems;
    }

    YamlDocument required(Path file, PolicySchemas.Kind kind) {
        if (!Files.isRegularFile(file)) {
            problems.add(new PolicyProblem(file, 0, null, "bestand niet gevonden"));
            return null;
        }
        return optional(file, kind);
    }

    YamlDocument optional(Path file, PolicySchemas.Kind kind) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            problems.add(new PolicyProblem(file, 0, null, "kan het bestand niet lezen (" + e.getClass().getSimpleName() + ")"));
            return null;
        }
        digest.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
        digest.update(bytes);
        YamlDocument doc = YamlDocument.read(file, bytes, problems);
        if (doc != null && (!schemas.validate(kind, doc, problems) || !doc.binds(kind.shape, problems))) {
            return null;
        }
        return doc;
    }

    /** Every {@code *.yaml} / {@code *.yml} file in {@code dir}, in name order. */
    List<YamlDocument> all(Path dir, PolicySchemas.Kind kind) {
        List<YamlDocument> docs = new ArrayList<>();
        for (Path file : yamlFiles(dir)) {
            docs.add(required(file, kind));
        }
        return docs;
    }

    /** The first 16 hex digits of the SHA-256 over every file read so far. */
    String version() {
        return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    }

    private List<Path> yamlFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            problems.add(new PolicyProblem(dir, 0, null, "map niet gevonden"));
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            problems.add(new PolicyProblem(dir, 0, null, "kan de map niet lezen"));
            return List.of();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package nl.dijkwacht.policy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Set;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import nl.dijkwacht.catalog.ModelCatalog;
import nl.dijkwacht.catalog.ModelDefinition;
import nl.dijkwacht.catalog.ProviderKind;
import nl.dijkwacht.identity.OperatorAccount;
import nl.dijkwacht.identity.OperatorRole;
import nl.dijkwacht.pii.EntityType;
import nl.dijkwacht.pii.Operator;
import nl.dijkwacht.pii.OperatorPolicy;
import org.springframework.boot.convert.DurationStyle;

/**
 * Reads {@code policies/} (tools.yaml, use-cases/*.yaml) and {@code models-config/} (*.yaml, one model per file)
 * into one {@link PolicySet}. Every error names the file and the field; nothing half-read is returned.
 */
public final class PolicyLoader {

    private static final Duration DEFAULT_CONNECT = Duration.ofSeconds(5);
    private static final Duration DEFAULT_RESPONSE = Duration.ofSeconds(120);

    private final ObjectMapper yaml = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public PolicySet load(Path policiesDir, Path modelsDir) {
        MessageDigest digest = sha256();
        Map<String, ToolPolicy> tools = loadTools(policiesDir.resolve("tools.yaml"), digest);
        Map<String, UseCasePolicy> useCases = new LinkedHashMap<>();
        for (Path file : yamlFiles(policiesDir.resolve("use-cases"))) {
            UseCasePolicy useCase = toUseCase(read(file, PolicyFiles.UseCaseFile.class, digest), file);
            if (useCases.putIfAbsent(useCase.id(), useCase) != null) {
                throw new PolicyLoadException(file + ": use-case id '" + useCase.id() + "' is declared twice");
            }
        }
        List<ModelDefinition> models = new ArrayList<>();
        for (Path file : yamlFiles(modelsDir)) {
            models.add(toModel(read(file, PolicyFiles.ModelFile.class, digest), file));
        }
        ModelCatalog catalog;
        try {
            catalog = new ModelCatalog(models);
        } catch (IllegalArgumentException e) {
            throw new PolicyLoadException(modelsDir + ": " + e.getMessage(), e);
        }
        checkReferences(tools, useCases, catalog, policiesDir);
        List<OperatorAccount> operators = loadOperators(policiesDir.resolve("operators.yaml"), digest);
        String version = HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        return new PolicySet(version, tools, useCases, catalog, operators);
    }

    private Map<String, ToolPolicy> loadTools(Path file, MessageDigest digest) {
        PolicyFiles.ToolsFile raw = read(file, PolicyFiles.ToolsFile.class, digest);
        Map<String, ToolPolicy> tools = new LinkedHashMap<>();
        if (raw.tools() == null) {
            return tools;
        }
        for (PolicyFiles.ToolEntry t : raw.tools()) {
            require(t.id(), file, "tools[].id");
            require(t.keySha256(), file, "tools[" + t.id() + "].key-sha256");
            if (!t.keySha256().matches("(?i)[0-9a-f]{64}")) {
                throw new PolicyLoadException(file + ": tools[" + t.id() + "].key-sha256 must be 64 hex characters (SHA-256 of the key, never the key)");
            }
            if (tools.putIfAbsent(t.id(), new ToolPolicy(t.id(), t.description(), t.keySha256().toLowerCase(Locale.ROOT),
                    t.defaultUseCase(), t.useCases())) != null) {
                throw new PolicyLoadException(file + ": tool id '" + t.id() + "' is declared twice");
            }
        }
        return tools;
    }

    private List<OperatorAccount> loadOperators(Path file, MessageDigest digest) {
        if (!Files.exists(file)) {
            return List.of();
        }
        PolicyFiles.OperatorsFile raw = read(file, PolicyFiles.OperatorsFile.class, digest);
        List<OperatorAccount> operators = new ArrayList<>();
        for (PolicyFiles.OperatorEntry o : raw.operators() == null ? List.<PolicyFiles.OperatorEntry>of() : raw.operators()) {
            require(o.id(), file, "operators[].id");
            require(o.keySha256(), file, "operators[" + o.id() + "].key-sha256");
            if (!o.keySha256().matches("(?i)[0-9a-f]{64}")) {
                throw new PolicyLoadException(file + ": operators[" + o.id() + "].key-sha256 must be 64 hex characters");
            }
            Set<OperatorRole> roles = EnumSet.noneOf(OperatorRole.class);
            for (String role : o.roles() == null ? List.<String>of() : o.roles()) {
                try {
                    roles.add(OperatorRole.valueOf(role.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new PolicyLoadException(file + ": operators[" + o.id() + "].roles: '" + role + "' is not admin or auditor");
                }
            }
            operators.add(new OperatorAccount(o.id(), o.keySha256().toLowerCase(Locale.ROOT), roles));
        }
        return operators;
    }

    private UseCasePolicy toUseCase(PolicyFiles.UseCaseFile raw, Path file) {
        require(raw.id(), file, "id");
        require(raw.purpose(), file, "purpose");
        if (raw.models() == null || raw.models().isEmpty()) {
            throw new PolicyLoadException(file + ": models must list at least one model id");
        }
        return new UseCasePolicy(raw.id(), raw.purpose(), raw.models(), toOperators(raw.pii(), file), raw.disclaimer());
    }

    private OperatorPolicy toOperators(PolicyFiles.PiiSection pii, Path file) {
        if (pii == null) {
            return OperatorPolicy.pseudonymiseAll();
        }
        Operator fallback = pii.defaultAction() == null ? Operator.PSEUDONYMISE : operator(pii.defaultAction(), file, "pii.default");
        Map<EntityType, Operator> byType = new EnumMap<>(EntityType.class);
        if (pii.entities() != null) {
            pii.entities().forEach((type, action) -> {
                EntityType entityType;
                try {
                    entityType = EntityType.valueOf(type.toUpperCase(Locale.ROOT).replace('-', '_'));
                } catch (IllegalArgumentException e) {
                    throw new PolicyLoadException(file + ": pii.entities." + type + " is not a known entity type");
                }
                byType.put(entityType, operator(action, file, "pii.entities." + type));
            });
        }
        return new OperatorPolicy(byType, fallback);
    }

    private static Operator operator(String action, Path file, String field) {
        try {
            return Operator.valueOf(action.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new PolicyLoadException(file + ": " + field + " must be one of pseudonymise, redact, hash, block, allow");
        }
    }

    private ModelDefinition toModel(PolicyFiles.ModelFile raw, Path file) {
        require(raw.id(), file, "id");
        require(raw.provider(), file, "provider");
        ProviderKind kind;
        try {
            kind = ProviderKind.fromYaml(raw.provider());
        } catch (IllegalArgumentException e) {
            throw new PolicyLoadException(file + ": provider: " + e.getMessage());
        }
        URI baseUrl = null;
        if (kind != ProviderKind.DRY_RUN) {
            require(raw.baseUrl(), file, "base-url");
            require(raw.upstreamModel(), file, "upstream-model");
            try {
                baseUrl = URI.create(raw.baseUrl().endsWith("/") ? raw.baseUrl().substring(0, raw.baseUrl().length() - 1) : raw.baseUrl());
            } catch (IllegalArgumentException e) {
                throw new PolicyLoadException(file + ": base-url is not a valid URL");
            }
        }
        Duration connect = duration(raw.timeouts() == null ? null : raw.timeouts().connect(), DEFAULT_CONNECT, file, "timeouts.connect");
        Duration response = duration(raw.timeouts() == null ? null : raw.timeouts().response(), DEFAULT_RESPONSE, file, "timeouts.response");
        Duration streamIdle = duration(raw.timeouts() == null ? null : raw.timeouts().streamIdle(), response, file, "timeouts.stream-idle");
        boolean embeddings = raw.embeddings() != null ? raw.embeddings() : kind != ProviderKind.ANTHROPIC;
        return new ModelDefinition(raw.id(), raw.description(), kind, baseUrl, raw.upstreamModel(), raw.apiKeyEnv(),
                connect, response, streamIdle, embeddings, file.getFileName().toString());
    }

    private static Duration duration(String text, Duration fallback, Path file, String field) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return DurationStyle.detectAndParse(text);
        } catch (IllegalArgumentException e) {
            throw new PolicyLoadException(file + ": " + field + " '" + text + "' is not a duration (e.g. 5s, 2m)");
        }
    }

    private static void checkReferences(Map<String, ToolPolicy> tools, Map<String, UseCasePolicy> useCases,
                                        ModelCatalog catalog, Path policiesDir) {
        for (UseCasePolicy useCase : useCases.values()) {
            for (String model : useCase.models()) {
                if (catalog.find(model).isEmpty()) {
                    throw new PolicyLoadException(policiesDir.resolve("use-cases") + ": use-case '" + useCase.id()
                            + "' names model '" + model + "', which is not in models-config/");
                }
            }
        }
        for (ToolPolicy tool : tools.values()) {
            List<String> named = new ArrayList<>(tool.useCases());
            if (tool.defaultUseCase() != null) {
                named.add(tool.defaultUseCase());
            }
            for (String id : named) {
                if (!useCases.containsKey(id)) {
                    throw new PolicyLoadException(policiesDir.resolve("tools.yaml") + ": tool '" + tool.id()
                            + "' names use-case '" + id + "', which is not in use-cases/");
                }
            }
        }
    }

    private <T> T read(Path file, Class<T> type, MessageDigest digest) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            digest.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            digest.update(bytes);
            T value = yaml.readValue(bytes, type);
            if (value == null) {
                throw new PolicyLoadException(file + ": the file is empty");
            }
            return value;
        } catch (IOException e) {
            throw new PolicyLoadException(file + ": " + firstLine(e.getMessage()), e);
        }
    }

    private static List<Path> yamlFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new PolicyLoadException(dir + ": directory not found");
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new PolicyLoadException(dir + ": cannot list files", e);
        }
    }

    private static void require(String value, Path file, String field) {
        if (value == null || value.isBlank()) {
            throw new PolicyLoadException(file + ": required field '" + field + "' is missing");
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

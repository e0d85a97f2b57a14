package nl.dijkwacht.catalog;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The approved models, by id. Immutable; a reload builds a new one. */
public final class ModelCatalog {

    private final Map<String, ModelDefinition> models;

    public ModelCatalog(Collection<ModelDefinition> definitions) {
        Map<String, ModelDefinition> byId = new LinkedHashMap<>();
        for (ModelDefinition d : definitions) {
            if (byId.putIfAbsent(d.id(), d) != null) {
                throw new IllegalArgumentException("model id '" + d.id() + "' is declared twice (" + d.sourceFile() + ")");
            }
        }
        this.models = Map.copyOf(byId);
    }

    public Optional<ModelDefinition> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(models.get(id));
    }

    public Collection<ModelDefinition> all() {
        return models.values();
    }
}

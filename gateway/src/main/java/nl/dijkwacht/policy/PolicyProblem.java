package nl.dijkwacht.policy;

import java.nio.file.Path;

/**
 * One thing wrong in a policy or catalogue file: the file, the line (1-based; 0 when unknown), the field as a
 * path such as {@code models[2]} or {@code pii.entities.BSN}, and what is wrong, in Dutch.
 */
public record PolicyProblem(Path file, int line, String field, String message) {

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(String.valueOf(file));
        if (line > 0) {
            out.append(':').append(line);
        }
        out.append(": ");
        if (field != null && !field.isEmpty()) {
            out.append('\'').append(field).append("': ");
        }
        return out.append(message).toString();
    }
}

package nl.dijkwacht.identity;

import java.util.Locale;

/**
 * What a person at the management side may do. The two are separated: an admin cannot read audit content or delete
 * records; an auditor cannot change policy or the kill switch.
 */
public enum OperatorRole {
    /** IT administrator: policy status, reload, kill switch (suspend/resume), explain. */
    ADMIN,
    /** Auditor, privacy officer, ethics committee: read, export and verify the audit trail, legal holds, retention runs. */
    AUDITOR;

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

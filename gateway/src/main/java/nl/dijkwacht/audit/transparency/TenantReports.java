package nl.dijkwacht.audit.transparency;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The public report of every tenant, each from that tenant's policy and records only: {@code /transparantie} is the
 * default tenant's, {@code /transparantie/<tenant>} another tenant's.
 */
public final class TenantReports {

    private final Map<String, TransparencyReport> byTenant;

    public TenantReports(Map<String, TransparencyReport> byTenant) {
        this.byTenant = Collections.unmodifiableMap(new LinkedHashMap<>(byTenant));
    }

    /** The report of a tenant; empty for an id nobody configured. */
    public Optional<TransparencyReport> of(String tenant) {
        return Optional.ofNullable(tenant == null ? null : byTenant.get(tenant));
    }
}

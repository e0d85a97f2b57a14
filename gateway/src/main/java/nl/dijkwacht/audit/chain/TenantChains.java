package nl.dijkwacht.audit.chain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.dijkwacht.audit.AuditRecord;
import nl.dijkwacht.audit.AuditSink;
import nl.dijkwacht.audit.RetainedContent;

/**
 * One hash chain per tenant: a record goes to the chain of the tenant it names. The default tenant keeps the
 * instance's chain id ({@code dijkwacht.audit.chain-id}, so a single-tenant gateway and the records it wrote before
 * tenants existed stay as they are); another tenant's chain is {@code <chain-id>@<tenant>}. A record without a
 * tenant, or naming a tenant nobody configured (a token of an unknown organisation, refused), goes to the default
 * tenant's chain: the default tenant's auditors see what belongs to no other tenant.
 */
public final class TenantChains implements AuditSink, AutoCloseable {

    private final String defaultTenant;
    private final ChainedJdbcAuditSink defaultChain;
    private final Map<String, ChainedJdbcAuditSink> others;

    /**
     * @param others the chains of the tenants besides the default one, by tenant id (each {@link #chainId} of
     *               {@code defaultChain}'s id and the tenant)
     */
    public TenantChains(String defaultTenant, ChainedJdbcAuditSink defaultChain, Map<String, ChainedJdbcAuditSink> others) {
        this.defaultTenant = defaultTenant;
        this.defaultChain = defaultChain;
        this.others = Collections.unmodifiableMap(new LinkedHashMap<>(others));
    }

    /** The chain id of a tenant that is not the default one: {@code <instance chain>@<tenant>}. */
    public static String chainId(String instanceChain, String tenant) {
        return instanceChain + '@' + tenant;
    }

    /**
     * The tenant whose records a chain holds: the configured tenant named after its last {@code @}, otherwise the
     * default tenant (its chains, those of other instances included, have no tenant suffix).
     */
    public String tenantOfChain(String chainId) {
        int at = chainId.lastIndexOf('@');
        String suffix = at < 0 ? null : chainId.substring(at + 1);
        return suffix != null && others.containsKey(suffix) ? suffix : defaultTenant;
    }

    /** This gateway's chain for a tenant (the default tenant's for {@code null} or an unknown tenant). */
    public String chainOf(String tenant) {
        return sinkOf(tenant).chainId();
    }

    private ChainedJdbcAuditSink sinkOf(String tenant) {
        ChainedJdbcAuditSink own = tenant == null ? null : others.get(tenant);
        return own != null ? own : defaultChain;
    }

    @Override
    public void append(AuditRecord record, RetainedContent content) {
        sinkOf(record.tenant()).append(record, content);
    }

    /** All chains share one store: available when every writer is. */
    @Override
    public boolean available() {
        if (!defaultChain.available()) {
            return false;
        }
        for (ChainedJdbcAuditSink s : others.values()) {
            if (!s.available()) {
                return false;
            }
        }
        return true;
    }

    /** Records waiting for the writers of all chains. */
    public int queueDepth() {
        int depth = defaultChain.queueDepth();
        for (ChainedJdbcAuditSink s : others.values()) {
            depth += s.queueDepth();
        }
        return depth;
    }

    /** Batches written by lone requests on their own threads ({@code byCaller}) or by the writer threads, all chains. */
    public long batches(boolean byCaller) {
        long n = byCaller ? defaultChain.batchesByCaller() : defaultChain.batchesByWriter();
        for (ChainedJdbcAuditSink s : others.values()) {
            n += byCaller ? s.batchesByCaller() : s.batchesByWriter();
        }
        return n;
    }

    /** Waits of the writer threads for fuller batches, all chains. */
    public long groupCommitWaits() {
        long n = defaultChain.groupCommitWaits();
        for (ChainedJdbcAuditSink s : others.values()) {
            n += s.groupCommitWaits();
        }
        return n;
    }

    /** Stops the other tenants' writers (the default chain is a bean of its own, closed with the context). */
    @Override
    public void close() {
        others.values().forEach(ChainedJdbcAuditSink::close);
    }
}

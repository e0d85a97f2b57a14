package nl.dijkwacht.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.dijkwacht.policy.ActivePolicy;
import nl.dijkwacht.policy.JdbcSuspensionStore;
import nl.dijkwacht.policy.PolicyLoader;
import nl.dijkwacht.policy.PolicyWatcher;
import nl.dijkwacht.policy.SuspensionStore;
import nl.dijkwacht.tenancy.TenancyProperties;
import nl.dijkwacht.tenancy.Tenant;
import nl.dijkwacht.tenancy.Tenants;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The tenants: the default one (the {@link ActivePolicy} bean of {@code dijkwacht.policies-dir}, with the
 * {@link SuspensionStore} bean and the {@link PolicyWatcher} bean of PolicyConfiguration — unchanged for a
 * single-tenant gateway) plus every {@code dijkwacht.tenants.<id>}, each with its own loaded policy, suspensions and
 * watcher (a reload or kill switch of one tenant never touches another's policy).
 */
@Configuration(proxyBeanMethods = false)
public class TenancyConfiguration {

    /** The watchers of the tenants besides the default one; closed with the context. */
    static final class TenantWatchers implements AutoCloseable {
        final List<PolicyWatcher> watchers = new ArrayList<>();

        @Override
        public void close() {
            watchers.forEach(PolicyWatcher::close);
        }
    }

    @Bean(destroyMethod = "close")
    TenantWatchers tenantWatchers() {
        return new TenantWatchers();
    }

    @Bean
    Tenants tenants(DijkwachtProperties properties, TenancyProperties tenancy, ActivePolicy activePolicy,
                    SuspensionStore suspensionStore, JdbcTemplate jdbc, TenantWatchers watchers,
                    PolicyProperties policyPolling) {
        if (!Tenants.ID.matcher(properties.tenant()).matches()) {
            throw new InvalidSettingException("dijkwacht.tenant", "the tenant id must be lower-case letters, digits and hyphens",
                    "Choose an id such as 'gemeente-utrecht'.");
        }
        List<Tenant> all = new ArrayList<>();
        all.add(new Tenant(properties.tenant(), activePolicy, suspensionStore, true));
        for (Map.Entry<String, TenancyProperties.Directories> e : tenancy.tenants().entrySet()) {
            String id = e.getKey();
            String setting = "dijkwacht.tenants." + id;
            if (!Tenants.ID.matcher(id).matches()) {
                throw new InvalidSettingException(setting, "a tenant id must be lower-case letters, digits and hyphens",
                        "Rename the tenant, e.g. 'gemeente-utrecht'.");
            }
            if (id.equals("algoritmeregister")) {
                throw new InvalidSettingException(setting, "'algoritmeregister' is a reserved name (/transparantie/algoritmeregister.json)",
                        "Give the tenant another id.");
            }
            if (id.equals(properties.tenant())) {
                throw new InvalidSettingException(setting, "this is the default tenant (dijkwacht.tenant), whose directories are "
                        + "dijkwacht.policies-dir and dijkwacht.models-dir", "Remove it from dijkwacht.tenants or give it another id.");
            }
            TenancyProperties.Directories dirs = e.getValue();
            if (dirs == null || dirs.policiesDir() == null) {
                throw new InvalidSettingException(setting + ".policies-dir", "every tenant needs its own policy directory",
                        "Set the directory with the tenant's tools.yaml, operators.yaml and use-cases/.");
            }
            ActivePolicy policy = new ActivePolicy(new PolicyLoader(), dirs.policiesDir(),
                    dirs.modelsDir() == null ? properties.modelsDir() : dirs.modelsDir());
            SuspensionStore suspensions = new JdbcSuspensionStore(jdbc, id);
            watchers.watchers.add(new PolicyWatcher(policy, suspensions, policyPolling.pollInterval()));
            all.add(new Tenant(id, policy, suspensions, false));
        }
        return new Tenants(all);
    }
}

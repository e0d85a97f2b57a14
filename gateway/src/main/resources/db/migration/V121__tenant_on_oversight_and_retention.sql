-- Tenants (issue 8, item 5): complaints, legal holds and retention runs belong to one tenant, so that an auditor sees
-- only their own organisation's. NULL (every row written before tenants existed) is the default tenant's.
-- Audit records and operator actions already carry their tenant (audit_record.tenant) and their chain
-- (<chain-id>@<tenant> for a tenant other than the default one).
ALTER TABLE audit_complaint ADD COLUMN tenant VARCHAR(128);
ALTER TABLE audit_legal_hold ADD COLUMN tenant VARCHAR(128);
ALTER TABLE audit_retention_run ADD COLUMN tenant VARCHAR(128);

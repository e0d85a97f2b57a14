-- Tenants (issue 8, item 5): kill-switch suspensions belong to one tenant. The default tenant's rows keep tenant ''
-- (so the rows written before tenants existed stay in force for it); another tenant's rows carry its id.
ALTER TABLE policy_suspension ADD COLUMN tenant VARCHAR(128) NOT NULL DEFAULT '';
ALTER TABLE policy_suspension DROP CONSTRAINT policy_suspension_pkey;
ALTER TABLE policy_suspension ADD PRIMARY KEY (tenant, kind, target_id);
